#include "textflag.h"
TEXT ·f(SB),NOSPLIT,$0-8
	FOOQ AX, BX
	RET
