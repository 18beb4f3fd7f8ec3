#include "textflag.h"

TEXT ·noargs(SB),NOSPLIT,$0-0
	RET

TEXT ·oneint(SB),NOSPLIT,$0-16
	RET

TEXT ·i32i64(SB),NOSPLIT,$0-12
	RET

TEXT ·bytes3(SB),NOSPLIT,$0-4
	MOVB a+0(FP), AX
	MOVB AX, ret+8(FP)
	RET

TEXT ·results(SB),0,$0-16
	MOVB $1, a+8(FP)
	MOVQ $1, b+16(FP)
	RET

TEXT ·nosplitzero(SB),NOSPLIT,$0
	MOVQ x+0(FP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·flag7(SB),7,$0
	MOVQ x+0(FP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·strslice(SB), NOSPLIT, $16-40
	RET

TEXT ·noargsize(SB),0,$8
	RET

TEXT ·frameonly(SB),$16
	RET

TEXT ·negframe(SB),NOSPLIT,$-8-16
	MOVQ x+0(FP), AX
	RET

TEXT ·hasbody(SB),NOSPLIT,$0-16
	RET

TEXT ·undeclared(SB),NOSPLIT,$0-8
	RET

TEXT ·static<>(SB),NOSPLIT,$0-8
	RET

TEXT ·noframe(SB),NOSPLIT|NOFRAME,$0-8
	RET

TEXT runtime·other(SB),NOSPLIT,$0-8
	MOVQ x+99(FP), AX
	RET

TEXT asmdecltest∕argsize·oneint(SB),NOSPLIT,$0-24
	RET

TEXT ·i32i64<ABIInternal>(SB),NOSPLIT,$0-24
	RET

TEXT noscope(SB),NOSPLIT,$0-8
	MOVQ y+0(FP), AX
	RET
