#include "textflag.h"

TEXT ·f(SB),NOSPLIT,$0-48
	MOVQ arg+0(FP), AX
	MOVL arg1+8(FP), AX
	MOVQ arg2+16(FP), AX
	MOVQ arg2_len+24(FP), AX
	MOVQ arg+8(FP), AX
	MOVQ 0(FP), AX
	MOVQ 8(FP), AX
	MOVQ 100(FP), AX
	MOVQ AX, ret+32(FP)
	MOVB AX, ret1+40(FP)
	MOVB AX, ret1+41(FP)
	RET

TEXT ·g(SB),NOSPLIT,$0-16
	MOVQ arg+0(FP), AX
	MOVQ AX, ret+8(FP)
	MOVQ AX, ret1+8(FP)
	RET

TEXT ·h(SB),NOSPLIT,$0-24
	MOVQ _+0(FP), AX
	MOVL _+8(FP), AX
	MOVQ AX, _+16(FP)
	RET
