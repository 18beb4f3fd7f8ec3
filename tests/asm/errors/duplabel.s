TEXT ·f(SB),4,$0
l:
l:
	RET
