// not an error: a static never defined is left for the linker (as gc)
#include "textflag.h"
TEXT f(SB),NOSPLIT,$0
	LEAQ nothere<>(SB), AX
	RET
