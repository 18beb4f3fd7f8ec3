#define M(a, b) a b
TEXT ·f(SB),4,$0
	M(RET)
