//go:build !arm
// +build !arm

#include "textflag.h"

	MOVQ x+8(FP), AX // +build arm

TEXT ·h(SB),NOSPLIT,$0-8
	MOVL x+0(FP), AX
	RET
