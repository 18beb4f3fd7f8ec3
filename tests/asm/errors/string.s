TEXT ·f(SB),4,$0
	MOVQ "abc, AX
	RET
