#define A(x) B(x)
#define B(x) A(x)
TEXT f(SB),4,$0
	A(1)
	RET
