TEXT ·f(SB),0,$0-8
	MOVL x+0(FP), AX
	RET
