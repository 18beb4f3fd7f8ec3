/*
 * ops.h — every generic SSA opcode, defined once (X-macro).
 *
 *   X(Name, nargs, sig, auxkind, flags)
 *
 * nargs   number of arguments; -1 = variadic (Phi, calls, MakeResult).
 * sig     argument and result type classes, "ARGS>RESULT", one character
 *         per argument (a trailing '*' repeats the previous class any
 *         number of times, including zero):
 *           1 2 4 8  integer of that many bytes (signed, unsigned, uintptr)
 *           x        integer of any size (shift counts)
 *           b bool   f float32   F float64   c complex64   C complex128
 *           p        pointer-shaped (*T, unsafe.Pointer, map, chan, func)
 *           s string S slice     i interface
 *           m memory v void      t tuple    a any value but mem/void
 *           A anything           = (result only) the type of argument 0
 *         The checker (check.c) holds every value to its op's signature;
 *         Phi is special (all args have the phi's type).
 * auxkind what auxint/aux hold (AUX_*, ssa.h), for printing, parsing,
 *         checking and CSE.
 * flags   OPF_COMM (commutative in args 0 and 1), OPF_SE (has side effects:
 *         never removed, never CSE'd), OPF_CALL (a call), OPF_FAULT (arg 0
 *         is an address dereferenced: faults if nil), OPF_NOCSE.
 *
 * Families (Add8..Add64, ...) are contiguous, in width order 8, 16, 32,
 * 64, so passes can step from one width to the next (see ssa_op_width).
 */

#define SSA_INT_FAMILY(X, N, S, sig1, sig2, sig4, sig8, aux, fl) \
	X(N##8##S, 2, sig1, aux, fl) X(N##16##S, 2, sig2, aux, fl) \
	X(N##32##S, 2, sig4, aux, fl) X(N##64##S, 2, sig8, aux, fl)
#define SSA_BIN(X, N, fl) SSA_INT_FAMILY(X, N, , "11>=", "22>=", "44>=", "88>=", AUX_NONE, fl)
#define SSA_DIV(X, N, S) SSA_INT_FAMILY(X, N, S, "11>=", "22>=", "44>=", "88>=", AUX_NONE, 0)
#define SSA_CMP(X, N, S, fl) SSA_INT_FAMILY(X, N, S, "11>b", "22>b", "44>b", "88>b", AUX_NONE, fl)
#define SSA_UN(X, N) X(N##8, 1, "1>=", AUX_NONE, 0) X(N##16, 1, "2>=", AUX_NONE, 0) X(N##32, 1, "4>=", AUX_NONE, 0) X(N##64, 1, "8>=", AUX_NONE, 0)
/* shifts: Lsh<W>x<C>: value of width W, count of width C (unsigned);
 * auxint (bool) "bounded": the count is known to be < W. */
#define SSA_SHIFTW(X, N, S, W, s) \
	X(N##W##S##x8, 2, s "1>=", AUX_BOOL, 0) X(N##W##S##x16, 2, s "2>=", AUX_BOOL, 0) \
	X(N##W##S##x32, 2, s "4>=", AUX_BOOL, 0) X(N##W##S##x64, 2, s "8>=", AUX_BOOL, 0)
#define SSA_SHIFT(X, N, S) SSA_SHIFTW(X, N, S, 8, "1") SSA_SHIFTW(X, N, S, 16, "2") \
	SSA_SHIFTW(X, N, S, 32, "4") SSA_SHIFTW(X, N, S, 64, "8")

#define SSA_OPS(X) \
	X(Invalid, 0, ">v", AUX_NONE, 0) \
	/* integer arithmetic, wrapping (Go semantics) */ \
	SSA_BIN(X, Add, OPF_COMM) \
	SSA_BIN(X, Sub, 0) \
	SSA_BIN(X, Mul, OPF_COMM) \
	/* division: the divisor is known non-zero (the lowering emits the check); \
	 * signed MinInt/-1 wraps (gives MinInt, remainder 0) */ \
	SSA_DIV(X, Div, ) SSA_DIV(X, Div, u) \
	SSA_DIV(X, Mod, ) SSA_DIV(X, Mod, u) \
	SSA_BIN(X, And, OPF_COMM) \
	SSA_BIN(X, Or, OPF_COMM) \
	SSA_BIN(X, Xor, OPF_COMM) \
	/* shifts; a count >= width gives 0 (Lsh, Rsh..U) or the sign fill (Rsh) */ \
	SSA_SHIFT(X, Lsh, ) SSA_SHIFT(X, Rsh, ) SSA_SHIFT(X, Rsh, U) \
	SSA_CMP(X, Eq, , OPF_COMM) \
	SSA_CMP(X, Neq, , OPF_COMM) \
	SSA_CMP(X, Less, , 0) SSA_CMP(X, Less, U, 0) \
	SSA_CMP(X, Leq, , 0) SSA_CMP(X, Leq, U, 0) \
	SSA_UN(X, Neg) SSA_UN(X, Com) \
	/* pointers */ \
	X(AddPtr, 2, "p8>=", AUX_NONE, 0) \
	X(SubPtr, 2, "pp>8", AUX_NONE, 0) \
	/* unsafe.Pointer <-> uintptr: the same bits, another class */ \
	X(PtrToInt, 1, "p>8", AUX_NONE, 0) X(IntToPtr, 1, "8>p", AUX_NONE, 0) \
	X(OffPtr, 1, "p>p", AUX_INT64, 0) \
	X(EqPtr, 2, "pp>b", AUX_NONE, OPF_COMM) \
	X(NeqPtr, 2, "pp>b", AUX_NONE, OPF_COMM) \
	X(IsNonNil, 1, "p>b", AUX_NONE, 0) \
	/* booleans */ \
	X(AndB, 2, "bb>b", AUX_NONE, OPF_COMM) \
	X(OrB, 2, "bb>b", AUX_NONE, OPF_COMM) \
	X(EqB, 2, "bb>b", AUX_NONE, OPF_COMM) \
	X(NeqB, 2, "bb>b", AUX_NONE, OPF_COMM) \
	X(Not, 1, "b>b", AUX_NONE, 0) \
	X(CondSelect, 3, "aab>=", AUX_NONE, 0) \
	/* floating point (IEEE 754, round to nearest even) */ \
	X(Add32F, 2, "ff>f", AUX_NONE, OPF_COMM) X(Add64F, 2, "FF>F", AUX_NONE, OPF_COMM) \
	X(Sub32F, 2, "ff>f", AUX_NONE, 0) X(Sub64F, 2, "FF>F", AUX_NONE, 0) \
	X(Mul32F, 2, "ff>f", AUX_NONE, OPF_COMM) X(Mul64F, 2, "FF>F", AUX_NONE, OPF_COMM) \
	X(Div32F, 2, "ff>f", AUX_NONE, 0) X(Div64F, 2, "FF>F", AUX_NONE, 0) \
	X(Neg32F, 1, "f>f", AUX_NONE, 0) X(Neg64F, 1, "F>F", AUX_NONE, 0) \
	X(Eq32F, 2, "ff>b", AUX_NONE, OPF_COMM) X(Eq64F, 2, "FF>b", AUX_NONE, OPF_COMM) \
	X(Neq32F, 2, "ff>b", AUX_NONE, OPF_COMM) X(Neq64F, 2, "FF>b", AUX_NONE, OPF_COMM) \
	X(Less32F, 2, "ff>b", AUX_NONE, 0) X(Less64F, 2, "FF>b", AUX_NONE, 0) \
	X(Leq32F, 2, "ff>b", AUX_NONE, 0) X(Leq64F, 2, "FF>b", AUX_NONE, 0) \
	X(Sqrt, 1, "F>F", AUX_NONE, 0) \
	/* conversions */ \
	X(SignExt8to16, 1, "1>2", AUX_NONE, 0) X(SignExt8to32, 1, "1>4", AUX_NONE, 0) \
	X(SignExt8to64, 1, "1>8", AUX_NONE, 0) X(SignExt16to32, 1, "2>4", AUX_NONE, 0) \
	X(SignExt16to64, 1, "2>8", AUX_NONE, 0) X(SignExt32to64, 1, "4>8", AUX_NONE, 0) \
	X(ZeroExt8to16, 1, "1>2", AUX_NONE, 0) X(ZeroExt8to32, 1, "1>4", AUX_NONE, 0) \
	X(ZeroExt8to64, 1, "1>8", AUX_NONE, 0) X(ZeroExt16to32, 1, "2>4", AUX_NONE, 0) \
	X(ZeroExt16to64, 1, "2>8", AUX_NONE, 0) X(ZeroExt32to64, 1, "4>8", AUX_NONE, 0) \
	X(Trunc16to8, 1, "2>1", AUX_NONE, 0) X(Trunc32to8, 1, "4>1", AUX_NONE, 0) \
	X(Trunc32to16, 1, "4>2", AUX_NONE, 0) X(Trunc64to8, 1, "8>1", AUX_NONE, 0) \
	X(Trunc64to16, 1, "8>2", AUX_NONE, 0) X(Trunc64to32, 1, "8>4", AUX_NONE, 0) \
	X(Cvt32to32F, 1, "4>f", AUX_NONE, 0) X(Cvt32to64F, 1, "4>F", AUX_NONE, 0) \
	X(Cvt64to32F, 1, "8>f", AUX_NONE, 0) X(Cvt64to64F, 1, "8>F", AUX_NONE, 0) \
	X(Cvt64Uto32F, 1, "8>f", AUX_NONE, 0) X(Cvt64Uto64F, 1, "8>F", AUX_NONE, 0) \
	X(Cvt32Fto32, 1, "f>4", AUX_NONE, 0) X(Cvt32Fto64, 1, "f>8", AUX_NONE, 0) \
	X(Cvt64Fto32, 1, "F>4", AUX_NONE, 0) X(Cvt64Fto64, 1, "F>8", AUX_NONE, 0) \
	X(Cvt64Fto64U, 1, "F>8", AUX_NONE, 0) \
	X(Cvt32Fto64F, 1, "f>F", AUX_NONE, 0) X(Cvt64Fto32F, 1, "F>f", AUX_NONE, 0) \
	X(CvtBoolToUint8, 1, "b>1", AUX_NONE, 0) \
	/* constants (auxint holds the value, sign-extended from its width; \
	 * floats as float64 bits, Const32F's exactly representable in float32) */ \
	X(ConstBool, 0, ">b", AUX_BOOL, 0) \
	X(Const8, 0, ">1", AUX_INT8, 0) X(Const16, 0, ">2", AUX_INT16, 0) \
	X(Const32, 0, ">4", AUX_INT32, 0) X(Const64, 0, ">8", AUX_INT64, 0) \
	X(Const32F, 0, ">f", AUX_F32, 0) X(Const64F, 0, ">F", AUX_F64, 0) \
	X(ConstNil, 0, ">p", AUX_NONE, 0) \
	X(ConstString, 0, ">s", AUX_STR, 0) \
	X(ConstSlice, 0, ">S", AUX_NONE, 0) X(ConstInterface, 0, ">i", AUX_NONE, 0) \
	/* SSA plumbing */ \
	X(Phi, -1, "A*>=", AUX_NONE, 0) \
	X(Copy, 1, "A>=", AUX_NONE, 0) \
	X(Unknown, 0, ">a", AUX_NONE, 0) \
	X(InitMem, 0, ">m", AUX_NONE, 0) \
	/* Arg: a parameter, {name} at [offset] in the argument area (ABI0) */ \
	X(Arg, 0, ">a", AUX_SYMOFF, 0) \
	X(SP, 0, ">8", AUX_NONE, 0) X(SB, 0, ">8", AUX_NONE, 0) \
	X(Addr, 1, "8>p", AUX_SYM, 0) /* address of a global: Addr {sym} SB */ \
	X(LocalAddr, 2, "8m>p", AUX_SYM, 0) /* address of a local: {var} SP mem */ \
	X(GetG, 1, "m>p", AUX_NONE, 0) \
	X(GetClosurePtr, 0, ">p", AUX_NONE, 0) \
	/* memory: Load ptr mem; Store ptr val mem; Zero [size] ptr mem; \
	 * Move [size] dst src mem */ \
	X(Load, 2, "pm>a", AUX_NONE, OPF_FAULT) \
	X(Store, 3, "pam>m", AUX_NONE, OPF_FAULT) \
	X(Zero, 2, "pm>m", AUX_SIZE, OPF_FAULT) \
	X(Move, 3, "ppm>m", AUX_SIZE, OPF_FAULT) \
	X(WB, 3, "ppm>m", AUX_SYM, 0) /* write barrier marker: {fn} dst src mem */ \
	X(VarDef, 1, "m>m", AUX_SYM, 0) \
	X(VarLive, 1, "m>m", AUX_SYM, 0) \
	X(KeepAlive, 2, "am>m", AUX_NONE, 0) \
	X(NilCheck, 2, "pm>v", AUX_NONE, OPF_SE | OPF_FAULT) \
	X(IsInBounds, 2, "88>b", AUX_NONE, 0) /* 0 <= idx < len */ \
	X(IsSliceInBounds, 2, "88>b", AUX_NONE, 0) /* 0 <= idx <= len */ \
	X(PanicBounds, 3, "88m>m", AUX_INT64, OPF_CALL) \
	/* calls: args... mem -> mem, or (results..., mem) tuple; [argsize] */ \
	X(StaticCall, -1, "a*m>A", AUX_CALL, OPF_CALL) \
	X(ClosureCall, -1, "pa*m>A", AUX_CALL, OPF_CALL) \
	X(InterCall, -1, "pa*m>A", AUX_CALL, OPF_CALL) \
	X(SelectN, 1, "t>A", AUX_INT64, 0) \
	X(MakeResult, -1, "a*m>t", AUX_NONE, 0) \
	/* aggregates */ \
	X(StringMake, 2, "p8>s", AUX_NONE, 0) \
	X(StringPtr, 1, "s>p", AUX_NONE, 0) X(StringLen, 1, "s>8", AUX_NONE, 0) \
	X(SliceMake, 3, "p88>S", AUX_NONE, 0) \
	X(SlicePtr, 1, "S>p", AUX_NONE, 0) X(SliceLen, 1, "S>8", AUX_NONE, 0) \
	X(SliceCap, 1, "S>8", AUX_NONE, 0) \
	X(IMake, 2, "pp>i", AUX_NONE, 0) \
	X(ITab, 1, "i>p", AUX_NONE, 0) X(IData, 1, "i>p", AUX_NONE, 0) \
	X(ComplexMake, 2, "aa>a", AUX_NONE, 0) \
	X(ComplexReal, 1, "a>a", AUX_NONE, 0) X(ComplexImag, 1, "a>a", AUX_NONE, 0)

/* Block kinds: X(Name, ncontrols, nsuccs) (nsuccs -1: any).
 *   Plain  -> b                   one successor
 *   If c -> yes no               c is bool
 *   Ret m                        return; m is the memory or a MakeResult
 *   Exit m                       does not return (panics): no successor
 *   Defer m -> normal recover    after a deferproc call: two successors
 *   First -> a b                 always goes to a (b is kept for the CFG
 *                                until deadcode drops the edge) */
#define SSA_BLOCKS(X) \
	X(Invalid, 0, 0) \
	X(Plain, 0, 1) \
	X(If, 1, 2) \
	X(Ret, 1, 0) \
	X(Exit, 1, 0) \
	X(Defer, 1, 2) \
	X(First, 0, 2)
