#include "textflag.h"

TEXT ·none(SB),NOSPLIT,$0-16
	MOVQ x+0(FP), AX
	RET

TEXT ·written(SB),NOSPLIT,$0-16
	MOVQ x+0(FP), AX
	MOVQ AX, ret+8(FP)
	RET

TEXT ·twoRets(SB),NOSPLIT,$0-16
	CMPQ x+0(FP), $0
	JEQ zero
	RET
zero:
	MOVQ x+16(FP), AX
	RET

TEXT ·tail(SB),NOSPLIT,$0-16
	JMP ·written(SB)
	RET ·written(SB)

TEXT ·named(SB),NOSPLIT,$0-16
	RET

TEXT ·retunderscore(SB),NOSPLIT,$0-24
	RET

TEXT ·internal<ABIInternal>(SB),NOSPLIT,$0-16
	RET

TEXT ·internalok<ABIInternal>(SB),NOSPLIT,$0-16
	XORL AX, AX
	RET

TEXT ·later(SB),NOSPLIT,$0-16
	RET
	MOVQ x+8(FP), AX

TEXT ·dataReset(SB),NOSPLIT,$0-16
	RET
DATA ·tab+0(SB)/8, $1
GLOBL ·tab(SB), RODATA, $8
	MOVQ x+8(FP), AX
	RET

TEXT ·multi(SB),NOSPLIT,$0-24
	MOVQ AX, ret1+16(FP)
	RET
