#define A B
#define B A
TEXT f(SB),4,$0
	A
	RET
