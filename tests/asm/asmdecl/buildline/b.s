#include "textflag.h"

TEXT ·g(SB),NOSPLIT,$0-8
	MOVL x+0(FP), AX
	RET
