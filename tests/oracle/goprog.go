// goprog — writes a random, deterministic, terminating Go program from a
// seed, for differential testing of goc against gc (tests/fuzz/goprog.sh).
// Usage: goprog SEED > prog.go.  Built together with goprogstd.go, which
// adds statements and expressions calling the standard library (fmt,
// strings, strconv, sort, errors, bytes, unicode/utf8, math) from a random
// source of their own: GOPROG_STD=0 gives the import-free program below.
//
// The program is type-directed: each generated function has random
// parameters and results drawn from a fixed pool of types (every integer
// width, float32/64, bool, string, a struct, an array, a slice, a map, a
// pointer, an interface, a closure type), and a body of random statements
// over its locals.  Every local is folded into a per-function checksum
// `cs` at the end of its block (so none is "declared and not used"), the
// checksum goes into the global `gcs`, and main prints gcs and each
// function's results.
//
// Statements aimed at the back end: many simultaneously live numeric
// locals updated in a loop around calls (register pressure, spills);
// x/k and x%k for constants k of every integer width over the extreme
// values; complex64/complex128 arithmetic and comparison; arrays of
// structs, struct-valued maps updated through a temporary,
// multi-dimensional arrays; an embedded interface and type switches with
// several types per case; select over several ready buffered channels
// (results summed); shadowing in nested scopes and statement headers;
// labeled break/continue out of a switch and a select in nested loops.
//
// Statements aimed at calls, panics and the runtime (newStmt): nested
// composite literals (slices, arrays, maps with pointer, array and struct
// keys, pointers to arrays, a struct of them) with &T and T elided, every
// pointer collected and compared pairwise later, then written through;
// tuple assignments whose later target panics (index out of range, nil
// pointer, nil map, nil array pointer) in a func literal that recovers,
// the targets printed afterwards (the earlier ones are assigned); panics
// with values of every kind (every basic type, named types, error and
// Stringer types with value and pointer receivers and promoted through
// value and pointer embedding, structs, slices, pointers, nil, run-time
// errors) recovered, re-panicked, replaced by a panic in a deferred call,
// recovered into named results; func literals called in place with defer
// and recover, with no, unnamed and named results; f(g()) with a
// multi-value g into func literals, variadic functions (...T,
// ...interface{}, a fixed parameter then ...), methods, interface
// methods, method values, generic functions and methods; maps with keys
// and elements of 136 bytes to 4 KB; method values and method
// expressions through value and pointer embedding, two levels deep and
// through interfaces; deferred calls of every shape (direct, closures
// with arguments, method values, interface methods, promoted methods,
// method expressions of types and interfaces, generic functions and
// methods, builtins, a nil func) with recover inside them and around
// them, and recover called indirectly (nil); every run-time error's text
// (index and slice bounds for slices, arrays, array pointers and strings
// with 2 and 3 indices and every index type, slice to array pointer
// conversions, division by zero of every width, nil map writes, failed
// type assertions from interface{} and I, nil dereferences, negative
// shifts, make with bad sizes, unhashable and uncomparable operands,
// closing nil and closed channels, sending on a closed channel) printed
// with println(r.(error).Error()); closures that capture variables and
// contain defer, stored in variables, struct fields and slices, called in
// place and started with go.  Functions may have named results (set by
// deferred calls and by a recovering deferred call after a panic) or no
// results (called as statements); main may end in an unrecovered panic
// (a value of any kind, a "[recovered]" chain, a panic in a deferred
// call, a run-time error, a panic in another goroutine, a deadlock).  Also (newStmt2): recover's reach (nil in a
// helper a deferred function calls and in a function deferred by a
// deferred function, the panic of a deferred function that panics
// itself); the times a deferred call's function value, receiver and
// arguments (a large array) are evaluated, deferred calls in loops; NaN
// and signed zeros as map keys and in interface and array comparisons,
// interface keys of distinct dynamic types; range over an array copy, a
// pointer to it, a slice appended to inside, a call evaluated once;
// copy and append between overlapping parts of a slice; method values of
// nil pointers and interfaces (panicking when evaluated or when called);
// methods promoted from an embedded interface, nil too; recursive
// closures with defer; select over nil channels, channels of large
// elements, deleting every key of a map while ranging over it, struct and
// array equality with NaN and signed zeros; deep recursion with large
// frames (stacks that grow and move) and a deferred call at every level,
// recovering in between, in a new goroutine too; maps grown to thousands
// of entries with deletions.  GOPROG_AVOID leaves out shapes that hit a known
// bug (see avoid).
//
// What keeps the output defined (besides what follows: only one
// operation that can panic per recovering func literal, panic values
// printed through pv, which shows no addresses; goroutines that write a
// captured variable are waited for before it is read): functions may only read through their
// pointer/slice/map parameters (so no call in an expression changes what
// another operand reads: Go leaves that order unspecified); map ranges are
// summed commutatively; float-to-int conversions go through f2i, which
// clamps (out-of-range conversions are implementation-specific);
// constant-constant operations are never generated (they could overflow
// at compile time); goroutines only read their parameters and talk over
// channels whose results are summed or read in a fixed order; calls only
// go to functions with a smaller number (no recursion), and loops are
// bounded by small constants.
//
// Built by the tests with gc; not part of goc.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

type kind int

const (
	kInt kind = iota // every integer type: name says which
	kFloat
	kBool
	kString
	kStruct // S
	kArray  // [4]int16
	kSlice  // []int
	kMap    // map[string]int
	kPtr    // *S
	kIface  // I
	kFunc   // func(int) int
)

type typ struct {
	name   string
	k      kind
	bits   int
	signed bool
}

var (
	intTypes = []*typ{
		{"int", kInt, 64, true}, {"int8", kInt, 8, true}, {"int16", kInt, 16, true},
		{"int32", kInt, 32, true}, {"int64", kInt, 64, true}, {"uint", kInt, 64, false},
		{"uint8", kInt, 8, false}, {"uint16", kInt, 16, false}, {"uint32", kInt, 32, false},
		{"uint64", kInt, 64, false}, {"uintptr", kInt, 64, false},
	}
	tInt     = intTypes[0]
	tInt16   = intTypes[2]
	tInt32   = intTypes[3]
	tInt64   = intTypes[4]
	tUint    = intTypes[5]
	tUint8   = intTypes[6]
	tUint64  = intTypes[9]
	tFloat64 = &typ{"float64", kFloat, 64, true}
	tFloat32 = &typ{"float32", kFloat, 32, true}
	tBool    = &typ{"bool", kBool, 0, false}
	tString  = &typ{"string", kString, 0, false}
	tS       = &typ{"S", kStruct, 0, false}
	tArr     = &typ{"[4]int16", kArray, 0, false}
	tSlice   = &typ{"[]int", kSlice, 0, false}
	tMap     = &typ{"map[string]int", kMap, 0, false}
	tPtr     = &typ{"*S", kPtr, 0, false}
	tIface   = &typ{"I", kIface, 0, false}
	tFunc    = &typ{"func(int) int", kFunc, 0, false}
	allTypes []*typ
)

func init() {
	allTypes = append(allTypes, intTypes...)
	allTypes = append(allTypes, tFloat64, tFloat32, tBool, tString, tS, tArr, tSlice, tMap, tPtr, tIface, tFunc)
}

type variable struct {
	name string
	t    *typ
	ro   bool // a parameter seen through: never written (pointer/slice/map/closure captured)
}

type fn struct {
	name    string
	params  []*typ
	results []*typ
}

type gen struct {
	r       *rand.Rand
	out     strings.Builder
	ind     int
	scopes  [][]*variable
	nvar    int
	funcs   []*fn // callable (already generated)
	loop    int   // loop nesting depth
	labels  []string
	nlabel  int
	inGo    bool            // inside a goroutine body: only its own locals
	gfuncs  int             // number of generic functions
	used    map[string]bool // labels a break/continue names
	noCalls bool
	noMeth  bool // no panic values with Error or String methods
	// the standard-library statements (goprogstd.go): their random
	// source, name prefix and counters, apart from the rest's
	sr             *rand.Rand
	np             string
	snvar, snlabel int
}

func (g *gen) p(format string, a ...interface{}) {
	g.out.WriteString(strings.Repeat("\t", g.ind))
	fmt.Fprintf(&g.out, format, a...)
	g.out.WriteByte('\n')
}

func (g *gen) n(k int) int         { return g.r.Intn(k) }
func (g *gen) chance(pct int) bool { return g.r.Intn(100) < pct }

func (g *gen) newName(prefix string) string {
	g.nvar++
	return g.np + prefix + strconv.Itoa(g.nvar)
}

func (g *gen) push() { g.scopes = append(g.scopes, nil) }

// pop folds the innermost scope's variables into cs and drops them.
func (g *gen) pop() {
	top := g.scopes[len(g.scopes)-1]
	for _, v := range top {
		g.p("cs = cs*31 + %s", g.hash(v.name, v.t))
	}
	g.scopes = g.scopes[:len(g.scopes)-1]
}

func (g *gen) declare(name string, t *typ, ro bool) {
	v := &variable{name, t, ro}
	g.scopes[len(g.scopes)-1] = append(g.scopes[len(g.scopes)-1], v)
}

func (g *gen) vars(t *typ, writable bool) []*variable {
	var vs []*variable
	for _, s := range g.scopes {
		for _, v := range s {
			if v.t == t && (!writable || !v.ro) {
				vs = append(vs, v)
			}
		}
	}
	return vs
}

// hash is a uint64 expression summarising the value of expression e of type t.
func (g *gen) hash(e string, t *typ) string {
	switch t.k {
	case kInt:
		return "uint64(" + e + ")"
	case kFloat:
		return "uint64(f2i(float64(" + e + ")*1000))"
	case kBool:
		return "b2u(" + e + ")"
	case kString:
		return "hstr(" + e + ")"
	case kStruct:
		return "hS(" + e + ")"
	case kArray:
		return "hA(" + e + ")"
	case kSlice:
		return "hsl(" + e + ")"
	case kMap:
		return "hm(" + e + ")"
	case kPtr:
		return "hp(" + e + ")"
	case kIface:
		return "hi(" + e + ")"
	case kFunc:
		return "uint64(" + e + "(3))"
	}
	panic("hash")
}

func (g *gen) intLit(t *typ) string {
	var v int64
	switch g.n(6) {
	case 0:
		v = 0
	case 1:
		v = 1
	case 2:
		v = int64(g.n(10))
	case 3: // near the top
		if t.signed {
			v = int64(1)<<(t.bits-1) - 1 - int64(g.n(3))
		} else if t.bits == 64 {
			return fmt.Sprintf("%s(%d)", t.name, uint64(1<<63)+uint64(1<<63-1)-uint64(g.n(3)))
		} else {
			v = int64(1)<<t.bits - 1 - int64(g.n(3))
		}
	case 4: // near the bottom
		if t.signed {
			v = -(int64(1) << (t.bits - 1)) + int64(g.n(3))
		} else {
			v = int64(g.n(3))
		}
	default:
		v = int64(g.n(1000))
		if t.bits == 8 {
			v %= 100
		}
		if t.signed && g.chance(50) {
			v = -v
		}
	}
	return fmt.Sprintf("%s(%d)", t.name, v)
}

func (g *gen) lit(t *typ) string {
	switch t.k {
	case kInt:
		return g.intLit(t)
	case kFloat:
		fs := []string{"0", "1", "-1", "0.5", "2.25", "-3.75", "100", "1e10", "-1e-3", "123456.125", "3.4e38", "1e300"}
		s := fs[g.n(len(fs))]
		if t == tFloat32 && (s == "1e300") {
			s = "1e30"
		}
		return t.name + "(" + s + ")"
	case kBool:
		if g.chance(50) {
			return "true"
		}
		return "false"
	case kString:
		ss := []string{`""`, `"a"`, `"hello"`, `"Go语言"`, `"xyz\x00\xff"`, `"0123456789"`}
		return ss[g.n(len(ss))]
	case kStruct:
		return fmt.Sprintf("S{A: %s, B: %s, C: [2]uint8{%d, %d}}", g.intLit(tInt64), g.lit(tString), g.n(256), g.n(256))
	case kArray:
		return fmt.Sprintf("[4]int16{%s, %s, %s, %s}", g.intLit(tInt16), g.intLit(tInt16), g.intLit(tInt16), g.intLit(tInt16))
	case kSlice:
		n := 1 + g.n(5)
		var es []string
		for i := 0; i < n; i++ {
			es = append(es, strconv.Itoa(g.n(200)-100))
		}
		return "[]int{" + strings.Join(es, ", ") + "}"
	case kMap:
		n := g.n(4)
		var es []string
		for i := 0; i < n; i++ {
			es = append(es, fmt.Sprintf("\"k%d\": %d", i, g.n(100)))
		}
		return "map[string]int{" + strings.Join(es, ", ") + "}"
	case kPtr:
		return "&" + g.lit(tS)
	case kIface:
		switch g.n(3) {
		case 0:
			return "I(" + g.lit(tS) + ")"
		case 1:
			return fmt.Sprintf("I(&T2{%d})", g.n(100))
		default:
			return fmt.Sprintf("I(T3(%d))", g.n(100))
		}
	case kFunc:
		return fmt.Sprintf("func(x int) int { return x*%d + %d }", g.n(7)+1, g.n(100))
	}
	panic("lit")
}

// leaf: a variable of type t, a global, or a literal.  The bool says whether
// it is a constant.
func (g *gen) leaf(t *typ) (string, bool) {
	vs := g.vars(t, false)
	if len(vs) > 0 && g.chance(75) {
		return vs[g.n(len(vs))].name, false
	}
	if t.k == kInt && g.chance(60) { // another integer variable, converted
		var ivs []*variable
		for _, s := range g.scopes {
			for _, v := range s {
				if v.t.k == kInt {
					ivs = append(ivs, v)
				}
			}
		}
		if len(ivs) > 0 {
			return t.name + "(" + ivs[g.n(len(ivs))].name + ")", false
		}
	}
	if !g.inGo && g.chance(30) {
		return "g_" + gname(t), false
	}
	l := g.lit(t)
	return l, t.k <= kString
}

func gname(t *typ) string {
	switch t.k {
	case kStruct:
		return "S"
	case kArray:
		return "A"
	case kSlice:
		return "Sl"
	case kMap:
		return "M"
	case kPtr:
		return "P"
	case kIface:
		return "I"
	case kFunc:
		return "F"
	}
	return t.name
}

// nonConst: an expression of type t that is not constant.
func (g *gen) nonConst(t *typ, d int) string {
	for i := 0; i < 5; i++ {
		e, c := g.expr(t, d)
		if !c {
			return e
		}
	}
	if g.inGo {
		vs := g.vars(t, false)
		if len(vs) > 0 {
			return vs[0].name
		}
		return "id_" + gname(t) + "(" + g.lit(t) + ")"
	}
	return "g_" + gname(t)
}

func (g *gen) call(t *typ, d int) (string, bool) {
	if g.inGo || g.noCalls {
		return "", false
	}
	var cands []*fn
	for _, f := range g.funcs {
		if len(f.results) == 1 && f.results[0] == t {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	f := cands[g.n(len(cands))]
	return f.name + "(" + g.args(f.params, d) + ")", true
}

func (g *gen) args(ps []*typ, d int) string {
	var as []string
	for _, pt := range ps {
		e, _ := g.expr(pt, d-1)
		as = append(as, e)
	}
	return strings.Join(as, ", ")
}

func (g *gen) expr(t *typ, d int) (string, bool) {
	if e, c, ok := g.maybeStdExpr(t, d); ok {
		return e, c
	}
	if d <= 0 || g.chance(20) {
		return g.leaf(t)
	}
	if g.chance(8) {
		if e, ok := g.call(t, d); ok {
			return e, false
		}
	}
	switch t.k {
	case kInt:
		return g.intExpr(t, d)
	case kFloat:
		return g.floatExpr(t, d)
	case kBool:
		return g.boolExpr(d)
	case kString:
		return g.stringExpr(d)
	case kStruct:
		switch g.n(4) {
		case 0:
			if vs := g.vars(tPtr, false); len(vs) > 0 {
				v := vs[g.n(len(vs))].name
				return fmt.Sprintf("derefS(%s)", v), false
			}
		case 1:
			return fmt.Sprintf("S{A: %s, B: %s, C: [2]uint8{%s, 7}}", g.nonConst(tInt64, d-1), g.sub(tString, d), g.sub(tUint8, d)), false
		case 2:
			return fmt.Sprintf("gId[S](%s)", g.sub(tS, d)), false
		}
		return g.leaf(t)
	case kArray:
		if g.chance(50) {
			return fmt.Sprintf("[4]int16{%s, 3, %s}", g.sub(tInt16, d), g.sub(tInt16, d)), false
		}
		return g.leaf(t)
	case kSlice:
		switch g.n(5) {
		case 0:
			s := g.nonConst(tSlice, d-1)
			return fmt.Sprintf("%s[int(uint(%s)%%uint(len(%s))):]", s, g.nonConst(tInt, d-1), s), false
		case 1:
			return fmt.Sprintf("append(%s, %s)", g.sub(tSlice, d), g.sub(tInt, d)), false
		case 2:
			return fmt.Sprintf("gMap(%s, func(x int) int { return x ^ %d })", g.sub(tSlice, d), g.n(100)), false
		}
		return g.leaf(t)
	case kPtr:
		if g.chance(40) {
			return "&" + g.lit(tS), false
		}
		return g.leaf(t)
	case kIface:
		switch g.n(4) {
		case 0:
			return "I(" + g.nonConst(tS, d-1) + ")", false
		case 1:
			return "I(T3(" + g.nonConst(tInt, d-1) + "))", false
		case 2:
			return "mkI(" + g.sub(tInt, d) + ")", false
		}
		return g.leaf(t)
	case kFunc:
		if g.chance(50) {
			// a closure capturing a read-only copy
			c := g.sub(tInt, d)
			return fmt.Sprintf("func(c int) func(int) int { return func(x int) int { return x*3 - c } }(%s)", c), false
		}
		return g.leaf(t)
	}
	return g.leaf(t)
}

func (g *gen) sub(t *typ, d int) string {
	e, _ := g.expr(t, d-1)
	return e
}

func (g *gen) otherNumeric() *typ {
	if g.chance(20) {
		if g.chance(50) {
			return tFloat64
		}
		return tFloat32
	}
	return intTypes[g.n(len(intTypes))]
}

func (g *gen) intExpr(t *typ, d int) (string, bool) {
	switch g.n(14) {
	case 0, 1, 2, 3:
		ops := []string{"+", "-", "*", "&", "|", "^", "&^"}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(t, d-1)
		var b string
		if ac {
			b = g.nonConst(t, d-1)
		} else {
			b, _ = g.expr(t, d-1)
		}
		if op == "-" && t.bits == 32 && !t.signed && strings.HasPrefix(b, "(-") {
			// gc 1.19 drops the zero-extension of 0 - (-x) for uint32
			// (tests/runtime/gocases/uint32_negneg.go): not a goc bug
			op = "+"
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 4: // division and remainder by a non-zero operand
		op := "/"
		if g.chance(50) {
			op = "%"
		}
		a := g.nonConst(t, d-1)
		switch g.n(3) {
		case 0:
			k := 1 + g.n(12)
			if g.chance(30) {
				k = []int{2, 4, 8, 16, 3, 7, 10, 64, 127}[g.n(9)]
			}
			if t.signed && g.chance(30) {
				k = -k
			}
			if !t.signed || t.bits > 8 || (k < 128 && k > -128) {
				return fmt.Sprintf("(%s %s %d)", a, op, k), false
			}
			return fmt.Sprintf("(%s %s 3)", a, op), false
		default:
			b, _ := g.expr(t, d-1)
			return fmt.Sprintf("(%s %s (%s | 1))", a, op, b), false
		}
	case 5: // shifts
		a := g.nonConst(t, d-1)
		op := "<<"
		if g.chance(50) {
			op = ">>"
		}
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("(%s %s %d)", a, op, g.n(t.bits)), false
		case 1:
			ct := intTypes[5+g.n(6)] // unsigned count of any width, may exceed the width
			return fmt.Sprintf("(%s %s (%s %% %d))", a, op, g.nonConst(ct, d-1), t.bits+3), false
		default:
			ct := intTypes[g.n(len(intTypes))]
			return fmt.Sprintf("(%s %s (%s & %d))", a, op, g.nonConst(ct, d-1), t.bits-1), false
		}
	case 6: // unary
		a := g.nonConst(t, d-1)
		if g.chance(50) {
			return "(-" + a + ")", false
		}
		return "(^" + a + ")", false
	case 7: // conversion
		o := g.otherNumeric()
		if o.k == kFloat {
			return fmt.Sprintf("%s(f2i(float64(%s)))", t.name, g.nonConst(o, d-1)), false
		}
		return fmt.Sprintf("%s(%s)", t.name, g.nonConst(o, d-1)), false
	case 8: // lengths, indexing, fields
		switch g.n(7) {
		case 0:
			return fmt.Sprintf("%s(len(%s))", t.name, g.nonConst(tString, d-1)), false
		case 1:
			s := g.nonConst(tSlice, d-1)
			return fmt.Sprintf("%s(%s[uint(%s)%%uint(len(%s))])", t.name, s, g.sub(tUint, d), s), false
		case 2:
			a := g.nonConst(tArr, d-1)
			return fmt.Sprintf("%s(%s[%s&3])", t.name, a, g.sub(tInt, d)), false
		case 3:
			return fmt.Sprintf("%s(%s.A)", t.name, g.nonConst(tS, d-1)), false
		case 4:
			return fmt.Sprintf("%s(%s[%s])", t.name, g.nonConst(tMap, d-1), g.sub(tString, d)), false
		case 5:
			s := g.nonConst(tString, d-1)
			return fmt.Sprintf("%s((%s + \"q\")[uint(%s)%%uint(len(%s)+1)])", t.name, s, g.sub(tUint8, d), s), false
		default:
			return fmt.Sprintf("%s(%s.C[%s&1])", t.name, g.nonConst(tS, d-1), g.sub(tUint16Or(t), d)), false
		}
	case 9: // interface method, closure call
		if g.chance(50) {
			return fmt.Sprintf("%s(hi(%s))", t.name, g.sub(tIface, d)), false
		}
		return fmt.Sprintf("%s(%s(%s))", t.name, g.nonConst(tFunc, d-1), g.sub(tInt, d)), false
	case 10: // generics
		if g.gfuncs > 0 && g.chance(60) {
			k := g.n(g.gfuncs)
			return fmt.Sprintf("gen%d[%s](%s, %s)", k, t.name, g.nonConst(t, d-1), g.sub(t, d)), false
		}
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("gMax(%s, %s)", g.nonConst(t, d-1), g.sub(t, d)), false
		case 1:
			return fmt.Sprintf("gSum([]%s{%s, %s, 3})", t.name, g.sub(t, d), g.sub(t, d)), false
		}
		return fmt.Sprintf("Box[%s]{%s}.Get()", t.name, g.sub(t, d)), false
	case 11: // a conditional through a func literal
		return fmt.Sprintf("func() %s { if %s { return %s }; return %s }()", t.name, g.sub(tBool, d), g.sub(t, d), g.sub(t, d)), false
	case 12: // min/max by comparison
		return fmt.Sprintf("%s(b2u(%s))", t.name, g.sub(tBool, d)), false
	}
	return g.leaf(t)
}

func tUint16Or(t *typ) *typ { return intTypes[8] }

func (g *gen) floatExpr(t *typ, d int) (string, bool) {
	switch g.n(6) {
	case 0, 1, 2:
		ops := []string{"+", "-", "*", "/"}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(t, d-1)
		var b string
		if ac || op == "/" {
			b = g.nonConst(t, d-1)
		} else {
			b, _ = g.expr(t, d-1)
		}
		if op == "-" && t.bits == 32 && !t.signed && strings.HasPrefix(b, "(-") {
			// gc 1.19 drops the zero-extension of 0 - (-x) for uint32
			// (tests/runtime/gocases/uint32_negneg.go): not a goc bug
			op = "+"
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 3:
		o := g.otherNumeric()
		return fmt.Sprintf("%s(%s)", t.name, g.nonConst(o, d-1)), false
	case 4:
		return "(-" + g.nonConst(t, d-1) + ")", false
	}
	return fmt.Sprintf("gMax(%s, %s)", g.nonConst(t, d-1), g.sub(t, d)), false
}

func (g *gen) boolExpr(d int) (string, bool) {
	switch g.n(9) {
	case 0, 1, 2:
		o := allTypes[g.n(len(intTypes)+3)] // ints, floats, bool
		if g.chance(15) {
			o = tString
		}
		ops := []string{"==", "!=", "<", "<=", ">", ">="}
		if o == tBool {
			ops = ops[:2]
		}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(o, d-1)
		var b string
		if ac {
			b = g.nonConst(o, d-1)
		} else {
			b, _ = g.expr(o, d-1)
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 3:
		op := "&&"
		if g.chance(50) {
			op = "||"
		}
		return "(" + g.sub(tBool, d) + " " + op + " " + g.sub(tBool, d) + ")", false
	case 4:
		return "(!" + g.nonConst(tBool, d-1) + ")", false
	case 5:
		o := []*typ{tS, tArr, tIface, tPtr}[g.n(4)]
		op := "=="
		if g.chance(50) {
			op = "!="
		}
		return "(" + g.nonConst(o, d-1) + " " + op + " " + g.sub(o, d) + ")", false
	case 6:
		return fmt.Sprintf("isS(%s)", g.sub(tIface, d)), false
	case 7:
		return fmt.Sprintf("(%s != nil)", g.nonConst(tPtr, d-1)), false
	}
	return g.leaf(tBool)
}

func (g *gen) stringExpr(d int) (string, bool) {
	switch g.n(7) {
	case 0, 1:
		a, ac := g.expr(tString, d-1)
		b, bc := g.expr(tString, d-1)
		return "(" + a + " + " + b + ")", ac && bc
	case 2:
		s := g.nonConst(tString, d-1)
		return fmt.Sprintf("%s[uint(%s)%%uint(len(%s)+1):]", s, g.sub(tUint, d), s), false
	case 3:
		return fmt.Sprintf("string(rune(%s))", g.nonConst(tInt32, d-1)), false
	case 4:
		return fmt.Sprintf("%s.B", g.nonConst(tS, d-1)), false
	case 5:
		return fmt.Sprintf("string(append([]byte(%s), %s))", g.sub(tString, d), g.sub(tUint8, d)), false
	}
	return g.leaf(tString)
}

// ---- statements ----

func (g *gen) block(n, d int) {
	g.push()
	for i := 0; i < n; i++ {
		g.stmt(d)
	}
	g.pop()
}

func (g *gen) stmt(d int) {
	g.maybeStdStmt()
	if d <= 0 {
		g.simpleStmt()
		return
	}
	if g.chance(15) { // the statements aimed at the back end, more often
		switch g.n(4) {
		case 0:
			if !g.inGo {
				g.pressureStmt()
				return
			}
		case 1:
			g.complexStmt()
			return
		case 2:
			g.aggregateStmt()
			return
		}
		g.divConstStmt()
		return
	}
	switch g.n(50) {
	case 37, 38, 39, 40, 41, 42, 43, 44:
		if !g.inGo {
			g.newStmt(d)
		} else {
			g.simpleStmt()
		}
	case 45, 46, 47, 48:
		if !g.inGo {
			g.newStmt2(d)
		} else {
			g.simpleStmt()
		}
	case 29:
		if !g.inGo {
			g.pressureStmt()
		}
	case 30:
		if g.chance(30) { // a deep expression
			t := g.pick()
			g.p("cs += %s", g.hash(g.nonConst(t, 6+g.n(3)), t))
		} else {
			g.divConstStmt()
		}
	case 31:
		g.complexStmt()
	case 32:
		g.aggregateStmt()
	case 33:
		g.ifaceStmt()
	case 34:
		g.selectMultiStmt()
	case 35:
		g.shadowStmt(d)
	case 36:
		g.labelStmt()
	case 0, 1, 2, 3:
		g.declStmt()
	case 4, 5, 6:
		g.assignStmt()
	case 7:
		g.p("if (%s) {", g.sub(tBool, 3))
		g.ind++
		g.block(1+g.n(3), d-1)
		g.ind--
		if g.chance(50) {
			g.p("} else {")
			g.ind++
			g.block(1+g.n(3), d-1)
			g.ind--
		}
		g.p("}")
	case 8:
		g.forStmt(d)
	case 9:
		g.rangeStmt(d)
	case 10:
		g.switchStmt(d)
	case 11:
		if g.loop > 0 && len(g.labels) > 0 {
			l := g.labels[g.n(len(g.labels))]
			kw := "continue"
			if g.chance(40) {
				kw = "break"
			}
			g.p("if (%s) {", g.sub(tBool, 2))
			g.p("\t%s %s", kw, l)
			g.used[l] = true
			g.p("}")
		} else {
			g.simpleStmt()
		}
	case 12:
		if !g.inGo {
			g.deferStmt()
		}
	case 13:
		if !g.inGo && g.loop == 0 {
			g.goStmt()
		}
	case 14:
		g.gotoStmt(d)
	case 15:
		g.typeSwitch(d)
	case 16:
		g.mapStmt()
	case 17:
		g.sliceStmt()
	case 18:
		if !g.inGo && g.loop == 0 {
			g.panicStmt()
		}
	case 19:
		g.selectStmt()
	case 20:
		g.multiCall()
	case 21:
		g.counterStmt()
	case 22:
		g.methodStmt()
	case 23:
		g.convStmt()
	case 24:
		g.struct2Stmt()
	case 25:
		g.loopCaptureStmt()
	case 26:
		g.bigSwitchStmt()
	default:
		g.simpleStmt()
	}
}

func (g *gen) simpleStmt() {
	if g.chance(50) {
		g.assignStmt()
	} else {
		g.declStmt()
	}
}

// fresh wraps a slice, map or pointer expression in a copy, so writes
// through the variable it is stored in reach nothing another operand reads.
func fresh(t *typ, e string) string {
	switch t.k {
	case kSlice:
		return "cloneSl(" + e + ")"
	case kMap:
		return "cloneM(" + e + ")"
	case kPtr:
		return "newS(derefS(" + e + "))"
	}
	return e
}

// pick: a type for a new variable, integers most often.
func (g *gen) pick() *typ {
	switch g.n(10) {
	case 0, 1, 2, 3, 4:
		return intTypes[g.n(len(intTypes))]
	case 5:
		if g.chance(50) {
			return tFloat64
		}
		return tFloat32
	}
	return allTypes[g.n(len(allTypes))]
}

func (g *gen) declStmt() {
	t := g.pick()
	name := g.newName("v")
	e, _ := g.expr(t, 3)
	e = fresh(t, e)
	if g.chance(30) && t.k <= kString {
		g.p("var %s %s = %s", name, t.name, e)
	} else if t.k == kInt || t.k == kFloat {
		g.p("%s := %s(%s)", name, t.name, e)
	} else {
		g.p("%s := %s", name, e)
	}
	g.declare(name, t, false)
}

func (g *gen) assignStmt() {
	t := g.pick()
	vs := g.vars(t, true)
	if len(vs) == 0 {
		g.p("cs += %s", g.hash(g.nonConst(t, 2), t))
		return
	}
	v := vs[g.n(len(vs))].name
	switch t.k {
	case kInt:
		switch g.n(5) {
		case 0:
			ops := []string{"+=", "-=", "*=", "&=", "|=", "^=", "&^="}
			g.p("%s %s %s", v, ops[g.n(len(ops))], g.sub(t, 3))
			return
		case 1:
			if g.chance(50) {
				g.p("%s++", v)
			} else {
				g.p("%s--", v)
			}
			return
		case 2:
			g.p("%s <<= uint8(%s) %% 9", v, g.sub(tUint8, 2))
			return
		case 3:
			g.p("%s /= %s | 1", v, g.sub(t, 2))
			return
		}
	case kStruct:
		switch g.n(3) {
		case 0:
			g.p("%s.A += %s", v, g.sub(tInt64, 3))
			return
		case 1:
			g.p("%s.C[%s&1] = %s", v, g.sub(tInt, 2), g.sub(tUint8, 2))
			return
		}
	case kArray:
		if g.chance(60) {
			g.p("%s[%s&3] ^= %s", v, g.sub(tUint, 2), g.sub(tInt16, 2))
			return
		}
	case kPtr:
		if g.chance(60) {
			g.p("if %s != nil {", v)
			g.p("\t%s.A++", v)
			g.p("\t%s.B += %s", v, g.sub(tString, 2))
			g.p("}")
			return
		}
	}
	if g.chance(20) && (t.k == kInt || t.k == kString) {
		vs2 := g.vars(t, true)
		w := vs2[g.n(len(vs2))].name
		g.p("%s, %s = %s, %s", v, w, w, v)
		return
	}
	g.p("%s = %s", v, fresh(t, g.sub(t, 4)))
}

func (g *gen) label() string {
	g.nlabel++
	return g.np + "L" + strconv.Itoa(g.nlabel)
}

func (g *gen) forStmt(d int) {
	if g.loop >= 3 {
		g.simpleStmt()
		return
	}
	l := g.label()
	i := g.newName("i")
	n := 1 + g.n(5)
	g.p("%s:", l)
	it := tInt
	switch g.n(3) {
	case 0:
		g.p("for %s := 0; %s < %d; %s++ {", i, i, n, i)
	case 1:
		g.p("for %s := %d; %s > 0; %s -= 2 {", i, n*2, i, i)
	default:
		g.p("for %s := uint8(250); %s != %d; %s++ {", i, i, (250+n)&255, i) // wraps
		it = tUint8
	}
	g.loop++
	g.labels = append(g.labels, l)
	g.ind++
	g.push()
	g.declare(i, it, true)
	for k := 0; k < 1+g.n(4); k++ {
		g.stmt(d - 1)
	}
	g.pop()
	if !g.used[l] {
		g.p("if cs == 1 {")
		g.p("\tbreak %s", l)
		g.p("}")
	}
	g.ind--
	g.labels = g.labels[:len(g.labels)-1]
	g.loop--
	g.p("}")
}

func (g *gen) rangeStmt(d int) {
	if g.loop >= 3 {
		g.simpleStmt()
		return
	}
	l := g.label()
	k, v := g.newName("k"), g.newName("e")
	if g.chance(25) { // map: order-independent: only sums
		acc := g.newName("acc")
		g.p("%s := 0", acc)
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tMap, 2))
		g.p("\t%s += len(%s) * %s", acc, k, v)
		g.p("}")
		g.p("cs += uint64(%s)", acc)
		return
	}
	g.p("%s:", l)
	g.loop++
	g.labels = append(g.labels, l)
	switch g.n(3) {
	case 0, 1:
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tSlice, 2))
		g.ind++
		g.push()
		g.declare(k, tInt, true)
		g.declare(v, tInt, true)
	case 2:
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tString, 2))
		g.ind++
		g.push()
		g.declare(k, tInt, true)
		g.declare(v, tInt32, true)
	}
	for j := 0; j < 1+g.n(3); j++ {
		g.stmt(d - 1)
	}
	g.pop()
	if !g.used[l] {
		g.p("if cs == 1 {")
		g.p("\tbreak %s", l)
		g.p("}")
	}
	g.ind--
	g.labels = g.labels[:len(g.labels)-1]
	g.loop--
	g.p("}")
}

func (g *gen) switchStmt(d int) {
	if g.chance(50) {
		t := intTypes[g.n(len(intTypes))]
		g.p("switch (%s) {", g.nonConst(t, 2))
		used := map[int]bool{}
		for c := 0; c < 1+g.n(4); c++ {
			var ks []string
			for j := 0; j < 1+g.n(2); j++ {
				k := g.n(10)
				if !used[k] {
					used[k] = true
					ks = append(ks, fmt.Sprintf("%d", k))
				}
			}
			if len(ks) == 0 {
				continue
			}
			g.p("case %s:", strings.Join(ks, ", "))
			g.ind++
			g.block(1+g.n(2), d-1)
			if g.chance(20) && c < 3 {
				g.p("fallthrough")
			}
			g.ind--
		}
		// a trailing fallthrough needs a following case
		g.p("default:")
		g.ind++
		g.block(1, d-1)
		g.ind--
		g.p("}")
		return
	}
	g.p("switch {")
	for c := 0; c < 1+g.n(3); c++ {
		g.p("case (%s):", g.sub(tBool, 3))
		g.ind++
		g.block(1+g.n(2), d-1)
		g.ind--
	}
	if g.chance(50) {
		g.p("default:")
		g.ind++
		g.block(1, d-1)
		g.ind--
	}
	g.p("}")
}

func (g *gen) typeSwitch(d int) {
	x := g.newName("x")
	g.p("switch %s := (%s).(type) {", x, g.sub(tIface, 2))
	g.p("case S:")
	g.ind++
	g.p("cs += uint64(%s.A)", x)
	g.ind--
	g.p("case *T2:")
	g.ind++
	g.p("cs += uint64(%s.n)", x)
	g.ind--
	g.p("case nil:")
	g.p("\tcs += 99")
	g.p("default:")
	g.ind++
	g.p("cs += uint64(%s.M(2))", x)
	g.ind--
	g.p("}")
}

func (g *gen) gotoStmt(d int) {
	l := g.label()
	g.p("if (%s) {", g.sub(tBool, 2))
	g.p("\tgoto %s", l)
	g.p("}")
	g.p("{")
	g.ind++
	g.block(1+g.n(2), d-1)
	g.ind--
	g.p("}")
	g.p("%s: ;", l)
}

func (g *gen) deferStmt() {
	switch g.n(3) {
	case 0:
		g.p("defer func() { gcs = gcs*7 + %d }()", g.n(1000))
	case 1:
		g.p("defer addG(%s)", g.hash(g.nonConst(tInt, 2), tInt))
	default:
		vs := g.vars(tInt, false)
		if len(vs) > 0 {
			g.p("defer func(x int) { gcs ^= uint64(x) }(%s)", vs[g.n(len(vs))].name)
		} else {
			g.p("defer addG(1)")
		}
	}
}

func (g *gen) panicStmt() {
	name := g.newName("r")
	switch g.n(3) {
	case 0:
		g.p("%s := tryDiv(%s, %s)", name, g.sub(tInt, 2), g.sub(tInt, 2))
		g.declare(name, tInt, false)
	case 1:
		g.p("%s := tryIndex(%s, %s)", name, g.sub(tSlice, 2), g.sub(tInt, 2))
		g.declare(name, tString, false)
	default:
		g.p("%s := func() (r int) {", name)
		g.p("\tdefer func() {")
		g.p("\t\tif e := recover(); e != nil {")
		g.p("\t\t\tr = e.(int) + 1")
		g.p("\t\t}")
		g.p("\t}()")
		g.p("\tif %s {", g.sub(tBool, 2))
		g.p("\t\tpanic(%s)", g.sub(tInt, 2))
		g.p("\t}")
		g.p("\treturn %d", g.n(100))
		g.p("}()")
		g.declare(name, tInt, false)
	}
}

func (g *gen) goStmt() {
	ch := g.newName("ch")
	acc := g.newName("acc")
	n := 1 + g.n(5)
	switch g.n(3) {
	case 0: // producer, range until close
		buf := g.n(3)
		g.p("%s := make(chan int, %d)", ch, buf)
		g.p("go func(n int, s []int) {")
		g.ind++
		g.inGo = true
		g.push()
		g.declare("n", tInt, true)
		g.declare("s", tSlice, true)
		g.p("for j := 0; j < n; j++ {")
		g.p("\t%s <- s[j%%len(s)]*j + %s", ch, g.sub(tInt, 2))
		g.p("}")
		g.p("close(%s)", ch)
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.inGo = false
		g.ind--
		g.p("}(%d, %s)", n, g.sub(tSlice, 2))
		g.p("%s := 0", acc)
		g.p("for x := range %s {", ch)
		g.p("\t%s = %s*3 + x", acc, acc)
		g.p("}")
	case 1: // workers, results summed
		g.p("%s := make(chan int64, %d)", ch, n)
		g.p("for w := 0; w < %d; w++ {", n)
		g.p("\tgo func(w int64, a int64) {")
		g.p("\t\t%s <- w*a ^ (a >> 3)", ch)
		g.p("\t}(int64(w), %s)", g.sub(tInt64, 2))
		g.p("}")
		g.p("var %s int64", acc)
		g.p("for w := 0; w < %d; w++ {", n)
		g.p("\t%s += <-%s", acc, ch)
		g.p("}")
	default: // ping-pong over unbuffered channels
		g.p("%s := make(chan string)", ch)
		g.p("%s_back := make(chan int)", ch)
		g.p("go func() {")
		g.p("\tfor s := range %s {", ch)
		g.p("\t\t%s_back <- len(s)", ch)
		g.p("\t}")
		g.p("\tclose(%s_back)", ch)
		g.p("}()")
		g.p("%s := 0", acc)
		g.p("for j := 0; j < %d; j++ {", n)
		g.p("\t%s <- %s", ch, g.sub(tString, 2))
		g.p("\t%s += <-%s_back", acc, ch)
		g.p("}")
		g.p("close(%s)", ch)
		g.p("for range %s_back {", ch)
		g.p("}")
	}
	g.p("cs += uint64(%s)", acc)
}

// multiCall: a call of a function with two results, or of one with none.
func (g *gen) multiCall() {
	if g.inGo || g.noCalls {
		g.simpleStmt()
		return
	}
	var none []*fn
	for _, f := range g.funcs {
		if len(f.results) == 0 {
			none = append(none, f)
		}
	}
	if len(none) > 0 && g.chance(30) {
		f := none[g.n(len(none))]
		g.p("%s(%s)", f.name, g.args(f.params, 3))
		return
	}
	var cands []*fn
	for _, f := range g.funcs {
		if len(f.results) == 2 {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		g.simpleStmt()
		return
	}
	f := cands[g.n(len(cands))]
	a, b := g.newName("v"), g.newName("v")
	g.p("%s, %s := %s(%s)", a, b, f.name, g.args(f.params, 3))
	g.declare(a, f.results[0], false)
	g.declare(b, f.results[1], false)
}

// counterStmt: a closure that writes a captured variable, called as
// statements only.
func (g *gen) counterStmt() {
	c, f := g.newName("cnt"), g.newName("inc")
	g.p("%s := %s", c, g.nonConst(tInt, 2))
	g.p("%s := func(d int) int { %s = %s*3 + d; return %s }", f, c, c, c)
	for i := 0; i < 1+g.n(3); i++ {
		g.p("cs += uint64(%s(%s))", f, g.nonConst(tInt, 2))
	}
	g.declare(c, tInt, false)
}

// methodStmt: method values and expressions, value and pointer receivers.
func (g *gen) methodStmt() {
	v := g.newName("mv")
	switch g.n(4) {
	case 0:
		g.p("%s := %s.M", v, g.nonConst(tS, 2))
	case 1:
		g.p("%s := (&T2{%s}).M", v, g.nonConst(tInt, 2))
	case 2:
		g.p("%s := func(x int) int { return S.M(%s, x) }", v, g.nonConst(tS, 2))
	default:
		t := g.newName("t")
		g.p("%s := &T2{%d}", t, g.n(9))
		g.p("%s := func(x int) int { r := (*T2).M(%s, x); return r + %s.n }", v, t, t)
	}
	g.declare(v, tFunc, false)
}

// convStmt: conversions between strings, byte and rune slices.
func (g *gen) convStmt() {
	s := g.nonConst(tString, 2)
	b, r := g.newName("bs"), g.newName("rs")
	g.p("%s := []byte(%s)", b, s)
	g.p("%s := []rune(%s)", r, s)
	g.p("if len(%s) > 0 {", b)
	g.p("	%s[0] ^= %s", b, g.sub(tUint8, 2))
	g.p("}")
	g.p("cs += hstr(string(%s)) + uint64(len(%s))*7 + hstr(string(%s))", b, r, r)
}

// struct2Stmt: a struct with padding, a float, a bool and an array:
// copies, field updates, comparison.
func (g *gen) struct2Stmt() {
	a, b := g.newName("z"), g.newName("z")
	g.p("%s := S2{a: %s, b: %s, c: %s, d: %s, e: [3]int32{%s, 2, %s}}", a, g.nonConst(intTypes[1], 2),
		g.sub(tFloat64, 2), g.sub(tBool, 2), g.sub(intTypes[7], 2), g.sub(tInt32, 2), g.sub(tInt32, 2))
	g.p("%s := %s", b, a)
	switch g.n(3) {
	case 0:
		g.p("%s.e[uint(%s)%%3]++", b, g.nonConst(tInt, 2))
	case 1:
		g.p("%s.a ^= %s", b, g.sub(intTypes[1], 2))
	default:
		g.p("%s.c = !%s.c", b, b)
	}
	g.p("cs += b2u(%s == %s)*3 + hS2(%s) + hS2(id_S2(%s))", a, b, a, b)
}

// loopCaptureStmt: closures made in a loop capture its variable (one per
// loop in Go 1.19).
func (g *gen) loopCaptureStmt() {
	fs, i := g.newName("fs"), g.newName("i")
	g.p("var %s []func() int", fs)
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 1+g.n(4), i)
	g.p("	%s = append(%s, func() int { return %s * %d })", fs, fs, i, 1+g.n(5))
	g.p("}")
	g.p("for _, f := range %s {", fs)
	g.p("	cs = cs*3 + uint64(f())")
	g.p("}")
}

// bigSwitchStmt: an integer switch with many cases (binary search or
// jump table in gc).
func (g *gen) bigSwitchStmt() {
	t := intTypes[g.n(len(intTypes))]
	g.p("switch (%s) %% 40 {", g.nonConst(t, 2))
	for k := 0; k < 40; k += 1 + g.n(3) {
		g.p("case %d:", k)
		g.p("	cs += %d", g.n(1000))
	}
	g.p("default:")
	g.p("	cs--")
	g.p("}")
}

func (g *gen) selectStmt() {
	ch := g.newName("sc")
	g.p("%s := make(chan int, 1)", ch)
	if g.chance(60) {
		g.p("%s <- %s", ch, g.sub(tInt, 2))
	}
	g.p("select {")
	g.p("case x, ok := <-%s:", ch)
	g.p("\tcs += uint64(x) + b2u(ok)")
	g.p("default:")
	g.p("\tcs += 5")
	g.p("}")
}

func (g *gen) mapStmt() {
	vs := g.vars(tMap, true)
	if len(vs) == 0 {
		name := g.newName("m")
		g.p("%s := make(map[string]int)", name)
		g.declare(name, tMap, false)
		return
	}
	m := vs[g.n(len(vs))].name
	switch g.n(3) {
	case 0:
		g.p("%s[%s] = %s", m, g.sub(tString, 2), g.sub(tInt, 2))
	case 1:
		g.p("delete(%s, %s)", m, g.sub(tString, 2))
	default:
		g.p("if x, ok := %s[(%s)]; ok {", m, g.sub(tString, 2))
		g.p("\tcs += uint64(x)")
		g.p("}")
	}
}

func (g *gen) sliceStmt() {
	vs := g.vars(tSlice, true)
	if len(vs) == 0 {
		g.declStmt()
		return
	}
	s := vs[g.n(len(vs))].name
	switch g.n(3) {
	case 0:
		g.p("%s = append(%s, %s)", s, s, g.sub(tInt, 2))
	case 1:
		g.p("%s[uint(%s)%%uint(len(%s))] = %s", s, g.nonConst(tInt, 1), s, g.sub(tInt, 2))
	default:
		g.p("%s = append([]int(nil), %s...)", s, s)
		g.p("copy(%s, %s)", s, g.sub(tSlice, 2))
	}
}

// ---- functions and program ----

func (g *gen) function(idx int) *fn {
	f := &fn{name: "f" + strconv.Itoa(idx)}
	np := 6
	if g.chance(20) {
		np = 14 // more arguments than argument registers
	}
	for i := 0; i < g.n(np); i++ {
		f.params = append(f.params, g.pick())
	}
	nres := 1
	switch {
	case g.chance(30):
		nres = 2
	case g.chance(10):
		nres = 0 // called as a statement
	}
	for i := 0; i < nres; i++ {
		f.results = append(f.results, allTypes[g.n(len(allTypes))])
	}
	named := nres > 0 && g.chance(30)
	var ps, rs []string
	g.scopes = nil
	g.push()
	for i, t := range f.params {
		name := "p" + strconv.Itoa(i)
		ps = append(ps, name+" "+t.name)
		ro := t.k >= kSlice // never written through: the caller may read it too
		g.declare(name, t, ro)
	}
	for i, t := range f.results {
		if named {
			rs = append(rs, "nr"+strconv.Itoa(i)+" "+t.name)
		} else {
			rs = append(rs, t.name)
		}
	}
	res := strings.Join(rs, ", ")
	if len(rs) > 1 || named {
		res = "(" + res + ")"
	}
	if res != "" {
		res += " "
	}
	g.p("func %s(%s) %s{", f.name, strings.Join(ps, ", "), res)
	g.ind++
	g.p("var cs uint64")
	g.p("defer func() { gcs = gcs*1000003 + cs }()")
	recovers := named && g.chance(50)
	if named {
		// the named results: set, changed by a deferred call after the
		// return, set by a recovering deferred call
		for i, t := range f.results {
			g.p("nr%d = %s", i, fresh(t, g.lit(t)))
		}
		if f.results[0].k == kInt && g.chance(50) {
			g.p("defer func() { nr0 += %d }()", 1+g.n(9))
		}
		if recovers {
			g.p("defer func() {")
			g.p("\tif e := recover(); e != nil {")
			g.p("\t\tprintln(\"frec\", %q, pv(e))", f.name)
			g.p("\t\tnr0 = %s", fresh(f.results[0], g.lit(f.results[0])))
			g.p("\t}")
			g.p("}()")
		}
		for i, t := range f.results {
			g.declare("nr"+strconv.Itoa(i), t, false)
		}
	}
	g.push()
	for i := 0; i < 4+g.n(12); i++ {
		g.stmt(3)
	}
	if recovers && g.chance(60) {
		g.p("if %s {", g.sub(tBool, 2))
		g.p("	panic(%s)", g.panicVal())
		g.p("}")
	}
	var re []string
	for _, t := range f.results {
		re = append(re, g.sub(t, 4))
	}
	g.pop()
	switch {
	case nres == 0:
		if g.chance(30) {
			g.p("return")
		}
	case named && g.chance(40):
		for i, e := range re {
			g.p("nr%d = %s", i, e)
		}
		g.p("return")
	default:
		g.p("return %s", strings.Join(re, ", "))
	}
	g.ind--
	g.p("}")
	g.p("")
	g.scopes = nil
	return f
}

func (g *gen) genericFunc(k int) {
	ops := []string{"+", "-", "*"}
	e := "a"
	for i := 0; i < 1+g.n(4); i++ {
		var o string
		switch g.n(3) {
		case 0:
			o = "b"
		case 1:
			o = fmt.Sprintf("T(%d)", g.n(100))
		default:
			o = "a"
		}
		e = "(" + e + " " + ops[g.n(3)] + " " + o + ")"
	}
	g.p("func gen%d[T Integer](a, b T) T {", k)
	g.p("\tif a < b {")
	g.p("\t\treturn %s", e)
	g.p("\t}")
	g.p("\treturn b ^ (a >> %d)", g.n(8))
	g.p("}")
	g.p("")
}

const prelude = `package main

type S struct {
	A int64
	B string
	C [2]uint8
}

type I interface{ M(int) int }

type S2 struct {
	a int8
	b float64
	c bool
	d uint16
	e [3]int32
}

func hS2(s S2) uint64 {
	return uint64(s.a)*3 + uint64(f2i(s.b)) + b2u(s.c)*5 + uint64(s.d)<<3 + uint64(s.e[0]) + uint64(s.e[1])*7 + uint64(s.e[2])*11
}

func id_S2(s S2) S2 { return s }

func (s S) M(x int) int { return int(s.A) + x + len(s.B) }

type T2 struct{ n int }

func (t *T2) M(x int) int { t.n++; return t.n * x }

type T3 int

func (t T3) M(x int) int { return int(t) - x }

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type Ordered interface {
	Integer | ~float32 | ~float64 | ~string
}

func gMax[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func gSum[T Integer](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func gMap[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func gId[T any](x T) T { return x }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

var gcs uint64

func addG(x uint64) { gcs = gcs*5 + x }

func f2i(f float64) int64 {
	if f != f || f > 1e18 || f < -1e18 {
		return 12345
	}
	return int64(f)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func hstr(s string) uint64 {
	h := uint64(len(s))
	for i := 0; i < len(s); i++ {
		h = h*131 + uint64(s[i])
	}
	return h
}

func hS(s S) uint64 { return uint64(s.A)*17 + hstr(s.B) + uint64(s.C[0])<<8 + uint64(s.C[1]) }

func hA(a [4]int16) uint64 {
	var h uint64
	for _, x := range a {
		h = h*65599 + uint64(x)
	}
	return h
}

func hsl(s []int) uint64 {
	h := uint64(len(s))
	for _, x := range s {
		h = h*31 + uint64(x)
	}
	return h
}

func hm(m map[string]int) uint64 {
	var h uint64
	for k, v := range m {
		h += hstr(k) * uint64(v+1)
	}
	return h + uint64(len(m))
}

func hp(p *S) uint64 {
	if p == nil {
		return 7
	}
	return hS(*p)
}

func hi(i I) uint64 {
	if i == nil {
		return 3
	}
	if t, ok := i.(*T2); ok {
		return uint64(t.n) + 11
	}
	return uint64(i.M(5))
}

func isS(i I) bool {
	_, ok := i.(S)
	return ok
}

type J interface {
	I
	N() string
}

func (s S) N() string  { return s.B + "n" }
func (t T3) N() string { return "t3" }

func mkJ(x int) J {
	switch x % 3 {
	case 0:
		return S{A: int64(x), B: "j"}
	case 1:
		return T3(x)
	}
	return nil
}

type P3 struct {
	X, Y float64
	Name string
	Arr  [3]int32
}

func hP3(p P3) uint64 {
	return uint64(f2i(p.X*1000)) + uint64(f2i(p.Y*1000))*7 + hstr(p.Name)*3 + uint64(p.Arr[0]) + uint64(p.Arr[1])<<5 + uint64(p.Arr[2])<<11
}

func modA(a [3]S, i uint) [3]S {
	a[i%3].A += 5
	a[(i+1)%3].B += "m"
	return a
}

func swapP(p, q P3, k int) (P3, int, P3) {
	p.Arr[k&1]++
	return q, len(p.Name) + k, p
}

func hc(c complex128) uint64 { return uint64(f2i(real(c)*1000))*31 + uint64(f2i(imag(c)*1000)) }

func derefS(p *S) S {
	if p == nil {
		return S{}
	}
	return *p
}

func mkI(x int) I {
	switch x & 3 {
	case 0:
		return S{A: int64(x)}
	case 1:
		return &T2{x}
	case 2:
		return T3(x)
	}
	return nil
}

func cloneSl(s []int) []int { return append([]int(nil), s...) }

func cloneM(m map[string]int) map[string]int {
	r := make(map[string]int, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

func newS(s S) *S { return &s }

func tryDiv(a, b int) (q int) {
	defer func() {
		if e := recover(); e != nil {
			println(e.(error).Error())
			q = -1
		}
	}()
	return a / b
}

func tryIndex(s []int, i int) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(error).Error()
		}
	}()
	return string(rune(s[i]))
}

`

func main() {
	seed, _ := strconv.ParseInt(os.Args[1], 10, 64)
	g := &gen{r: rand.New(rand.NewSource(seed)), used: map[string]bool{}}
	g.stdInit(seed)
	if g.sr == nil {
		g.out.WriteString(prelude)
		g.out.WriteString(prelude2)
	} else {
		g.out.WriteString("package main\n\n" + stdImports)
		g.out.WriteString(strings.TrimPrefix(prelude, "package main\n"))
		g.out.WriteString(prelude2)
		g.out.WriteString(stdPrelude)
	}
	// globals: a non-constant value of every type
	for _, t := range allTypes {
		g.p("var g_%s %s = %s", gname(t), t.name, g.lit(t))
	}
	g.p("")
	g.p("func id_%s(x %s) %s { return x }", "int", "int", "int")
	for _, t := range allTypes {
		if t != tInt {
			g.p("func id_%s(x %s) %s { return x }", gname(t), t.name, t.name)
		}
	}
	g.p("")
	g.gfuncs = 1 + g.n(3)
	for k := 0; k < g.gfuncs; k++ {
		g.genericFunc(k)
	}
	nf := 3 + g.n(6)
	for i := 0; i < nf; i++ {
		f := g.function(i)
		g.funcs = append(g.funcs, f)
	}
	g.p("func main() {")
	g.ind++
	g.scopes = nil
	g.push()
	for _, f := range g.funcs {
		for rep := 0; rep < 1+g.n(2); rep++ {
			var rs []string
			for range f.results {
				rs = append(rs, g.newName("res"))
			}
			if len(rs) == 0 {
				g.p("%s(%s)", f.name, g.args(f.params, 3))
				g.p("println(%q, gcs)", f.name)
				continue
			}
			g.p("%s := %s(%s)", strings.Join(rs, ", "), f.name, g.args(f.params, 3))
			var hs []string
			for i, t := range f.results {
				hs = append(hs, g.hash(rs[i], t))
			}
			g.p("println(%q, %s, gcs)", f.name, strings.Join(hs, ", "))
		}
	}
	if g.chance(20) {
		g.unrecovered()
	}
	g.stdEnd()
	g.ind--
	g.p("}")
	os.Stdout.WriteString(g.out.String())
}

// ---- widened statements: register pressure, division by constants,
// complex numbers, aggregates, interfaces, select, scopes, labels ----

// pressureStmt: many simultaneously live locals of several numeric
// types, updated in a loop with deep expressions and calls between their
// uses (spills across calls and loops).
func (g *gen) pressureStmt() {
	k := 8 + g.n(14)
	type lv struct {
		name string
		t    *typ
	}
	var ls []lv
	for i := 0; i < k; i++ {
		t := intTypes[g.n(len(intTypes))]
		if g.chance(20) {
			t = []*typ{tFloat64, tFloat32}[g.n(2)]
		}
		name := g.newName("r")
		g.p("%s := %s(%s)", name, t.name, g.nonConst(t, 2))
		ls = append(ls, lv{name, t})
	}
	conv := func(l lv, t *typ) string {
		if l.t.k == kFloat && t.k == kInt {
			return fmt.Sprintf("%s(f2i(float64(%s)))", t.name, l.name)
		}
		return fmt.Sprintf("%s(%s)", t.name, l.name)
	}
	i := g.newName("i")
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(6), i)
	g.ind++
	for n := 0; n < 3+g.n(k); n++ {
		a := ls[g.n(len(ls))]
		b := ls[g.n(len(ls))]
		c := ls[g.n(len(ls))]
		switch g.n(5) {
		case 0: // a call between definition and uses of everything
			if a.t.k == kInt && g.chance(40) {
				calls := []string{"%s(hi(mkI(%s)))", "%s(g_F(%s))", "%s(len(string(rune(%s))))", "%s(gMax(%s, 3))"}
				g.p("%s += "+calls[g.n(len(calls))], a.name, a.t.name, conv(b, tInt))
			} else if a.t.k == kInt {
				g.p("%s += %s(id_int(%s + %s))", a.name, a.t.name, conv(b, tInt), i)
			} else {
				g.p("%s += %s(id_float64(float64(%s)))", a.name, a.t.name, b.name)
			}
		case 1:
			if e, ok := g.call(a.t, 3); ok {
				g.p("%s -= %s", a.name, e)
			} else if a.t.k == kInt {
				g.p("%s -= %s * %s", a.name, conv(b, a.t), conv(c, a.t))
			}
		case 2:
			ops := []string{"+", "-", "*", "^", "&", "|"}
			if a.t.k == kFloat {
				ops = ops[:3]
			}
			e := conv(b, a.t)
			for m := 0; m < 2+g.n(6); m++ {
				e = "(" + e + " " + ops[g.n(len(ops))] + " " + conv(ls[g.n(len(ls))], a.t) + ")"
			}
			g.p("%s = %s", a.name, e)
		case 3:
			if a.t.k == kInt {
				g.p("%s = %s(%s) + %s / (%s | 1)", a.name, a.t.name, g.sub(a.t, 4), conv(b, a.t), conv(c, a.t))
			} else {
				g.p("%s = %s", a.name, g.sub(a.t, 4))
			}
		default:
			g.p("if %s > %s {", conv(b, tInt64), conv(c, tInt64))
			g.p("\t%s, %s = %s, %s", b.name, c.name, conv(c, b.t), conv(b, c.t))
			g.p("}")
		}
	}
	g.ind--
	g.p("}")
	for _, l := range ls {
		g.p("cs = cs*31 + %s", g.hash(l.name, l.t))
	}
}

// divisors: every small constant, positive and negative, and powers of two.
var divisors = []int64{1, -1, 2, -2, 3, -3, 4, -4, 5, 6, 7, -7, 8, -8, 9, 10, -10, 11, 12, 13, 15, 16, -16,
	17, 25, 31, 32, -32, 60, 63, 64, -64, 100, 125, 127, -127, -128, 128, 255, 256, -256, 641, 1000, 1024,
	4096, 32767, -32768, 32768, 65535, 65536, 1 << 20, 1000000007, 1 << 30, 1<<31 - 1, -1 << 31, 1 << 31,
	1<<32 - 1, 1 << 32, 1 << 40, 1<<62 + 7, 1 << 62, 1<<63 - 1, -1 << 63}

func inRange(t *typ, k int64) bool {
	if !t.signed {
		return k > 0 && (t.bits == 64 || k < 1<<uint(t.bits))
	}
	if t.bits == 64 {
		return true
	}
	return k >= -(1<<uint(t.bits-1)) && k < 1<<uint(t.bits-1)
}

// divConstStmt: x/k and x%k for constants k of an integer type over
// values including the extremes (the back end's division by constants).
func (g *gen) divConstStmt() {
	t := intTypes[g.n(len(intTypes))]
	var ks []string
	for _, k := range divisors {
		if inRange(t, k) && (g.chance(30) || k == 1 || k == -1) {
			ks = append(ks, strconv.FormatInt(k, 10))
		}
	}
	if !t.signed {
		ks = append(ks, fmt.Sprintf("1 << %d", t.bits-1), fmt.Sprintf("1<<%d - 1", t.bits))
	}
	var vals []string
	if t.signed {
		vals = []string{fmt.Sprintf("-1 << %d", t.bits-1), fmt.Sprintf("1<<%d - 1", t.bits-1), "-1", "-7", fmt.Sprintf("-1<<%d + 1", t.bits-1)}
	} else {
		vals = []string{fmt.Sprintf("1<<%d - 1", t.bits), fmt.Sprintf("1 << %d", t.bits-1), "255"}
		if t.bits == 8 {
			vals[2] = "254"
		}
	}
	vals = append(vals, "0", "1", "3", "100", g.nonConst(t, 2), g.nonConst(t, 2))
	x := g.newName("x")
	g.p("for _, %s := range [...]%s{%s} {", x, t.name, strings.Join(vals, ", "))
	g.ind++
	for _, ks := range ks {
		ks = "(" + ks + ")"
		switch g.n(4) {
		case 0:
			g.p("cs = cs*7 + uint64(%s / %s) + uint64(%s %% %s)<<1", x, ks, x, ks)
		case 1:
			y := g.newName("y")
			g.p("%s := %s", y, x)
			op := "/="
			if g.chance(50) {
				op = "%="
			}
			g.p("%s %s %s", y, op, ks)
			g.p("cs = cs*7 + uint64(%s)", y)
		case 2: // against division by the same value in a variable
			g.p("if %s / %s != %s / id_%s(%s) || %s %% %s != %s %% id_%s(%s) {", x, ks, x, t.name, ks, x, ks, x, t.name, ks)
			g.p("\tprintln(\"div mismatch\", %s, %s(%s))", x, t.name, ks)
			g.p("}")
		default:
			g.p("cs = cs*7 + uint64((%s + %s) / %s) + b2u(%s %% %s == 0)", x, g.sub(t, 2), ks, x, ks)
		}
	}
	g.ind--
	g.p("}")
}

// complexStmt: complex64 and complex128 arithmetic and comparisons.
func (g *gen) complexStmt() {
	ct, ft := "complex128", tFloat64
	if g.chance(40) {
		ct, ft = "complex64", tFloat32
	}
	var cs []string
	for i := 0; i < 2+g.n(3); i++ {
		c := g.newName("c")
		switch g.n(3) {
		case 0:
			g.p("%s := complex(%s, %s)", c, g.nonConst(ft, 2), g.sub(ft, 2))
		case 1:
			g.p("%s := complex(%s, 0) + %di", c, g.nonConst(ft, 2), g.n(5)-2)
		default:
			g.p("var %s %s = %s(complex(float64(%s), %d))", c, ct, ct, g.nonConst(tInt, 2), g.n(9)-4)
		}
		cs = append(cs, c)
	}
	pick := func() string { return cs[g.n(len(cs))] }
	i := g.newName("i")
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 1+g.n(4), i)
	g.ind++
	for n := 0; n < 2+g.n(5); n++ {
		a := pick()
		switch g.n(7) {
		case 0, 1:
			ops := []string{"+", "-", "*", "/"}
			g.p("%s = %s %s %s", a, pick(), ops[g.n(4)], pick())
		case 2:
			g.p("%s = complex(real(%s)*%s, -imag(%s)) %s %s", a, pick(), g.nonConst(ft, 1), pick(), []string{"+", "*", "/"}[g.n(3)], pick())
		case 3:
			g.p("if %s == %s || %s != (%s + 1i) {", pick(), pick(), pick(), pick())
			g.p("\tcs += 3")
			g.p("}")
		case 4:
			g.p("%s %s= %s(%s)", a, []string{"+", "-", "*", "/"}[g.n(4)], ct, []string{"2", "0.5", "1i", "-3+4i", "0"}[g.n(5)])
		case 5:
			g.p("%s = %s(complex128(%s) * complex128(%s))", a, ct, pick(), pick())
		default:
			g.p("%s = -%s + %s(%s)", a, pick(), ct, pick())
		}
	}
	g.ind--
	g.p("}")
	for _, c := range cs {
		g.p("cs = cs*31 + hc(complex128(%s)) + b2u(%s == %s)", c, c, pick())
	}
}

// aggregateStmt: arrays of structs, structs with arrays and strings,
// struct-valued maps, multi-dimensional arrays.
func (g *gen) aggregateStmt() {
	switch g.n(4) {
	case 0:
		a := g.newName("as")
		g.p("var %s [3]S", a)
		g.p("%s[uint(%s)%%3] = %s", a, g.sub(tUint, 2), g.sub(tS, 2))
		g.p("%s[1].C[%s&1] += %s", a, g.sub(tInt, 2), g.sub(tUint8, 2))
		g.p("%s[2].B = %s[0].B + %s", a, a, g.sub(tString, 2))
		g.p("%s[uint(%s)%%3].A -= %s", a, g.nonConst(tInt, 2), g.sub(tInt64, 2))
		b := g.newName("as")
		g.p("%s := %s", b, a)
		g.p("%s[0].A++", b)
		g.p("cs += b2u(%s == %s) + b2u(%s[1] == %s[1])*2", a, b, a, b)
		g.p("for _, s := range %s {", a)
		g.p("\tcs = cs*17 + hS(s)")
		g.p("}")
		g.p("cs += hS(%s[2])", b)
		g.p("%s = modA(%s, %s)", b, a, g.sub(tUint, 2))
		g.p("cs += hS(%s[0]) + hS(%s[1])", b, b)
	case 1:
		m := g.newName("mp")
		g.p("%s := map[int]P3{}", m)
		i := g.newName("i")
		g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(5), i)
		g.p("\t%s[%s%%3] = P3{X: float64(%s) + %s, Name: %s, Arr: [3]int32{int32(%s), %s, 3}}", m, i, i, g.sub(tFloat64, 2), g.sub(tString, 2), i, g.sub(tInt32, 2))
		g.p("\tt := %s[(%s+1)%%3]", m, i)
		g.p("\tt.Arr[uint(%s)%%3] += int32(%s)", g.sub(tUint, 1), i)
		g.p("\tt.Name += %q", []string{"x", "", "yz"}[g.n(3)])
		g.p("\tt.Y -= t.X")
		g.p("\t%s[(%s+1)%%3] = t", m, i)
		g.p("\tif v, ok := %s[%s]; ok {", m, g.sub(tInt, 1))
		g.p("\t\tcs += hP3(v)")
		g.p("\t}")
		g.p("}")
		g.p("for k, v := range %s {", m)
		g.p("\tcs += uint64(k+1) * hP3(v)")
		g.p("}")
	case 2:
		md := g.newName("md")
		t := intTypes[g.n(len(intTypes))]
		r, c := 2+g.n(3), 2+g.n(4)
		g.p("var %s [%d][%d]%s", md, r, c, t.name)
		g.p("for i := range %s {", md)
		g.p("\tfor j := range %s[i] {", md)
		g.p("\t\t%s[i][j] = %s(i*%d + j) ^ %s", md, t.name, c, g.sub(t, 2))
		g.p("\t}")
		g.p("}")
		for n := 0; n < 1+g.n(4); n++ {
			g.p("%s[uint(%s)%%%d][uint(%s)%%%d] += %s[%d][uint(%s)%%%d]", md, g.sub(tUint8, 2), r, g.nonConst(tInt, 2), c, md, g.n(r), g.sub(tUint, 1), c)
		}
		g.p("%s[%d] = %s[%d]", md, g.n(r), md, g.n(r))
		g.p("for _, row := range %s {", md)
		g.p("\tfor _, x := range row {")
		g.p("\t\tcs = cs*3 + uint64(x)")
		g.p("\t}")
		g.p("}")
	default:
		p := g.newName("pv")
		g.p("%s := P3{Name: %s, Arr: [3]int32{%s, 2, %s}, X: %s}", p, g.sub(tString, 2), g.sub(tInt32, 2), g.sub(tInt32, 2), g.sub(tFloat64, 2))
		q := g.newName("pv")
		g.p("%s := &%s", q, p)
		g.p("%s.Arr[uint(%s)%%3] *= %s", q, g.sub(tUint, 2), g.sub(tInt32, 2))
		g.p("%s.Name = %s.Name[uint(%s)%%uint(len(%s.Name)+1):]", p, q, g.sub(tUint, 2), q)
		g.p("cs += hP3(%s) + hP3(*%s) + b2u(%s == *%s)", p, q, p, q)
		r, k := g.newName("pv"), g.newName("k")
		g.p("var %s P3", r)
		g.p("var %s int", k)
		g.p("%s, %s, *%s = swapP(%s, *%s, %s)", r, k, q, p, q, g.sub(tInt, 2))
		g.p("cs += hP3(%s)*3 + uint64(%s) + hP3(%s)", r, k, p)
	}
}

// ifaceStmt: an embedded interface, assertions to it, type switches with
// several types per case.
func (g *gen) ifaceStmt() {
	j := g.newName("j")
	g.p("%s := mkJ(%s)", j, g.sub(tInt, 2))
	g.p("cs += hi(%s)", j)
	x := g.newName("x")
	if g.chance(50) {
		g.p("var %s I = %s", x, j)
		g.p("if %s != nil {", j)
		g.p("\tcs += uint64(%s.M(%s)) + hstr(%s.N())", x, g.sub(tInt, 1), j)
		g.p("}")
	} else {
		g.p("%s := %s", x, g.sub(tIface, 2))
	}
	v := g.newName("v")
	g.p("switch %s := %s.(type) {", v, x)
	switch g.n(2) {
	case 0:
		g.p("case S, T3:")
		g.p("\tcs += uint64(%s.M(3)) + hi(%s)", v, v)
		g.p("case *T2, nil:")
		g.p("\tcs += b2u(%s == nil)", v)
	default:
		g.p("case J:")
		g.p("\tcs += hstr(%s.N())", v)
		g.p("case *T2:")
		g.p("\tcs += uint64(%s.n)", v)
	}
	g.p("}")
	a := g.newName("a")
	t := intTypes[g.n(len(intTypes))]
	vals := []string{t.name + "(" + g.nonConst(t, 1) + ")", g.sub(tString, 1), g.sub(tFloat64, 1), g.sub(tS, 1), "complex(1, 2)", "[]byte(\"ab\")", j}
	g.p("var %s interface{} = %s", a, vals[g.n(len(vals))])
	g.p("switch %s := %s.(type) {", v, a)
	g.p("case int, int8, int16, int32, int64:")
	g.p("\tcs += 1 + b2u(%s != nil)", v)
	g.p("case uint, uint8, uint16, uint32, uint64, uintptr:")
	g.p("\tcs += 2")
	g.p("case string, []byte:")
	g.p("\tcs += 3")
	g.p("case float64:")
	g.p("\tcs += uint64(f2i(%s))", v)
	g.p("case J, *T2:")
	g.p("\tcs += hi(%s.(I))", v)
	g.p("case complex128, S:")
	g.p("\tcs += 7")
	g.p("case nil:")
	g.p("\tcs += 8")
	g.p("}")
	g.p("if jj, ok := %s.(J); ok && jj != nil {", a)
	g.p("\tcs += hstr(jj.N())")
	g.p("}")
}

// selectMultiStmt: select over several ready buffered channels; results
// summed (independent of the order select picks them in).
func (g *gen) selectMultiStmt() {
	c1, c2, c3, c4 := g.newName("ch"), g.newName("ch"), g.newName("ch"), g.newName("ch")
	n1, n2, n3 := 1+g.n(3), g.n(3), g.n(2)
	g.p("%s, %s, %s, %s := make(chan int, 3), make(chan string, 2), make(chan S, 1), make(chan int, 1)", c1, c2, c3, c4)
	for i := 0; i < n1; i++ {
		g.p("%s <- %s", c1, g.sub(tInt, 2))
	}
	for i := 0; i < n2; i++ {
		g.p("%s <- %s", c2, g.sub(tString, 2))
	}
	for i := 0; i < n3; i++ {
		g.p("%s <- %s", c3, g.sub(tS, 2))
	}
	closed := g.chance(50)
	if closed {
		g.p("close(%s)", c2)
	}
	got, sum := g.newName("got"), g.newName("sum")
	g.p("%s, %s := 0, uint64(0)", got, sum)
	g.p("for %s < %d {", got, n1+n2+n3)
	g.p("\tselect {")
	g.p("\tcase x := <-%s:", c1)
	g.p("\t\t%s += uint64(x)*3 + 1", sum)
	g.p("\t\t%s++", got)
	g.p("\tcase s, ok := <-%s:", c2)
	g.p("\t\tif ok {")
	g.p("\t\t\t%s += hstr(s)", sum)
	g.p("\t\t\t%s++", got)
	g.p("\t\t}")
	g.p("\tcase v := <-%s:", c3)
	g.p("\t\t%s += hS(v)", sum)
	g.p("\t\t%s++", got)
	g.p("\tcase %s <- %d:", c4, g.n(50))
	g.p("\t}")
	g.p("}")
	g.p("select {")
	g.p("case %s <- 1:", c4)
	g.p("default:")
	g.p("}")
	g.p("cs += %s + uint64(<-%s)*0 + uint64(len(%s))", sum, c4, c4)
}

// shadowStmt: a variable redeclared in nested scopes, in if and for
// headers, with other types, and predeclared names shadowed.
func (g *gen) shadowStmt(d int) {
	vs := g.vars(tInt, true)
	var x string
	if len(vs) > 0 && g.chance(60) {
		x = vs[g.n(len(vs))].name
	} else {
		x = g.newName("x")
		g.p("%s := %s", x, g.nonConst(tInt, 2))
		g.declare(x, tInt, false)
	}
	g.p("{")
	g.ind++
	g.p("%s := %s * %d", x, x, 1+g.n(5))
	g.p("cs += uint64(%s)", x)
	g.push()
	g.declare(x, tInt, false)
	g.stmt(d - 1)
	g.pop()
	g.p("if %s := %s + %d; %s > %d {", x, x, g.n(10), x, g.n(20))
	g.p("\t%s := uint8(%s)", x, x)
	g.p("\tcs += uint64(%s) * 3", x)
	g.p("} else if %s := hstr(\"s\") + uint64(%s); %s > 0 {", x, x, x)
	g.p("\tcs += %s", x)
	g.p("}")
	g.p("for %s := 0; %s < 3; %s++ {", x, x, x)
	g.p("\t%s := %s * 2", x, x)
	g.p("\tcs += uint64(%s)", x)
	g.p("}")
	g.p("{")
	g.p("\tlen, true, %s := %d, false, \"sh\"", x, g.n(10))
	g.p("\tcs += uint64(len) + b2u(true) + hstr(%s)", x)
	g.p("}")
	g.p("cs = cs*5 + uint64(%s)", x)
	g.ind--
	g.p("}")
}

// labelStmt: labeled break and continue out of a switch and a select
// inside two loops.
func (g *gen) labelStmt() {
	l1, l2 := g.newName("Outer"), g.newName("Inner")
	i, j, ch := g.newName("i"), g.newName("j"), g.newName("lc")
	g.p("%s := make(chan int, 8)", ch)
	g.p("for k := 0; k < %d; k++ {", g.n(9))
	g.p("\t%s <- k * %d", ch, 1+g.n(3))
	g.p("}")
	g.p("%s:", l1)
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(4), i)
	g.p("%s:", l2)
	g.p("\tfor %s := 0; %s < %d; %s++ {", j, j, 2+g.n(4), j)
	g.p("\t\tswitch (%s*%d + %s + int(uint8(%s))) %% 6 {", i, 1+g.n(4), j, g.sub(tUint8, 1))
	g.p("\t\tcase 0:")
	g.p("\t\t\tcontinue %s", l1)
	g.p("\t\tcase 1:")
	g.p("\t\t\tif %s > %d {", j, g.n(3))
	g.p("\t\t\t\tbreak %s", l2)
	g.p("\t\t\t}")
	g.p("\t\t\tcs += 1")
	g.p("\t\tcase 2:")
	g.p("\t\t\tcs += 2")
	g.p("\t\t\tcontinue")
	g.p("\t\tcase 3:")
	g.p("\t\t\tif %s == %d {", i, g.n(5))
	g.p("\t\t\t\tbreak %s", l1)
	g.p("\t\t\t}")
	g.p("\t\t\tbreak")
	g.p("\t\tdefault:")
	g.p("\t\t\tselect {")
	g.p("\t\t\tcase v := <-%s:", ch)
	g.p("\t\t\t\tif v > %d {", g.n(12))
	g.p("\t\t\t\t\tcontinue %s", l2)
	g.p("\t\t\t\t}")
	g.p("\t\t\t\tif v == %d {", g.n(12))
	g.p("\t\t\t\t\tbreak %s", l1)
	g.p("\t\t\t\t}")
	g.p("\t\t\t\tcs += uint64(v)")
	g.p("\t\t\t\tbreak")
	g.p("\t\t\tdefault:")
	g.p("\t\t\t\tcs += 5")
	g.p("\t\t\t\tcontinue %s", l1)
	g.p("\t\t\t}")
	g.p("\t\t\tcs += 11")
	g.p("\t\t}")
	g.p("\t\tcs = cs*3 + uint64(%s*10+%s)", i, j)
	g.p("\t}")
	g.p("\tcs += 100")
	g.p("}")
}

// ---- widened statements (2): composite literals with &T elided,
// tuple assignments that panic part-way, panic values of every kind,
// func literals with defer called in place, f(g()), large maps, methods
// through embedding, deferred calls of every shape, run-time errors,
// closures with defer ----

// avoid: shapes left out (GOPROG_AVOID=tuple,panicmeth,variadic,bigelem,wrapper),
// for campaigns while a known bug in them is being fixed: tuple, no
// tuple assignments that panic; panicmeth, no values with Error or String
// methods in unrecovered panics; variadic, no f(g()) into a variadic f;
// bigelem, no map elements over 1024 bytes; tuple also keeps calls out
// of the right side of *np = ... with np nil; wrapper, no deferred
// method values, interface method values or promoted methods through
// interfaces that recover (gocases recover_wrapper).
var avoid = map[string]bool{}

func init() {
	for _, s := range strings.Split(os.Getenv("GOPROG_AVOID"), ",") {
		avoid[s] = true
	}
}

func (g *gen) newStmt(d int) {
	k := g.n(11)
	if k == 1 && avoid["tuple"] {
		k = 2
	}
	switch k {
	case 0:
		g.complitStmt(d)
	case 1:
		g.tuplePanicStmt()
	case 2:
		g.panicValStmt()
	case 3:
		g.iifeStmt(d)
	case 4:
		g.multiValueStmt()
	case 5:
		g.bigMapStmt()
	case 6:
		g.embedMethodStmt()
	case 7:
		g.deferShapesStmt(d)
	case 8, 9:
		g.rtErrStmt()
	default:
		g.closureStmt()
	}
}

// inClosure generates a func literal's body: no labels of the enclosing
// function are in reach.
func (g *gen) inClosure(body func()) {
	labels := g.labels
	g.labels = nil
	g.ind++
	body()
	g.ind--
	g.labels = labels
}

// panicVal: a panic value of any kind: every basic type, named types
// without methods, error and Stringer types with value and pointer
// receivers and promoted through embedding, a struct, a slice, a
// pointer, an interface, a run-time error, nil.
func (g *gen) panicVal() string {
	k := g.n(26)
	if g.noMeth && (k >= 9 && k <= 16 || k == 18) {
		k = 6
	}
	switch k {
	case 0, 1, 2:
		t := intTypes[g.n(len(intTypes))]
		return t.name + "(" + g.nonConst(t, 1) + ")"
	case 3:
		if g.chance(50) {
			return "float32(" + g.nonConst(tFloat32, 1) + ")"
		}
		return "float64(" + g.nonConst(tFloat64, 1) + ")"
	case 4:
		if g.chance(50) {
			return fmt.Sprintf("complex64(complex(%s, %d))", g.nonConst(tFloat32, 1), g.n(5))
		}
		return fmt.Sprintf("complex(%s, -%d.5)", g.nonConst(tFloat64, 1), g.n(5))
	case 5:
		return "bool(" + g.sub(tBool, 2) + ")"
	case 6:
		return "string(" + g.sub(tString, 2) + ")"
	case 7:
		if g.chance(50) {
			return "MyU8(" + g.nonConst(tUint8, 1) + ")"
		}
		return "MyInt(" + g.nonConst(tInt, 1) + ")"
	case 8:
		switch g.n(4) {
		case 0:
			return "MyStr(" + g.sub(tString, 2) + ")"
		case 1:
			return "MyF(" + g.nonConst(tFloat64, 1) + ")"
		case 2:
			return "MyBool(" + g.sub(tBool, 2) + ")"
		}
		return fmt.Sprintf("MyC(complex(%s, 2))", g.nonConst(tFloat64, 1))
	case 9:
		return "EV{" + g.sub(tInt, 2) + "}"
	case 10:
		return "&EP{" + g.sub(tString, 2) + "}"
	case 11:
		return "SV(" + g.sub(tInt, 2) + ")"
	case 12:
		return fmt.Sprintf("&SP{%s, %d}", g.sub(tInt, 2), g.n(9))
	case 13:
		return fmt.Sprintf("EmbEV{EV{%s}, %d}", g.sub(tInt, 2), g.n(9))
	case 14:
		return fmt.Sprintf("EmbEP{&EP{%s}, %d}", g.sub(tString, 2), g.n(9))
	case 15:
		if g.chance(50) {
			return fmt.Sprintf("EmbSP{SP{%s, 1}}", g.sub(tInt, 2)) // String only in *EmbSP's method set
		}
		return fmt.Sprintf("&EmbSP{SP{%s, 1}}", g.sub(tInt, 2))
	case 16:
		return fmt.Sprintf("EmbSV{SV(%s), %d}", g.sub(tInt, 2), g.n(9))
	case 17:
		return g.nonConst(tS, 2)
	case 18:
		if g.chance(50) {
			return "error(EV{" + g.sub(tInt, 2) + "})"
		}
		return "Stringer(SV(" + g.sub(tInt, 2) + "))"
	case 19:
		return "mkI(" + g.sub(tInt, 2) + ")"
	case 20:
		return "rtErr(" + g.sub(tUint8, 2) + ")"
	case 21:
		return g.nonConst(tSlice, 2)
	case 22:
		return g.nonConst(tPtr, 2)
	case 23:
		return g.nonConst(tArr, 2)
	case 24:
		return "nil"
	}
	return g.sub(tString, 2)
}

// complitStmt: nested composite literals of slices, arrays, maps
// (pointer, array and struct keys) and pointers to arrays, down to *CP
// and CP elements with the &CP and CP elided; every pointer reachable is
// collected, statements run, then the pointers are compared pairwise
// (distinct literals are distinct variables) and written through.
type clT struct {
	k    int // clP, clV, clSlice, clArr, clMap, clMapK, clPArr, clHold
	n    int
	elem *clT
	key  *clT
}

const (
	clP = iota
	clV
	clSlice
	clArr
	clMap
	clMapK
	clPArr
	clHold
)

func (g *gen) clType(depth int) *clT {
	if depth == 0 || g.chance(15) {
		if g.chance(25) {
			return &clT{k: clV}
		}
		return &clT{k: clP}
	}
	switch g.n(7) {
	case 0, 1:
		return &clT{k: clSlice, elem: g.clType(depth - 1)}
	case 2:
		return &clT{k: clArr, n: 1 + g.n(3), elem: g.clType(depth - 1)}
	case 3:
		return &clT{k: clMap, elem: g.clType(depth - 1)}
	case 4:
		key := &clT{k: clP}
		switch g.n(3) {
		case 0:
			key = &clT{k: clArr, n: 2, elem: &clT{k: clP}}
		case 1:
			key = &clT{k: clV}
		}
		return &clT{k: clMapK, key: key}
	case 5:
		return &clT{k: clPArr, n: 1 + g.n(3), elem: g.clType(depth - 1)}
	}
	return &clT{k: clHold}
}

func (t *clT) str() string {
	switch t.k {
	case clP:
		return "*CP"
	case clV:
		return "CP"
	case clSlice:
		return "[]" + t.elem.str()
	case clArr:
		return fmt.Sprintf("[%d]%s", t.n, t.elem.str())
	case clMap:
		return "map[string]" + t.elem.str()
	case clMapK:
		return "map[" + t.key.str() + "]int"
	case clPArr:
		return fmt.Sprintf("*[%d]%s", t.n, t.elem.str())
	}
	return "*Hold"
}

// cpFields: the fields of a CP literal, keyed, positional or none.
func (g *gen) cpFields() string {
	switch g.n(4) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s, %s, [2]int16{%d, %s}", g.sub(tInt, 2), g.sub(tString, 2), g.n(50), g.sub(tInt16, 1))
	case 2:
		return "c: [2]int16{" + g.sub(tInt16, 1) + "}"
	}
	return fmt.Sprintf("a: %s, b: %s", g.sub(tInt, 2), g.sub(tString, 1))
}

// cpLit: a new *CP in an element or key position, &CP elided or not.
func (g *gen) cpLit() string {
	if g.chance(70) {
		return "{" + g.cpFields() + "}"
	}
	return "&CP{" + g.cpFields() + "}"
}

// clLit: a literal of type t; elided: in an element or key position,
// where the type (and &) may be left out.  alias: a *CP that may appear
// (uses it when it does, *aliasUsed).
func (g *gen) clLit(t *clT, elided bool, noAlias bool, aliasUsed *bool) string {
	elems := func(n int, key bool) string {
		var es []string
		used := map[int]bool{}
		for i := 0; i < n; i++ {
			var e string
			if key {
				k := 0
				if t.k == clArr || t.k == clPArr {
					k = g.n(t.n)
				} else {
					k = g.n(4)
				}
				if used[k] {
					continue
				}
				used[k] = true
				e = fmt.Sprintf("%d: ", k)
			}
			e += g.clLit(t.elem, true, noAlias, aliasUsed)
			es = append(es, e)
		}
		return "{" + strings.Join(es, ", ") + "}"
	}
	prefix := func(s string) string {
		if elided && g.chance(80) {
			return ""
		}
		return s
	}
	switch t.k {
	case clP:
		switch {
		case g.chance(8):
			return "nil"
		case !noAlias && g.chance(10):
			*aliasUsed = true
			return "kp"
		}
		return prefix("&CP") + "{" + g.cpFields() + "}"
	case clV:
		return prefix("CP") + "{" + g.cpFields() + "}"
	case clSlice:
		return prefix(t.str()) + elems(g.n(4), g.chance(30))
	case clArr:
		return prefix(t.str()) + elems(g.n(t.n+1), g.chance(40))
	case clPArr:
		p := prefix("&" + t.str()[1:])
		return p + elems(g.n(t.n+1), g.chance(30))
	case clMap:
		var es []string
		for i := 0; i < g.n(4); i++ {
			es = append(es, fmt.Sprintf("\"k%d\": %s", i, g.clLit(t.elem, true, noAlias, aliasUsed)))
		}
		return prefix(t.str()) + "{" + strings.Join(es, ", ") + "}"
	case clMapK:
		var es []string
		for i := 0; i < g.n(4); i++ {
			var k string // keys all distinct: new pointers, distinct values
			switch t.key.k {
			case clV:
				k = fmt.Sprintf("{a: %d, b: %q}", i, "k")
			case clP:
				k = g.cpLit()
			default:
				k = "{" + g.cpLit() + ", " + g.cpLit() + "}"
			}
			es = append(es, fmt.Sprintf("%s: %s", k, g.sub(tInt, 1)))
		}
		return prefix(t.str()) + "{" + strings.Join(es, ", ") + "}"
	}
	// *Hold
	aq := &clT{k: clSlice, elem: &clT{k: clP}}
	am := &clT{k: clMap, elem: &clT{k: clP}}
	return prefix("&Hold") + fmt.Sprintf("{P: %s, Q: %s, M: %s}", g.clLit(&clT{k: clP}, false, noAlias, aliasUsed),
		g.clLit(aq, false, noAlias, aliasUsed), g.clLit(am, false, noAlias, aliasUsed))
}

// clWalk: statements appending every *CP reachable from e to ptrs, and
// hashing every CP value into vh.
func (g *gen) clWalk(t *clT, e string) {
	switch t.k {
	case clP:
		g.p("ptrs = append(ptrs, %s)", e)
	case clV:
		g.p("vh += hCPv(%s)", e)
	case clSlice, clArr, clMap, clPArr:
		x := g.newName("x")
		if t.k == clPArr {
			g.p("if %s != nil {", e)
			g.ind++
		}
		g.p("for _, %s := range %s {", x, e)
		g.ind++
		g.clWalk(t.elem, x)
		g.ind--
		g.p("}")
		if t.k == clPArr {
			g.ind--
			g.p("}")
		}
	case clMapK:
		k := g.newName("k")
		g.p("for %s, v := range %s {", k, e)
		g.ind++
		g.p("vh += uint64(v)")
		g.clWalk(t.key, k)
		g.ind--
		g.p("}")
	default:
		g.p("if %s != nil {", e)
		g.ind++
		g.clWalk(&clT{k: clP}, e+".P")
		g.clWalk(&clT{k: clSlice, elem: &clT{k: clP}}, e+".Q")
		g.clWalk(&clT{k: clMap, elem: &clT{k: clP}}, e+".M")
		g.ind--
		g.p("}")
	}
}

func (g *gen) complitStmt(d int) {
	t := g.clType(1 + g.n(3))
	if t.k == clP || t.k == clV {
		t = &clT{k: clSlice, elem: t}
	}
	aliasUsed := false
	lit := g.clLit(t, false, false, &aliasUsed)
	if strings.HasPrefix(lit, "{") {
		lit = t.str() + lit
		if t.k == clPArr || t.k == clHold {
			lit = "&" + lit[1:]
		}
	}
	cl := g.newName("cl")
	g.p("{")
	g.ind++
	if aliasUsed {
		g.p("kp := &CP{a: %s}", g.sub(tInt, 2))
	}
	g.p("%s := %s", cl, lit)
	g.p("var ptrs []*CP")
	g.p("var vh uint64")
	g.clWalk(t, cl)
	g.p("n, eq, h := ptrStat(ptrs)")
	g.push()
	for i := 0; i < g.n(3); i++ {
		g.stmt(d - 1)
	}
	g.pop()
	g.p("for _, p := range ptrs {")
	g.p("\tif p != nil {")
	g.p("\t\tp.a += 1000")
	g.p("\t\tp.c[1]++")
	g.p("\t}")
	g.p("}")
	g.p("n2, eq2, h2 := ptrStat(ptrs)")
	g.p("println(\"complit\", n, eq, n2, eq2, h2-h, vh)")
	g.p("cs += h + vh")
	g.ind--
	g.p("}")
}

// tuplePanicStmt: a tuple assignment one of whose targets may panic (index
// out of range, nil pointer, nil map) inside a func literal that
// recovers; the targets before it are assigned, those after it are not.
func (g *gen) tuplePanicStmt() {
	n := 2 + g.n(3)
	j := g.n(n)
	g.p("{")
	g.ind++
	var lhs, rhs, show []string
	allInt := true
	for i := 0; i < n; i++ {
		if i == j {
			var target, tt, decl string
			ok := g.chance(20) // the target does not panic
			switch g.n(6) {
			case 0:
				idx := []string{"len(tsl)", "len(tsl) + 2", "-1", "1 << 40"}[g.n(4)]
				if ok {
					idx = "len(tsl) - 1"
				}
				decl = fmt.Sprintf("tsl := cloneSl(%s)\n\ttk := %s", g.nonConst(tSlice, 2), idx)
				target, tt = "tsl[tk]", "int"
				show = append(show, "hsl(tsl)")
			case 1:
				k := 4 + g.n(3)
				if ok {
					k = g.n(4)
				}
				decl = fmt.Sprintf("tar := %s\n\ttk := id_int(%d)", g.nonConst(tArr, 2), k)
				target, tt = "tar[tk]", "int16"
				show = append(show, "hA(tar)")
			case 2:
				decl = "var tp *S"
				if ok {
					decl = "tp := &S{}"
				}
				if g.chance(50) {
					target, tt = "tp.A", "int64"
				} else {
					target, tt = "*tp", "S"
				}
				show = append(show, "hp(tp)")
			case 3:
				decl = "var tm map[string]int"
				if ok {
					decl = "tm := map[string]int{}"
				}
				target, tt = "tm["+g.sub(tString, 2)+"]", "int"
				show = append(show, "hm(tm)")
			case 4:
				decl = "var tpa *[4]int16"
				if ok {
					decl = "tpa := new([4]int16)"
				}
				target, tt = fmt.Sprintf("tpa[%s&3]", g.sub(tInt, 2)), "int16"
				show = append(show, "b2u(tpa != nil)")
			default:
				decl = fmt.Sprintf("tss := []S{%s, {A: 2}}\n\ttk := id_int(%d)", g.sub(tS, 2), 2+g.n(2))
				if ok {
					decl = fmt.Sprintf("tss := []S{%s, {A: 2}}\n\ttk := id_int(1)", g.sub(tS, 2))
				}
				target, tt = "tss[tk].C[1]", "uint8"
				show = append(show, "hS(tss[0])")
			}
			for _, l := range strings.Split(decl, "\n\t") {
				g.p("%s", l)
			}
			lhs = append(lhs, target)
			var ty *typ
			for _, at := range allTypes {
				if at.name == tt {
					ty = at
				}
			}
			if tt == "S" {
				ty = tS
			}
			rhs = append(rhs, g.sub(ty, 2))
			if tt != "int" {
				allInt = false
			}
			continue
		}
		t := []*typ{tInt, tInt, tString, tFloat64, tS}[g.n(5)]
		if t != tInt {
			allInt = false
		}
		v := g.newName("tv")
		g.p("%s := %s", v, g.nonConst(t, 2))
		lhs = append(lhs, v)
		rhs = append(rhs, g.sub(t, 2))
		show = append(show, g.hash(v, t))
	}
	r := strings.Join(rhs, ", ")
	if allInt && n == 3 && g.chance(50) {
		r = "three(" + g.sub(tInt, 2) + ")"
	}
	g.p("func() {")
	g.p("\tdefer func() {")
	g.p("\t\tif r := recover(); r != nil {")
	g.p("\t\t\tprintln(\"tuple\", r.(error).Error())")
	g.p("\t\t}")
	g.p("\t}()")
	g.p("\t%s = %s", strings.Join(lhs, ", "), r)
	g.p("}()")
	g.p("println(\"tuple\", %s)", strings.Join(show, ", "))
	g.p("cs += %s", strings.Join(show, " + "))
	g.ind--
	g.p("}")
}

// panicValStmt: panics with values of every kind, recovered, re-panicked,
// replaced by a panic in a deferred call, recovered into a named result.
func (g *gen) panicValStmt() {
	switch g.n(4) {
	case 0:
		g.p("func() {")
		g.p("\tdefer func() { println(\"recovered\", pv(recover())) }()")
		g.p("\tpanic(%s)", g.panicVal())
		g.p("}()")
	case 1:
		g.p("func() {")
		g.p("\tdefer func() { println(\"outer\", pv(recover())) }()")
		g.p("\tfunc() {")
		g.p("\t\tdefer func() {")
		g.p("\t\t\tr := recover()")
		g.p("\t\t\tprintln(\"inner\", pv(r))")
		if g.chance(50) {
			g.p("\t\t\tpanic(r)")
		} else {
			g.p("\t\t\tpanic(%s)", g.panicVal())
		}
		g.p("\t\t}()")
		g.p("\t\tpanic(%s)", g.panicVal())
		g.p("\t}()")
		g.p("}()")
	case 2:
		v := g.newName("pr")
		g.p("%s := func() (res int) {", v)
		g.p("\tdefer func() {")
		g.p("\t\tif r := recover(); r != nil {")
		g.p("\t\t\tres = len(pv(r))")
		g.p("\t\t}")
		g.p("\t}()")
		g.p("\tif %s {", g.sub(tBool, 2))
		g.p("\t\tpanic(%s)", g.panicVal())
		g.p("\t}")
		g.p("\treturn %d", g.n(100))
		g.p("}()")
		g.p("cs += uint64(%s)", v)
	default:
		g.p("func() {")
		g.p("\tdefer func() { println(\"last\", pv(recover())) }()")
		g.p("\tdefer func() { panic(%s) }()", g.panicVal())
		g.p("\tpanic(%s)", g.panicVal())
		g.p("}()")
	}
}

// iifeStmt: func literals called in place with defer (and recover)
// inside, no results, unnamed and named results.
func (g *gen) iifeStmt(d int) {
	switch g.n(4) {
	case 0:
		g.p("func() {")
		g.inClosure(func() {
			g.p("defer func() { recover() }()")
			g.block(1+g.n(3), d-1)
			if g.chance(40) {
				g.p("if %s {", g.sub(tBool, 2))
				g.p("\tpanic(%s)", g.panicVal())
				g.p("}")
			}
		})
		g.p("}()")
	case 1:
		t := g.pick()
		v := g.newName("iv")
		g.p("%s := func() %s {", v, t.name)
		g.inClosure(func() {
			g.p("defer func() {")
			g.p("\tif r := recover(); r != nil {")
			g.p("\t\tprintln(\"iife\", pv(r))")
			g.p("\t}")
			g.p("}()")
			g.block(1+g.n(3), d-1)
			g.p("return %s", fresh(t, g.sub(t, 3)))
		})
		g.p("}()")
		g.declare(v, t, false)
	case 2:
		t := g.pick()
		v, w := g.newName("iv"), g.newName("iw")
		g.p("%s, %s := func() (ir1 %s, ir2 int) {", v, w, t.name)
		g.inClosure(func() {
			g.p("defer func() {")
			g.p("\tir2 += 7")
			g.p("\tif e := recover(); e != nil {")
			g.p("\t\tir1 = %s", fresh(t, g.lit(t)))
			g.p("\t\tir2 = len(pv(e))")
			g.p("\t}")
			g.p("}()")
			g.p("ir1 = %s", fresh(t, g.sub(t, 3)))
			g.block(1+g.n(3), d-1)
			g.p("if %s {", g.sub(tBool, 2))
			g.p("\tpanic(%s)", g.panicVal())
			g.p("}")
			if g.chance(50) {
				g.p("ir2 = %s", g.sub(tInt, 2))
				g.p("return")
			} else {
				g.p("return ir1, %s", g.sub(tInt, 2))
			}
		})
		g.p("}()")
		g.declare(v, t, false)
		g.declare(w, tInt, false)
	default:
		vs := g.vars(tInt, true)
		if len(vs) == 0 {
			g.p("func() {")
			g.inClosure(func() {
				g.p("defer addG(uint64(%s))", g.nonConst(tInt, 2))
				g.block(1+g.n(2), d-1)
			})
			g.p("}()")
			return
		}
		x := vs[g.n(len(vs))].name
		g.p("func() {")
		g.inClosure(func() {
			g.p("defer func() { %s = %s*3 + 1 }()", x, x)
			g.p("%s += %s", x, g.sub(tInt, 2))
			g.block(1+g.n(2), d-1)
		})
		g.p("}()")
	}
}

// multiValueStmt: f(g()) with a multi-value g into func literals,
// variadic functions, methods, interface methods, generic functions and
// methods.
func (g *gen) multiValueStmt() {
	type src struct {
		call string
		ts   []*typ
	}
	x := g.sub(tInt, 2)
	srcs := []src{
		{"two(" + x + ")", []*typ{tInt, tString}},
		{"three(" + x + ")", []*typ{tInt, tInt, tInt}},
		{"sp2(" + x + ")", []*typ{tS, tPtr}},
		{fmt.Sprintf("Snk{%d}.Pair(%s)", g.n(9), x), []*typ{tInt, tString}},
	}
	if !g.noCalls {
		for _, f := range g.funcs {
			if len(f.results) >= 2 {
				srcs = append(srcs, src{f.name + "(" + g.args(f.params, 2) + ")", f.results})
			}
		}
	}
	s := srcs[g.n(len(srcs))]
	if len(srcs) > 4 && g.chance(60) {
		s = srcs[4+g.n(len(srcs)-4)]
	}
	same := true
	for _, t := range s.ts {
		if t != s.ts[0] {
			same = false
		}
	}
	var names []string
	for _, t := range s.ts {
		names = append(names, t.name)
	}
	rest := true // ts[1:] all one type
	for _, t := range s.ts[1:] {
		if t != s.ts[1] {
			rest = false
		}
	}
	var sink string
	k := g.n(12)
	if avoid["variadic"] && k != 0 && k != 4 && k != 5 && k != 10 {
		k = 0
	}
	var ps, hs []string
	for i, t := range s.ts {
		a := fmt.Sprintf("a%d", i)
		ps = append(ps, a+" "+t.name)
		hs = append(hs, g.hash(a, t))
	}
	lit := fmt.Sprintf("func(%s) uint64 { return %s }", strings.Join(ps, ", "), strings.Join(hs, "*31 + "))
	switch k {
	case 0:
		sink = lit
	case 1:
		sink = "hanys"
	case 2:
		sink = fmt.Sprintf("Snk{%d}.Any", g.n(9))
	case 3:
		sink = fmt.Sprintf("SinkI(&Snk{%d}).Any", g.n(9))
	case 4:
		if len(s.ts) == 2 {
			sink = "gTwo[" + strings.Join(names, ", ") + "]"
		}
	case 5:
		if len(s.ts) == 2 {
			sink = fmt.Sprintf("Sink2[%s]{%d}.Two", strings.Join(names, ", "), g.n(9))
		}
	case 6:
		if rest {
			sink = fmt.Sprintf("(&Sink2[%s, %s]{}).Rest", s.ts[0].name, s.ts[1].name)
		}
	case 7:
		if same {
			sink = "gAll[" + s.ts[0].name + "]"
		}
	case 8:
		if same {
			sink = fmt.Sprintf("func(xs ...%s) uint64 { h := uint64(len(xs)); for _, x := range xs { h = h*7 + %s }; return h }", s.ts[0].name, g.hash("x", s.ts[0]))
		}
	case 9:
		sink = fmt.Sprintf("func(a %s, xs ...interface{}) uint64 { return %s + hanys(xs...) }", s.ts[0].name, g.hash("a", s.ts[0]))
	case 10:
		if len(s.ts) == 2 && s.ts[0] == tInt && s.ts[1] == tString {
			sink = fmt.Sprintf("(&Snk{%d}).Two", g.n(9))
		}
	default:
		mv := g.newName("mv")
		g.p("%s := Snk{%d}.Any", mv, g.n(9))
		sink = mv
	}
	if sink == "" {
		sink = "hanys"
		if avoid["variadic"] {
			sink = lit
		}
	}
	g.p("cs += %s(%s)", sink, s.call)
}

// bigMapStmt: maps whose keys or elements are arrays larger than 128
// bytes (up to 4 KB): insert, look up, update through a copy, delete,
// range (summed).
func (g *gen) bigMapStmt() {
	ks := []int{2, 34, 64, 250}[g.n(4)]
	es := []int{1, 17, 130, 200, 512}[g.n(5)]
	if avoid["bigelem"] && es > 120 {
		es = 120
	}
	kt := fmt.Sprintf("[%d]int32", ks)
	et := fmt.Sprintf("[%d]int64", es)
	ef := ""
	if g.chance(25) {
		et = fmt.Sprintf("struct{ a [%d]int64; s string }", es)
		ef = ".a"
	}
	m := g.newName("bm")
	g.p("{")
	g.ind++
	if g.chance(50) {
		g.p("%s := make(map[%s]%s)", m, kt, et)
	} else {
		g.p("%s := map[%s]%s{}", m, kt, et)
	}
	g.p("for i := 0; i < %d; i++ {", 1+g.n(12))
	g.p("\tvar k %s", kt)
	g.p("\tk[i%%%d] = int32(i) + %s", ks, g.sub(tInt32, 1))
	g.p("\tk[%d] ^= int32(i * 7)", ks-1)
	g.p("\tvar e %s", et)
	g.p("\te%s[0] = int64(i) * %s", ef, g.sub(tInt64, 1))
	g.p("\te%s[(i*5)%%%d] += int64(i)", ef, es)
	g.p("\te%s[%d] = %d", ef, es-1, g.n(1000))
	if ef != "" {
		g.p("\te.s = %s", g.sub(tString, 1))
	}
	g.p("\t%s[k] = e", m)
	g.p("}")
	g.p("var k0 %s", kt)
	g.p("k0[0] = %s", g.sub(tInt32, 1))
	g.p("if e, ok := %s[k0]; ok {", m)
	g.p("\tcs += uint64(e%s[0]) + uint64(e%s[%d])", ef, ef, es-1)
	g.p("\te%s[%d]++", ef, g.n(es))
	g.p("\t%s[k0] = e", m)
	g.p("}")
	g.p("var k1 %s", kt)
	g.p("k1[%d] = 1", g.n(ks))
	g.p("e1 := %s[k1]", m)
	g.p("cs += uint64(e1%s[0])", ef)
	if g.chance(50) {
		g.p("delete(%s, k0)", m)
	}
	g.p("%s[k1] = e1", m)
	g.p("for k, v := range %s {", m)
	g.p("\tcs += uint64(k[0])*31 + uint64(k[%d]) + uint64(v%s[0])*7 + uint64(v%s[%d])", ks-1, ef, ef, es-1)
	g.p("}")
	g.p("println(\"bigmap\", len(%s))", m)
	g.ind--
	g.p("}")
}

// embedMethodStmt: method values and method expressions through value
// and pointer embedding, one and two levels deep, and through interfaces.
func (g *gen) embedMethodStmt() {
	g.p("{")
	g.ind++
	g.p("o := OutV{Base{%s}, 1}", g.sub(tInt, 2))
	g.p("op := OutP{&Base{%s}, 2}", g.sub(tInt, 2))
	g.p("o2 := Out2{OutV{Base{%d}, 3}, 4}", g.n(50))
	g.p("opp := OutPP{&OutV{Base{%d}, 5}}", g.n(50))
	tmpl := []string{
		"mv := o.Get; o.n += 5; cs += uint64(mv(2))",
		"mv := o.Inc; cs += uint64(mv(3)); cs += uint64(o.n)",
		"mv := op.Get; op.n += 2; cs += uint64(mv(1))",
		"mv := op.Inc; cs += uint64(mv(2)); cs += uint64(op.n)",
		"cs += uint64(OutV.Get(o, 4))",
		"cs += uint64((*OutV).Inc(&o, 2))",
		"cs += uint64((*OutV).Get(&o, 2))",
		"cs += uint64(OutP.Inc(op, 3))",
		"cs += uint64(OutP.Get(op, 1))",
		"cs += uint64(Out2.Get(o2, 1))",
		"me := (*Out2).Inc; cs += uint64(me(&o2, 3))",
		"var gi GetIncer = &o2; mv := gi.Inc; cs += uint64(mv(2)); cs += uint64(GetIncer.Get(gi, 1))",
		"var gi GetIncer = op; cs += uint64(gi.Inc(1))",
		"var gt Getter = o; o.n++; cs += uint64(gt.Get(1))",
		"mv := opp.Inc; cs += uint64(mv(1))",
		"cs += uint64(OutPP.Inc(opp, 2)) + uint64(OutPP.Get(opp, 1))",
		"fs := []func(int) int{o.Get, op.Inc, o2.Get, (&o2).Inc, opp.Get}; for i, f := range fs { cs += uint64(f(i)) }",
		"h := struct{ f func(int) int }{o2.Inc}; cs += uint64(h.f(4))",
		"me := Getter.Get; cs += uint64(me(op, 2))",
	}
	for i := 0; i < 2+g.n(4); i++ {
		g.p("{")
		g.p("\t%s", tmpl[g.n(len(tmpl))])
		g.p("}")
	}
	g.p("println(\"embed\", o.n, op.n, o2.n, opp.n)")
	g.p("cs += uint64(o.n + op.n + o2.n + opp.n)")
	g.ind--
	g.p("}")
}

// deferShapesStmt: deferred calls of every shape (direct, closures,
// method values, interface methods, promoted methods, method
// expressions, generic functions and methods, builtins, a nil func),
// recover inside some of them and around all of them.
func (g *gen) deferShapesStmt(d int) {
	named := g.chance(30)
	v := g.newName("dv")
	if named {
		g.p("%s := func() (res int) {", v)
	} else {
		g.p("func() {")
	}
	g.ind++
	if named {
		g.p("defer func() {")
		g.p("\tif r := recover(); r != nil {")
		g.p("\t\tres = len(pv(r))")
		g.p("\t}")
		g.p("\tprintln(\"around\", res)")
		g.p("}()")
	} else {
		g.p("defer func() { println(\"around\", pv(recover())) }()")
	}
	g.p("rc := &Rec{n: %d}", g.n(100))
	g.p("_ = rc")
	shapes := []string{
		"defer addG(uint64(%C))",
		"defer rc.Catch()",
		"defer Rec{n: %N}.CatchV()",
		"mv%U := rc.Catch\ndefer mv%U()",
		"var ci%U Catcher = rc\ndefer ci%U.Catch()",
		"defer OutR{rc}.Catch()",
		"var ci%U Catcher = OutR{rc}\ndefer ci%U.Catch()",
		"var ci%U Catcher = &OutRV{Rec{n: %N}, 1}\ndefer ci%U.Catch()",
		"orv%U := OutRV{Rec{n: %N}, 2}\ndefer orv%U.CatchV()",
		"orv%U := OutRV{Rec{n: %N}, 2}\ndefer orv%U.Catch()",
		"defer (*Rec).Catch(rc)",
		"defer Rec.CatchV(Rec{n: %N})",
		"defer gCatch[int](%I)",
		"defer gCatch(%S)",
		"rb%U := &RBox[string]{v: %S}\ndefer rb%U.Catch()",
		"rb%U := &RBox[int]{v: %I}\nmb%U := rb%U.Catch\ndefer mb%U()",
		"defer RBox[int]{v: %N}.Note(%I)",
		"defer func() {\n\tif r := recover(); r != nil {\n\t\tprintln(\"closure\", pv(r))\n\t}\n}()",
		"dk%U := %I\ndefer func(a int) { println(\"args\", a, dk%U) }(dk%U)\ndk%U += 5",
		"defer println(\"builtin\", %I)",
		"defer func() { println(\"indirect\", pv(indirectRecover())) }()",
		"var fnil%U func()\ndefer fnil%U()",
		"var gg%U Getter = Base{%N}\ndefer gg%U.Get(1)",
		"ob%U := OutV{Base{%N}, 1}\ndefer ob%U.Inc(2)\ndefer func() { println(\"ob\", ob%U.n) }()",
		"defer Catcher.Catch(rc)",
	}
	for i := 0; i < 2+g.n(4); i++ {
		s := shapes[g.n(len(shapes))]
		if avoid["wrapper"] && strings.Contains(s, "Catch") && (strings.Contains(s, "Catcher") || strings.Contains(s, " := r")) {
			s = shapes[1]
		}
		u := strconv.Itoa(g.nvar)
		g.nvar++
		s = strings.ReplaceAll(s, "%U", u)
		for strings.Contains(s, "%I") {
			s = strings.Replace(s, "%I", g.sub(tInt, 2), 1)
		}
		for strings.Contains(s, "%C") {
			s = strings.Replace(s, "%C", g.nonConst(tInt, 2), 1)
		}
		for strings.Contains(s, "%N") {
			s = strings.Replace(s, "%N", strconv.Itoa(g.n(100)), 1)
		}
		for strings.Contains(s, "%S") {
			s = strings.Replace(s, "%S", g.sub(tString, 2), 1)
		}
		for _, l := range strings.Split(s, "\n") {
			g.p("%s", l)
		}
	}
	switch g.n(4) {
	case 0:
		g.p("panic(%s)", g.panicVal())
	case 1:
		g.p("if %s {", g.sub(tBool, 2))
		g.p("\tpanic(%s)", g.panicVal())
		g.p("}")
	case 2:
		g.p("var np *S")
		g.p("cs += uint64(np.A)")
	}
	if named {
		g.p("return %d", g.n(100))
	}
	g.ind--
	g.p("}()")
	if named {
		g.p("cs += uint64(%s)", v)
	}
}

// rtErrStmt: one operation that may fail at run time, in a func literal
// that recovers and prints the error's text: index and slice bounds
// (slices, arrays, pointers to arrays, strings; 2 and 3 indices; every
// index type), slice to array pointer conversions, division by zero, nil
// map writes, failed type assertions, nil dereferences, negative shifts,
// make with bad sizes, unhashable keys, uncomparable operands, closing
// nil and closed channels.
func (g *gen) rtErrStmt() {
	g.p("func() {")
	g.ind++
	g.p("defer func() {")
	g.p("\tif r := recover(); r != nil {")
	g.p("\t\tprintln(\"rt\", r.(error).Error())")
	g.p("\t}")
	g.p("}()")
	g.rtOp()
	g.ind--
	g.p("}()")
}

// idx: a non-constant index of a random integer type: near the length n
// (an expression), negative, or huge.
func (g *gen) idx(n string) string {
	t := intTypes[g.n(len(intTypes))]
	switch g.n(6) {
	case 0:
		return fmt.Sprintf("%s(%s)", t.name, n)
	case 1:
		return fmt.Sprintf("%s(%s + %d)", t.name, n, 1+g.n(3))
	case 2:
		if t.signed {
			return fmt.Sprintf("id_%s(-%d)", t.name, 1+g.n(3))
		}
		return fmt.Sprintf("id_%s(%s)", t.name, g.intLit(t))
	case 3:
		return fmt.Sprintf("id_%s(%s)", t.name, g.intLit(t))
	}
	return fmt.Sprintf("%s(%d)", t.name, g.n(5))
}

func (g *gen) rtOp() {
	switch g.n(12) {
	case 0, 1: // index
		switch g.n(4) {
		case 0:
			g.p("s := %s", g.nonConst(tSlice, 2))
			g.p("i := %s", g.idx("len(s)"))
			g.p("cs += uint64(s[i])")
		case 1:
			g.p("a := %s", g.nonConst(tArr, 2))
			g.p("i := %s", g.idx("len(a)"))
			g.p("cs += uint64(a[i])")
		case 2:
			g.p("pa := &[%d]int{%d}", 1+g.n(4), g.n(9))
			g.p("i := %s", g.idx("len(pa)"))
			g.p("cs += uint64(pa[i])")
		default:
			g.p("str := %s", g.sub(tString, 2))
			g.p("i := %s", g.idx("len(str)"))
			g.p("cs += uint64(str[i])")
		}
	case 2, 3: // slice expressions
		lo, hi, mx := g.idx("len(x)"), g.idx("len(x)"), g.idx("cap(x)")
		if g.chance(30) {
			lo = "0"
		}
		var x string
		three := g.chance(40)
		switch g.n(4) {
		case 0:
			g.p("x := cloneSl(%s)[:0]", g.nonConst(tSlice, 2))
			g.p("x = append(x, %s)", g.sub(tInt, 1))
			x = "x"
		case 1:
			g.p("x := %s", g.nonConst(tArr, 2))
			x = "x"
		case 2:
			g.p("x := &[%d]int8{}", 1+g.n(5))
			x = "x"
		default:
			g.p("x := %s", g.sub(tString, 2))
			x = "x"
			three = false
			mx = g.idx("len(x)")
		}
		g.p("lo, hi, mx := %s, %s, %s", lo, hi, mx)
		g.p("_, _, _ = lo, hi, mx")
		forms := []string{"%s[lo:hi]", "%s[lo:]", "%s[:hi]"}
		if three {
			forms = []string{"%s[lo:hi:mx]", "%s[:hi:mx]"}
		}
		g.p("y := "+forms[g.n(len(forms))], x)
		g.p("cs += uint64(len(y))")
	case 4: // slice to array pointer
		n := g.n(6)
		if g.chance(20) {
			g.p("var s []int")
		} else {
			g.p("s := %s", g.nonConst(tSlice, 2))
		}
		g.p("p := (*[%d]int)(s)", n)
		g.p("cs += b2u(p == nil) + uint64(len(p))")
	case 5: // division
		t := intTypes[g.n(len(intTypes))]
		op := "/"
		if g.chance(50) {
			op = "%"
		}
		z := "0"
		if g.chance(20) {
			z = "1"
		}
		g.p("x, y := %s, id_%s(%s)", g.nonConst(t, 2), t.name, z)
		g.p("cs += uint64(x %s y)", op)
	case 6: // nil map writes
		switch g.n(3) {
		case 0:
			g.p("var m map[string]int")
			g.p("m[%s] = %s", g.sub(tString, 2), g.sub(tInt, 2))
		case 1:
			g.p("var m map[[2]int]S")
			g.p("m[[2]int{%s, 1}] = %s", g.sub(tInt, 2), g.sub(tS, 2))
		default:
			n := []int{1, 100, 2000}[g.n(3)]
			if avoid["bigelem"] {
				n = 1000
			}
			g.p("var m map[int64][%d]byte", n)
			g.p("m[%s] = [%d]byte{}", g.sub(tInt64, 2), n)
		}
	case 7, 8: // type assertions
		vals := []string{"int8(3)", g.sub(tString, 1), g.sub(tS, 1), "&T2{1}", "MyInt(3)", "nil", "[]int{1}", "EV{1}", "T3(2)", "SV(4)", g.sub(tInt, 1)}
		if g.chance(60) {
			targets := []string{"int", "string", "S", "*T2", "MyInt", "T3", "I", "error", "Stringer", "J", "[]int", "EV", "interface{ Get(int) int }"}
			g.p("var e interface{} = %s", vals[g.n(len(vals))])
			g.p("_ = e.(%s)", targets[g.n(len(targets))])
		} else {
			targets := []string{"S", "*T2", "T3", "J", "error", "Stringer"}
			g.p("var e I = mkI(%s)", g.sub(tInt, 2))
			g.p("_ = e.(%s)", targets[g.n(len(targets))])
		}
		g.p("cs++")
	case 9: // nil dereferences
		switch g.n(6) {
		case 0:
			g.p("var np *S")
			g.p("cs += uint64(np.A)")
		case 1:
			g.p("var npa *[4]int16")
			g.p("cs += uint64(npa[%d])", g.n(4))
		case 2:
			g.p("var np *S")
			if avoid["tuple"] { // the right side's calls come first (gocases assign_order)
				g.p("*np = S{}")
			} else {
				g.p("*np = %s", g.sub(tS, 2))
			}
		case 3:
			g.p("var nf func(int) int")
			g.p("cs += uint64(nf(1))")
		case 4:
			g.p("var np *S")
			g.p("cs += uint64(np.M(1))")
		default:
			g.p("var ni I")
			g.p("cs += uint64(ni.M(1))")
		}
	case 10: // shifts and make
		switch g.n(4) {
		case 0:
			g.p("sh := id_int(-%d)", 1+g.n(70))
			g.p("cs += uint64(%s << sh)", g.nonConst(tInt, 2))
		case 1:
			g.p("n := id_int(%d)", -1-g.n(3))
			g.p("cs += uint64(len(make([]int, n)))")
		case 2:
			g.p("n := id_int(%d)", g.n(3))
			g.p("cs += uint64(cap(make([]int64, 2, n)))")
		default:
			g.p("n := id_int(%d)", -1-g.n(3))
			g.p("cs += uint64(cap(make(chan int, n)))")
		}
	default: // hashing and comparing, channels
		switch g.n(5) {
		case 0:
			vs := []string{"[]int{1}", "map[string]int{}", "struct{ s []int }{}", "func() {}", "1", "S{}"}
			g.p("var ka, kb interface{} = %s, %s", vs[g.n(len(vs))], vs[g.n(len(vs))])
			g.p("cs += b2u(ka == kb)")
		case 1:
			vs := []string{"[]int{1}", "map[string]int{}", "struct{ s []int }{}", "[1][]int{}", "2"}
			g.p("mk := map[interface{}]int{}")
			g.p("var k interface{} = %s", vs[g.n(len(vs))])
			g.p("mk[k] = 1")
			g.p("cs += uint64(len(mk))")
		case 2:
			g.p("var c chan int")
			g.p("close(c)")
		case 3:
			g.p("c := make(chan int, 1)")
			g.p("close(c)")
			g.p("close(c)")
		default:
			g.p("c := make(chan int, 1)")
			g.p("close(c)")
			g.p("c <- 1")
		}
	}
}

// closureStmt: closures that capture variables and contain defer,
// stored in variables, struct fields and slices, called in place and
// started with go (the captured variable read after a receive from the
// goroutine).
func (g *gen) closureStmt() {
	cv, cl, c2 := g.newName("cv"), g.newName("cl"), g.newName("cn")
	g.p("%s := %s", cv, g.nonConst(tInt, 2))
	g.p("%s := func(k int) int {", cl)
	g.p("\tdefer func() { %s += k }()", cv)
	g.p("\t%s = %s*3 + k", cv, cv)
	g.p("\treturn %s", cv)
	g.p("}")
	g.p("%s := func(k int) {", c2)
	g.p("\tdefer func() {")
	g.p("\t\tif r := recover(); r != nil {")
	g.p("\t\t\t%s -= len(pv(r))", cv)
	g.p("\t\t}")
	g.p("\t}()")
	g.p("\t%s ^= k", cv)
	g.p("\tif k&1 == 0 {")
	g.p("\t\tpanic(MyInt(k))")
	g.p("\t}")
	g.p("}")
	for i := 0; i < 2+g.n(4); i++ {
		k := g.n(20)
		switch g.n(7) {
		case 0:
			g.p("cs += uint64(%s(%d))", cl, k)
		case 1:
			g.p("%s(%d)", c2, k)
		case 2:
			g.p("{")
			g.p("\th := FHold{f: %s, g: func() { %s(%d) }, n: %d}", cl, c2, k, g.n(9))
			g.p("\tcs += uint64(h.f(h.n))")
			g.p("\th.g()")
			g.p("}")
		case 3:
			g.p("{")
			g.p("\tfl := []func(int) int{%s, func(k int) int { defer func() { %s ^= k }(); return %s + k }}", cl, cv, cv)
			g.p("\tfor i, f := range fl {")
			g.p("\t\tcs += uint64(f(i + %d))", k)
			g.p("\t}")
			g.p("}")
		case 4:
			g.p("{")
			g.p("\tdone := make(chan int%s)", []string{"", ", 1"}[g.n(2)])
			g.p("\tgo func(k int) {")
			g.p("\t\tdefer func() { done <- %s }()", cv)
			g.p("\t\t%s = %s*5 + k", cv, cv)
			g.p("\t}(%d)", k)
			g.p("\tcs += uint64(<-done)")
			g.p("\tcs += uint64(%s)", cv)
			g.p("}")
		case 5:
			g.p("{")
			g.p("\tdone := make(chan bool)")
			g.p("\tgo func() {")
			g.p("\t\tdefer close(done)")
			g.p("\t\t%s(%d)", c2, k)
			g.p("\t\tcs += uint64(%s(%d))", cl, k+1)
			g.p("\t}()")
			g.p("\t<-done")
			g.p("}")
		default:
			v := g.newName("ci")
			g.p("%s := func() (r int) {", v)
			g.p("\tdefer func() { r += %s; %s++ }()", cv, cv)
			g.p("\treturn %s(%d)", cl, k)
			g.p("}()")
			g.p("cs += uint64(%s)", v)
		}
	}
	g.p("_, _ = %s, %s", cl, c2)
	g.p("println(\"closure\", %s)", cv)
	g.declare(cv, tInt, false)
}

// prelude2: the types and helpers of the widened statements (2).
const prelude2 = `
type Stringer interface{ String() string }

func utoa(u uint64) string {
	var b [24]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	return string(b[i:])
}

func itoa(x int) string {
	if x < 0 {
		return "-" + utoa(uint64(-x))
	}
	return utoa(uint64(x))
}

func fstr(f float64) string { return itoa(int(f2i(f * 1000))) }

type EV struct{ code int }

func (e EV) Error() string { return "EV" + itoa(e.code) }

type EP struct{ msg string }

func (e *EP) Error() string { return "EP:" + e.msg }

type SV int

func (s SV) String() string { return "SV" + itoa(int(s)) }

type SP struct{ a, b int }

func (s *SP) String() string { return "SP" + itoa(s.a) + "/" + itoa(s.b) }

type EmbEV struct {
	EV
	x int
}

type EmbEP struct {
	*EP
	y int
}

type EmbSP struct{ SP }

type EmbSV struct {
	SV
	z int8
}

type MyInt int
type MyU8 uint8
type MyStr string
type MyF float64
type MyBool bool
type MyC complex128

// pv describes any value recovered from a panic, without addresses.
func pv(r interface{}) string {
	switch v := r.(type) {
	case nil:
		return "nil"
	case error:
		return "error " + v.Error()
	case Stringer:
		return "stringer " + v.String()
	case int:
		return "int " + itoa(v)
	case int8:
		return "int8 " + itoa(int(v))
	case int16:
		return "int16 " + itoa(int(v))
	case int32:
		return "int32 " + itoa(int(v))
	case int64:
		return "int64 " + itoa(int(v))
	case uint:
		return "uint " + utoa(uint64(v))
	case uint8:
		return "uint8 " + utoa(uint64(v))
	case uint16:
		return "uint16 " + utoa(uint64(v))
	case uint32:
		return "uint32 " + utoa(uint64(v))
	case uint64:
		return "uint64 " + utoa(v)
	case uintptr:
		return "uintptr " + utoa(uint64(v))
	case float64:
		return "float64 " + fstr(v)
	case float32:
		return "float32 " + fstr(float64(v))
	case complex128:
		return "complex128 " + fstr(real(v)) + "," + fstr(imag(v))
	case complex64:
		return "complex64 " + fstr(float64(real(v))) + "," + fstr(float64(imag(v)))
	case bool:
		if v {
			return "bool true"
		}
		return "bool false"
	case string:
		return "string " + v
	case MyInt:
		return "MyInt " + itoa(int(v))
	case MyU8:
		return "MyU8 " + itoa(int(v))
	case MyStr:
		return "MyStr " + string(v)
	case MyF:
		return "MyF " + fstr(float64(v))
	case MyBool:
		if v {
			return "MyBool true"
		}
		return "MyBool false"
	case MyC:
		return "MyC " + fstr(real(v)) + "," + fstr(imag(v))
	case S:
		return "S " + utoa(hS(v))
	case *S:
		return "*S " + utoa(hp(v))
	case [4]int16:
		return "A " + utoa(hA(v))
	case []int:
		return "Sl " + utoa(hsl(v))
	case map[string]int:
		return "M " + utoa(hm(v))
	case func(int) int:
		return "F " + itoa(v(3))
	case EmbSP:
		return "EmbSP " + itoa(v.a)
	case I:
		return "I " + utoa(hi(v))
	}
	return "other"
}

func hany(x interface{}) uint64 { return hstr(pv(x)) }

func hanys(xs ...interface{}) uint64 {
	h := uint64(len(xs))
	for _, x := range xs {
		h = h*31 + hany(x)
	}
	return h
}

// rtErr: a run-time error value (index out of range).
func rtErr(k uint8) (e error) {
	defer func() { e = recover().(error) }()
	s := make([]int, 3)
	s[int(k)+3] = 1
	return nil
}

// deferred recovers of every shape
type Rec struct{ n int }

func (r *Rec) Catch() {
	if e := recover(); e != nil {
		println("catch", r.n, pv(e))
	}
}

func (r Rec) CatchV() {
	if e := recover(); e != nil {
		println("catchv", r.n, pv(e))
	}
}

type Catcher interface{ Catch() }

type OutR struct{ *Rec }

type OutRV struct {
	Rec
	k int
}

func gCatch[T any](x T) {
	if e := recover(); e != nil {
		println("gcatch", hany(x), pv(e))
	}
}

type RBox[T any] struct{ v T }

func (b *RBox[T]) Catch() {
	if e := recover(); e != nil {
		println("rbox", hany(b.v), pv(e))
	}
}

func (b RBox[T]) Note(x int) { gcs = gcs*3 + hany(b.v) + uint64(x) }

// indirectRecover is not called directly by a deferred function: nil.
func indirectRecover() interface{} { return recover() }

// methods through embedding
type Base struct{ n int }

func (b Base) Get(x int) int   { return b.n*3 + x }
func (b *Base) Inc(x int) int { b.n += x; return b.n }

type OutV struct {
	Base
	tag int
}

type OutP struct {
	*Base
	k int
}

type Out2 struct {
	OutV
	z int
}

type OutPP struct{ *OutV }

type GetIncer interface {
	Get(int) int
	Inc(int) int
}

type Getter interface{ Get(int) int }

// composite literals
type CP struct {
	a int
	b string
	c [2]int16
}

type Hold struct {
	P *CP
	Q []*CP
	M map[string]*CP
}

func hCPv(c CP) uint64 { return uint64(c.a)*7 + hstr(c.b) + uint64(c.c[0])<<3 + uint64(c.c[1]) }

func hCP(p *CP) uint64 {
	if p == nil {
		return 5
	}
	return hCPv(*p)
}

// ptrStat: how many pointers, how many pairs of equal non-nil ones, and
// a hash of what they point to (independent of their order).
func ptrStat(ps []*CP) (n, eq int, h uint64) {
	for i, p := range ps {
		h += hCP(p)
		for j := 0; j < i; j++ {
			if p != nil && ps[j] == p {
				eq++
			}
		}
	}
	return len(ps), eq, h
}

// multi-value sources and sinks
type Snk struct{ k int }

func (s Snk) Any(xs ...interface{}) uint64 { return hanys(xs...) + uint64(s.k) }
func (s *Snk) Two(a int, b string) uint64 { s.k++; return uint64(a)*31 + hstr(b) + uint64(s.k) }
func (s Snk) Pair(x int) (int, string)     { return x + s.k, itoa(x) }

type SinkI interface{ Any(xs ...interface{}) uint64 }

type Sink2[T, U any] struct{ k int }

func (s Sink2[T, U]) Two(a T, b U) uint64 { return hany(a)*31 + hany(b) + uint64(s.k) }

func (s *Sink2[T, U]) Rest(a T, bs ...U) uint64 {
	h := hany(a)
	for _, b := range bs {
		h = h*7 + hany(b)
	}
	return h
}

func gTwo[T, U any](a T, b U) uint64 { return hany(a)*17 + hany(b) }

func gAll[T any](xs ...T) uint64 {
	h := uint64(len(xs))
	for _, x := range xs {
		h = h*13 + hany(x)
	}
	return h
}

func two(x int) (int, string)      { return x * 3, itoa(x) }
func three(x int) (int, int, int)  { return x, x + 1, x * x }
func sp2(x int) (S, *S)            { s := S{A: int64(x), B: "sp"}; return s, &s }

// deep recurses n levels with a large frame, panics at the bottom and
// recovers at level k.
func deep(n, k int, big [64]int64) (r int) {
	defer func() {
		if n == k {
			if e := recover(); e != nil {
				r = len(pv(e)) + int(big[n%64]&0xffff)
			}
		}
	}()
	big[n%64] += int64(n)
	if n == 0 {
		panic(MyInt(k))
	}
	return deep(n-1, k, big) + 1
}

// a struct embedding an interface
type WI struct {
	I
	k int
}

type FHold struct {
	f func(int) int
	g func()
	n int
}
`

// unrecovered: the program's last act is a panic nobody recovers: a value
// of any kind, one recovered and replaced ("[recovered]" in the chain), one
// replaced by a panic in a deferred call, or a run-time error.
func (g *gen) unrecovered() {
	g.noMeth = avoid["panicmeth"]
	defer func() { g.noMeth = false }()
	switch g.n(7) {
	case 5: // in another goroutine, main waiting
		g.p("go func() {")
		g.p("\tdefer func() { println(\"goroutine deferred\") }()")
		g.p("\tpanic(%s)", g.panicVal())
		g.p("}()")
		g.p("select {}")
	case 6: // every goroutine asleep
		g.p("dl := make(chan int)")
		g.p("dl <- 1")
	case 0:
		g.p("panic(%s)", g.panicVal())
	case 1:
		g.p("defer func() {")
		g.p("\tr := recover()")
		g.p("\tprintln(\"main\", pv(r))")
		if g.chance(30) {
			g.p("\tpanic(r)")
		} else {
			g.p("\tpanic(%s)", g.panicVal())
		}
		g.p("}()")
		g.p("panic(%s)", g.panicVal())
	case 2:
		g.p("defer func() { panic(%s) }()", g.panicVal())
		g.p("panic(%s)", g.panicVal())
	case 3:
		g.p("func() {")
		g.p("\tdefer func() { panic(recover()) }()")
		g.p("\tpanic(%s)", g.panicVal())
		g.p("}()")
	default:
		g.p("var cs uint64")
		g.rtOp()
		g.p("println(cs)")
	}
}

// ---- widened statements (3): recover's reach, defer's evaluation
// times, float keys, range copies, overlapping copies ----

func (g *gen) newStmt2(d int) {
	switch g.n(11) {
	case 9:
		g.deepStmt()
	case 10:
		g.growMapStmt()
	case 8:
		g.chanMiscStmt()
	case 0:
		g.recoverReachStmt()
	case 1:
		g.deferEvalStmt()
	case 2:
		g.floatKeyStmt()
	case 3:
		g.rangeCopyStmt()
	case 4:
		g.overlapStmt()
	case 5:
		g.nilMethodValueStmt()
	case 6:
		g.embedIfaceStmt()
	default:
		g.recClosureStmt()
	}
}

// recoverReachStmt: recover returns nil unless called directly by a
// deferred function run by the panic: in a function a deferred function
// calls, in a function deferred by a deferred function (not panicking),
// and not nil there when the deferred function panics itself.
func (g *gen) recoverReachStmt() {
	g.p("func() {")
	g.p("\tdefer func() { println(\"reach outer\", pv(recover())) }()")
	switch g.n(4) {
	case 0:
		g.p("\tdefer func() {")
		g.p("\t\tdefer func() { println(\"reach nested\", pv(recover())) }()")
		g.p("\t}()")
	case 1:
		g.p("\tdefer func() {")
		g.p("\t\tfunc() { println(\"reach helper\", pv(recover())) }()")
		g.p("\t}()")
	case 2:
		g.p("\tdefer func() {")
		g.p("\t\tdefer func() { println(\"reach nested panic\", pv(recover())) }()")
		g.p("\t\tpanic(%s)", g.panicVal())
		g.p("\t}()")
	default:
		g.p("\tdefer func() { println(\"reach indirect\", pv(indirectRecover())) }()")
	}
	if g.chance(80) {
		g.p("\tpanic(%s)", g.panicVal())
	}
	g.p("}()")
}

// deferEvalStmt: a deferred call's function value, receiver and
// arguments (a large array among them) are evaluated at the defer
// statement; deferred calls in a loop run last first.
func (g *gen) deferEvalStmt() {
	n := 1 + g.n(60)
	g.p("func() {")
	g.ind++
	g.p("t := Base{%s}", g.nonConst(tInt, 2))
	g.p("defer println(\"deval get\", t.Get(1))")
	g.p("defer Getter.Get(t, 0)")
	g.p("var big [%d]int64", n)
	g.p("big[%d] = %s", n-1, g.nonConst(tInt64, 2))
	g.p("defer func(b [%d]int64, s string) { println(\"deval big\", b[%d], s) }(big, %s)", n, n-1, g.sub(tString, 2))
	g.p("big[%d]++", n-1)
	g.p("fv := func(x int) { println(\"deval fv1\", x) }")
	g.p("defer fv(t.n)")
	g.p("fv = func(x int) { println(\"deval fv2\", x) }")
	g.p("for i := 0; i < %d; i++ {", 1+g.n(5))
	g.p("\tdefer func(i int) { println(\"deval loop\", i, t.n) }(i)")
	g.p("\tt.n++")
	g.p("}")
	g.p("ob := OutV{t, 1}")
	g.p("defer ob.Inc(5)")
	g.p("defer func() { println(\"deval ob\", ob.n) }()")
	g.p("t.n += 100")
	g.ind--
	g.p("}()")
}

// floatKeyStmt: NaN and signed zeros as map keys and in interface
// comparisons; interface keys of distinct dynamic types.
func (g *gen) floatKeyStmt() {
	g.p("{")
	g.ind++
	g.p("z := %s * 0", g.nonConst(tFloat64, 2))
	g.p("nan := z / z")
	g.p("if z != z {")
	g.p("\tnan = z") // z is NaN already (Inf * 0)
	g.p("}")
	g.p("nz := -(z - z)")
	g.p("if nz != nz {")
	g.p("\tnz = 0")
	g.p("}")
	g.p("nz = -nz")
	if g.chance(50) {
		g.p("m := map[float64]int{}")
	} else {
		g.p("m := map[interface{}]int{}")
		g.p("m[int64(1)] = 7")
		g.p("m[int32(1)] = 8")
		g.p("m[MyInt(1)] = 9")
		g.p("m[\"1\"] = 10")
	}
	g.p("m[nan] = 1")
	g.p("m[nan] = 2")
	g.p("m[0.0] = 3")
	g.p("m[nz] = 4")
	g.p("m[%s] = 5", g.nonConst(tFloat64, 2))
	g.p("_, okn := m[nan]")
	g.p("s := 0")
	g.p("for _, v := range m {")
	g.p("\ts += v")
	g.p("}")
	g.p("delete(m, nan)")
	g.p("var i1, i2 interface{} = nan, nan")
	g.p("var i3, i4 interface{} = nz, 0.0")
	g.p("a1, a2 := [2]float64{nan, 1}, [2]float64{nan, 1}")
	g.p("println(\"fkey\", len(m), m[0.0], okn, s, i1 == i2, i1 != i2, i3 == i4, a1 == a2, 1/nz < 0)")
	g.p("cs += uint64(len(m)) + uint64(s)")
	g.ind--
	g.p("}")
}

// rangeCopyStmt: range over an array value ranges over a copy; over a
// pointer to an array or a slice it sees writes; the range expression is
// evaluated once (len of a slice appended to inside, a call).
func (g *gen) rangeCopyStmt() {
	g.p("{")
	g.ind++
	g.p("arr := %s", g.nonConst(tArr, 2))
	switch g.n(4) {
	case 0:
		g.p("for i, v := range arr {")
		g.p("\tarr[(i+1)&3] += 10")
		g.p("\tcs = cs*7 + uint64(v)")
		g.p("}")
	case 1:
		g.p("for i, v := range &arr {")
		g.p("\tarr[(i+1)&3] += 10")
		g.p("\tcs = cs*7 + uint64(v)")
		g.p("}")
	case 2:
		g.p("sl := cloneSl(%s)", g.nonConst(tSlice, 2))
		g.p("for i, v := range sl {")
		g.p("\tsl = append(sl, v+i)")
		g.p("\tif i+1 < len(sl) {")
		g.p("\t\tsl[i+1] ^= 3")
		g.p("\t}")
		g.p("\tcs = cs*7 + uint64(v)")
		g.p("}")
		g.p("cs += hsl(sl)")
	default:
		g.p("calls := 0")
		g.p("for i := range func() []int { calls++; return cloneSl(%s) }() {", g.nonConst(tSlice, 2))
		g.p("\tcs += uint64(i)")
		g.p("}")
		g.p("cs += uint64(calls)")
	}
	g.p("cs += hA(arr)")
	g.ind--
	g.p("}")
}

// overlapStmt: copy and append between overlapping parts of one slice,
// append into shared capacity.
func (g *gen) overlapStmt() {
	g.p("{")
	g.ind++
	g.p("ov := append(cloneSl(%s), 1, 2, 3, 4, 5)", g.nonConst(tSlice, 2))
	switch g.n(4) {
	case 0:
		g.p("cs += uint64(copy(ov[1:], ov))")
	case 1:
		g.p("cs += uint64(copy(ov, ov[2:]))")
	case 2:
		g.p("ov = append(ov[:1], ov[2:]...)")
	default:
		g.p("a := ov[:2]")
		g.p("b := append(a, 99)")
		g.p("cs += uint64(b[2]) + uint64(ov[2])")
	}
	g.p("bs := []byte(%s + \"0123456789\")", g.sub(tString, 2))
	g.p("copy(bs[%d:], bs)", g.n(5))
	g.p("cs += hsl(ov) + hstr(string(bs))")
	g.p("println(\"overlap\", hsl(ov), string(bs))")
	g.ind--
	g.p("}")
}

// nilMethodValueStmt: a method value of a nil pointer with a value
// receiver panics when it is evaluated, with a pointer receiver when it is
// called; a nil interface's method value panics when evaluated.
func (g *gen) nilMethodValueStmt() {
	g.p("func() {")
	g.ind++
	g.p("defer func() { println(\"nilmv\", pv(recover())) }()")
	switch g.n(4) {
	case 0:
		g.p("var p *S")
		g.p("f := p.M")
	case 1:
		g.p("var p *T2")
		g.p("f := p.M")
	case 2:
		g.p("var p I")
		g.p("f := p.M")
	default:
		g.p("var p *OutV")
		g.p("f := p.Get")
	}
	g.p("println(\"nilmv bound\")")
	g.p("cs += uint64(f(%d))", g.n(9))
	g.ind--
	g.p("}()")
}

// embedIfaceStmt: methods promoted from an embedded interface: calls,
// method values and expressions, a nil embedded interface.
func (g *gen) embedIfaceStmt() {
	g.p("{")
	g.ind++
	g.p("w := WI{mkI(%s), %d}", g.sub(tInt, 2), g.n(9))
	g.p("if w.I != nil {")
	g.p("\tmv := w.M")
	g.p("\tcs += uint64(mv(2)) + uint64(WI.M(w, 3)) + uint64((*WI).M(&w, 4))")
	g.p("\tvar i I = w")
	g.p("\tcs += uint64(i.M(5))")
	g.p("}")
	g.p("func() {")
	g.p("\tdefer func() { println(\"embediface\", pv(recover())) }()")
	g.p("\tvar wn WI")
	g.p("\tcs += uint64(wn.M(1))")
	g.p("}()")
	g.ind--
	g.p("}")
}

// recClosureStmt: a recursive closure through a variable, with defer.
func (g *gen) recClosureStmt() {
	f := g.newName("rf")
	g.p("var %s func(n int) int", f)
	g.p("%s = func(n int) (r int) {", f)
	g.p("\tdefer func() { r += n & 1 }()")
	g.p("\tif n <= 1 {")
	g.p("\t\treturn n")
	g.p("\t}")
	g.p("\treturn %s(n-1) + %s(n-2)", f, f)
	g.p("}")
	g.p("cs += uint64(%s(%d))", f, g.n(15))
}

// chanMiscStmt: select over nil channels (never ready), channels of
// large elements, deleting every key of a map while ranging over it,
// struct and array equality with NaN, signed zeros and strings.
func (g *gen) chanMiscStmt() {
	g.p("{")
	g.ind++
	switch g.n(4) {
	case 0:
		g.p("var nc chan int")
		g.p("rc := make(chan int, 1)")
		g.p("rc <- %s", g.sub(tInt, 2))
		g.p("for k := 0; k < 2; k++ {")
		g.p("\tselect {")
		g.p("\tcase v := <-nc:")
		g.p("\t\tcs += uint64(v)")
		g.p("\tcase nc <- 1:")
		g.p("\t\tcs += 2")
		g.p("\tcase v, ok := <-rc:")
		g.p("\t\tcs += uint64(v) + b2u(ok)")
		g.p("\tdefault:")
		g.p("\t\tcs += 3")
		g.p("\t}")
		g.p("}")
	case 1:
		n := []int{3, 40, 300}[g.n(3)]
		g.p("bc := make(chan [%d]int32, %d)", n, g.n(3))
		g.p("go func() {")
		g.p("\tfor i := 0; i < 3; i++ {")
		g.p("\t\tvar a [%d]int32", n)
		g.p("\t\ta[i] = int32(i) + 5")
		g.p("\t\ta[%d] = int32(i) * 7", n-1)
		g.p("\t\tbc <- a")
		g.p("\t}")
		g.p("\tclose(bc)")
		g.p("}()")
		g.p("for a := range bc {")
		g.p("\tcs = cs*3 + uint64(a[0]) + uint64(a[1]) + uint64(a[2]) + uint64(a[%d])", n-1)
		g.p("}")
	case 2:
		g.p("dm := cloneM(%s)", g.nonConst(tMap, 2))
		g.p("dm[%s] = %s", g.sub(tString, 2), g.sub(tInt, 2))
		g.p("ds := 0")
		g.p("for k, v := range dm {")
		g.p("\tdelete(dm, k)")
		g.p("\tds += v + len(k)")
		g.p("}")
		g.p("println(\"delrange\", ds, len(dm))")
		g.p("cs += uint64(ds)")
	default:
		g.p("z := %s * 0", g.nonConst(tFloat64, 2))
		g.p("s1 := S2{a: 1, b: z / z, d: 2}")
		g.p("s2 := s1")
		g.p("s3 := S2{a: 1, b: -z, d: 2}")
		g.p("s4 := S2{a: 1, b: z, d: 2}")
		g.p("p1, p2 := P3{X: z, Name: %s}, P3{X: -z, Name: %s}", g.sub(tString, 2), g.sub(tString, 2))
		g.p("println(\"structeq\", s1 == s2, s3 == s4, p1 == p2, [2]string{p1.Name, \"x\"} == [2]string{p2.Name, \"x\"})")
		g.p("cs += b2u(s1 == s2) + b2u(s3 == s4)")
	}
	g.ind--
	g.p("}")
}

// deepStmt: deep recursion with large frames (the stack grows, and moves)
// and a deferred call at every level; a panic at the bottom recovered at
// a level in between; in the goroutine or in a new one.
func (g *gen) deepStmt() {
	n := 50 + g.n(700)
	k := g.n(n)
	call := fmt.Sprintf("deep(%d, %d, [64]int64{%s})", n, k, g.sub(tInt64, 2))
	if g.chance(40) {
		g.p("{")
		g.p("\tdc := make(chan int)")
		g.p("\tgo func() { dc <- %s }()", call)
		g.p("\tdr := <-dc")
		g.p("\tprintln(\"deep go\", dr)")
		g.p("\tcs += uint64(dr)")
		g.p("}")
		return
	}
	v := g.newName("dp")
	g.p("%s := %s", v, call)
	g.p("println(\"deep\", %s)", v)
	g.p("cs += uint64(%s)", v)
}

// growMapStmt: a map grown to thousands of entries, with deletions and
// re-insertions while it grows, summed.
func (g *gen) growMapStmt() {
	n := 500 + g.n(4000)
	g.p("{")
	g.ind++
	if g.chance(50) {
		g.p("gm := map[int]int{}")
	} else {
		g.p("gm := make(map[int]int, %d)", g.n(100))
	}
	g.p("for i := 0; i < %d; i++ {", n)
	g.p("\tgm[i*%d] = i", 1+g.n(7))
	g.p("\tif i%%%d == 0 {", 2+g.n(5))
	g.p("\t\tdelete(gm, i/2)")
	g.p("\t}")
	g.p("}")
	g.p("gs := 0")
	g.p("for k, v := range gm {")
	g.p("\tgs += k ^ v")
	g.p("}")
	g.p("println(\"growmap\", len(gm), gs)")
	g.p("cs += uint64(gs)")
	g.ind--
	g.p("}")
}
