#include "textflag.h"

TEXT ·two(SB),NOSPLIT,$0-32
	MOVQ x_a+0(FP), AX
	MOVB x_b+8(FP), AX
	MOVQ y_a+9(FP), AX
	MOVQ y_a+16(FP), AX
	MOVB y_b+17(FP), AX
	MOVQ x+0(FP), AX
	MOVQ AX, ret+24(FP)
	RET

TEXT ·sep(SB),NOSPLIT,$0-40
	MOVQ y_a+16(FP), AX
	MOVQ y+9(FP), AX
	MOVQ AX, ret+32(FP)
	RET

TEXT ·nested(SB),NOSPLIT,$0-72
	MOVQ n_s_a+0(FP), AX
	MOVB n_s_b+8(FP), AX
	MOVQ n_p_0_a+16(FP), AX
	MOVQ n_p_1_b+40(FP), AX
	MOVQ n_p_1_b+48(FP), AX
	MOVQ n_e+48(FP), AX
	MOVQ n_e_itable+48(FP), AX
	MOVL n_e_data+56(FP), AX
	MOVQ n_mu+64(FP), AX
	MOVQ n_s+0(FP), AX
	MOVQ n_p+16(FP), AX
	MOVQ n+0(FP), AX
	MOVQ z+72(FP), AX
	MOVW a_0_0+72(FP), AX
	MOVL a_1+76(FP), AX
	MOVW a+72(FP), AX
	MOVB AX, ret+80(FP)
	RET

TEXT ·empty(SB),NOSPLIT,$0-8
	MOVQ e+0(FP), AX
	MOVQ g+0(FP), AX
	MOVQ g+8(FP), AX
	RET
