TEXT ·f(SB),4,$x
	RET
