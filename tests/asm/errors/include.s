#include "nonexistent.h"
TEXT ·f(SB),4,$0
	RET
