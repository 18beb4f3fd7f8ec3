// gc: ADJSP $0 becomes NOP $0, SP, an invalid instruction (gc reports
// "asm: "".f: invalid instruction: 00000 (adjsp0.s:8)	NOP	$0, SP");
// NOP with one register or memory operand is no code
#include "textflag.h"
TEXT ·f(SB), NOSPLIT, $0-0
	NOP	SP
	NOP	AX
	ADJSP	$0
	NOP	(AX)
	RET
