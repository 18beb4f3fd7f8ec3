#include "textflag.h"

TEXT ·f(SB),NOSPLIT,$0-16
	MOVL x+0(FP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·g(SB),NOSPLIT,$0-8
	MOVQ x+0(FP), AX
	RET

TEXT ·k(SB),NOSPLIT,$0-16
	RET
