#include "textflag.h"

TEXT ·f(SB),NOSPLIT,$8-48
	MOVL x_lo+0(FP), AX
	MOVL x_hi+4(FP), AX
	MOVL x+0(FP), AX
	MOVQ x+0(FP), X0
	MOVB b+8(FP), AX
	MOVL y_lo+12(FP), AX
	MOVL y_hi+16(FP), AX
	MOVL s_base+20(FP), AX
	MOVL s_len+24(FP), AX
	MOVQ s_len+24(FP), AX
	MOVL sl_cap+36(FP), AX
	MOVL AX, r_lo+40(FP)
	MOVL AX, r_hi+40(FP)
	MOVL 12(SP), AX
	MOVL 16(SP), AX
	LEAL x+0(FP), AX
	FMOVLP F0, x+0(FP)
	FMOVD x+0(FP), F0
	RET

TEXT ·g(SB),NOSPLIT,$0-16
	FMOVD x+0(FP), F0
	FMOVF x+0(FP), F0
	FMOVDP F0, ret+8(FP)
	RET
