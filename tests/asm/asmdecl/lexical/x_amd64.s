#include "textflag.h"

TEXT	·f(SB) , NOSPLIT , $0 - 16
	MOVQ x+0(FP), AX
	MOVL x+0(FP), AX
	MOVQ �+0(FP), AX
	MOVQ x�+0(FP), AX
	MOVQ ·x+0(FP), AX
	MOVQ x+0(FP), y+8(FP); MOVL y+8(FP), x+0(FP); MOVB r+16(FP), AX
	MOVQ x+0(FP),y+8(FP)
	RET
TEXT x·y·g(SB),NOSPLIT,$0-8
	MOVL x+0(FP), AX
TEXT ·g(SB),NOSPLIT,$0-8 TEXT ·h(SB),NOSPLIT,$0-4
	MOVL x+0(FP), AX
TEXT ·h(SB),NOSPLIT,$0-16
	MOVL é+0(FP), AX
	MOVL ÿx+8(FP), AX
	MOVL $é+0(FP), AX
	MOVL $$x+0(FP), AX
	MOVL 8(FP)(FP), AX
	ADDQ		$1,	x+0(FP)
	RET