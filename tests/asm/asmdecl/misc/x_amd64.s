// +build amd64

#include "textflag.h"

#define LOAD(off) MOVQ x+off(FP), AX
#define BAD MOVL x+0(FP), AX

TEXT ·M(SB),NOSPLIT,$0-24
	MOVQ t+0(FP), AX
	MOVQ x+8(FP), AX
	MOVQ AX, ret+16(FP)
	RET

TEXT ·P(SB),NOSPLIT,$0-12
	MOVQ t+0(FP), AX
	MOVL x+8(FP), AX
	RET

TEXT ·f(SB),NOSPLIT,$0-16
loop:	MOVQ x+0(FP), AX
back:	MOVL y+8(FP), AX
	MOVQ x+8(FP), AX // MOVQ y+0(FP), AX
	// MOVQ z+0(FP), AX
	/* MOVQ w+0(FP), AX */
	LOAD(0)
	BAD
	MOVQ x+0(FP), AX; MOVL y+8(FP), BX
	x+0(FP)
	lower x+0(FP), AX
	FOO: x+0(FP)
	MOVQ $x+0(FP), x+0(FP)
	MOVQ y+8(FP), x+0(FP)
	MOVQ x+0(FP)(AX*1), y+8(FP)
	MOVQ ·x+0(FP), AX
	MOVQ x·y+0(FP), AX
	MOVQ é+0(FP), AX
	MOVQ ÿ+0(FP), AX
	MOVQ x+00(FP), AX
	MOVQ x+99999999999999999999(FP), AX
	MOVQ 99999999999999999999(FP), AX
	RET

TEXT ·g(SB),NOSPLIT,$0-8
	JMP loop
loop:
	RET

#define TEXTMACRO TEXT ·g(SB),NOSPLIT,$0-16

TEXT ·variadic(SB),NOSPLIT,$0-40
	MOVL a+0(FP), AX
	MOVQ rest+8(FP), AX
	MOVQ rest_len+16(FP), AX
	MOVL rest_cap+24(FP), AX
	MOVQ AX, n+32(FP)
	RET

TEXT ·dup(SB),NOSPLIT,$0-8
	RET
TEXT ·dup(SB),NOSPLIT,$0-16
	RET
TEXT	·dup2(SB),	NOSPLIT,	$0-16
	RET
TEXT ·dup2 (SB),NOSPLIT,$0-16
	RET
