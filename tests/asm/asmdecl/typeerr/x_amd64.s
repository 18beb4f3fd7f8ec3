TEXT ·f(SB),0,$0-8
	RET
