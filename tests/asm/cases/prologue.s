// Prologues and epilogues of the runtime's kinds of TEXT, against gc's:
// an ABIInternal wrapper finds g in R14 (no TLS load), ADJSP and
// PUSHFQ/POPFQ move the pseudo-SP and FP offsets with them.
#include "textflag.h"

// split checks: the TLS load of g, small and huge frames
TEXT ·a0small(SB), 0, $16-8
	MOVQ	x+0(FP), AX
	CALL	·a0small(SB)
	RET

TEXT ·a0huge(SB), NEEDCTXT, $8192-8
	MOVQ	x+0(FP), AX
	CALL	·a0huge(SB)
	RET

// wrappers: NOSPLIT loads g first unless ABIInternal
TEXT ·wrap0(SB), NOSPLIT|WRAPPER, $24-8
	MOVQ	x+0(FP), AX
	RET

TEXT ·wrapab<ABIInternal>(SB), NOSPLIT|WRAPPER, $24-8
	MOVQ	x+0(FP), AX
	RET

TEXT ·wrapsplit(SB), WRAPPER, $24-8
	MOVQ	x+0(FP), AX
	CALL	·wrapsplit(SB)
	RET

// ABIInternal is NOSPLIT (gc requires it), calls and all
TEXT ·abcall<ABIInternal>(SB), NOSPLIT, $16-8
	MOVQ	x+0(FP), AX
	CALL	·abcall<ABIInternal>(SB)
	RET

// ADJSP: the signs, 0x80 either way; FP offsets follow (ADJSP $0 is an
// error: tests/asm/errors/adjsp0.s)
TEXT ·adjsp(SB), NOSPLIT, $0-16
	ADJSP	$16
	MOVQ	x+0(FP), AX
	ADJSP	$-16
	ADJSP	$0x80
	MOVQ	y+8(FP), AX
	ADJSP	$-0x80
	ADJSP	$-8
	MOVQ	x+0(FP), AX
	ADJSP	$8
	ADJSP	$0x1000
	ADJSP	$-0x1000
	RET

TEXT ·adjspframe(SB), 0, $40-16
	ADJSP	$24
	MOVQ	x+0(FP), AX
	MOVQ	a-8(SP), BX
	CALL	·adjspframe(SB)
	ADJSP	$-24
	RET

// PUSHFQ/POPFQ around FP references; NOP SP (vet's marker) is no code
TEXT ·flags(SB), NOSPLIT, $0-8
	PUSHFQ
	MOVQ	x+0(FP), AX
	PUSHQ	AX
	MOVQ	x+0(FP), BX
	POPQ	AX
	POPFQ
	NOP	SP
	MOVQ	x+0(FP), CX
	RET

// RET in the middle of a framed function, code after it
TEXT ·midret(SB), 0, $128-8
	MOVQ	x+0(FP), AX
	TESTQ	AX, AX
	JEQ	done
	CALL	·midret(SB)
	RET
done:
	MOVQ	$1, AX
	RET
