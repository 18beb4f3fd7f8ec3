TEXT ·f(SB),4,$0-8
	MOVQ x+0(FP), AX)
	RET
