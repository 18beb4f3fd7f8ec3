#ifdef X
TEXT ·f(SB),4,$0
	RET
