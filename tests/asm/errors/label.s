TEXT ·f(SB),4,$0-8
	JMP nowhere
	RET
