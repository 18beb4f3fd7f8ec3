// asmflags: -compiling-runtime
// gc: an ABIInternal TEXT must be NOSPLIT (asm does not know its
// register arguments for the morestack path); the error does not stop
// the TEXT's body from being assembled
#include "textflag.h"
TEXT ·f<ABIInternal>(SB), 0, $16-8
	MOVQ	x+0(FP), AX
	RET
TEXT runtime·g<ABIInternal>(SB), NOSPLIT, $0-8
	RET
TEXT ·h<ABIInternal>(SB), $0
	RET
