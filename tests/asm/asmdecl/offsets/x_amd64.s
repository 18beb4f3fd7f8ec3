#include "textflag.h"

TEXT ·f(SB),NOSPLIT,$0-32
	MOVQ x+0(FP), AX
	MOVQ x+8(FP), AX
	MOVL y+8(FP), BX
	MOVL y+12(FP), BX
	MOVQ z+16(FP), CX
	MOVQ w+16(FP), CX
	MOVQ w+100(FP), CX
	MOVQ argframe+0(FP), CX
	MOVQ argframe+8(FP), CX
	ADDQ x+0(FP), z+16(FP)
	MOVQ AX, ret+24(FP)
	MOVQ AX, ret+32(FP)
	RET

TEXT ·s(SB),NOSPLIT,$0-104
	MOVQ str+0(FP), AX
	MOVQ str+8(FP), AX
	MOVQ str_base+0(FP), AX
	MOVQ str_len+8(FP), AX
	MOVQ str_len+0(FP), AX
	MOVQ b+16(FP), AX
	MOVQ b+24(FP), AX
	MOVQ b_base+16(FP), AX
	MOVQ b_len+24(FP), AX
	MOVQ b_cap+32(FP), AX
	MOVQ b_cap+40(FP), AX
	MOVQ i+40(FP), AX
	MOVQ i+48(FP), AX
	MOVQ i_itable+40(FP), AX
	MOVQ i_data+48(FP), AX
	MOVQ e+56(FP), AX
	MOVQ e+64(FP), AX
	MOVQ e_type+56(FP), AX
	MOVQ e_data+64(FP), AX
	MOVQ e_data+56(FP), AX
	MOVQ AX, r+72(FP)
	MOVQ AX, r_base+72(FP)
	MOVQ AX, r_len+80(FP)
	MOVQ AX, r_len+88(FP)
	RET

TEXT ·c(SB),NOSPLIT,$0-40
	MOVQ c64+0(FP), AX
	MOVL c64_real+0(FP), AX
	MOVL c64_imag+4(FP), AX
	MOVL c64_imag+8(FP), AX
	MOVSD c128+8(FP), X0
	MOVSD c128_real+8(FP), X0
	MOVSD c128_imag+16(FP), X0
	MOVSD c128+16(FP), X0
	MOVO c128+8(FP), X0
	MOVSD X0, ret+24(FP)
	RET

TEXT ·g(SB),NOSPLIT,$0-8
	MOVW a+0(FP), AX
	MOVW b+2(FP), AX
	MOVL c+4(FP), AX
	MOVW b+4(FP), AX
	RET
