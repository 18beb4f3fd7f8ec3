TEXT ·f(SB),0,$0-8
	MOVL x+0(FP), AX
	RET
TEXT ·g(SB),0,$0-8
	MOVQ a+8(FP), AX
	MOVQ a_n+8(FP), AX
	MOVQ a_n_v+8(FP), AX
	MOVL a_b+16(FP), AX
	MOVQ u+24(FP), AX
	MOVQ p+32(FP), AX
	MOVQ p_v+32(FP), AX
	MOVQ r+40(FP), AX
	RET
