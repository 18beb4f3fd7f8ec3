// What else the runtime's files use, against gc's: INT, RDTSCP,
// VMOVNTDQ, indirect calls (R_CALLIND past a REX prefix), FuncIDs of
// the runtime's own names, TEXT attributes, long DATA strings.
#include "textflag.h"

TEXT ·ops(SB), NOSPLIT, $0
	INT	$3
	INT	$0x80
	RDTSCP
	PUSHFQ
	POPFQ
	VMOVNTDQ	Y0, (DI)
	VMOVNTDQ	Y15, 32(R8)
	VMOVNTDQ	X1, (AX)(BX*8)
	VMOVNTDQ	X9, -64(SP)
	RET

TEXT ·calls(SB), 0, $8
	CALL	AX
	CALL	R12
	CALL	(AX)
	CALL	8(R12)
	CALL	R8
	CALL	(R9)(R10*8)
	RET

// FuncIDs by the runtime's names (-p runtime)
TEXT ·mcall(SB), NOSPLIT, $0-8
	RET
TEXT ·systemstack(SB), NOSPLIT, $0-8
	RET
TEXT ·goexit(SB), NOSPLIT|TOPFRAME, $0-0
	BYTE	$0x90
	RET
TEXT ·deferreturn(SB), NOSPLIT, $0-0
	RET
TEXT runtime·sigpanic(SB), NOSPLIT, $0-0
	RET
TEXT ·abiwrap(SB), NOSPLIT|ABIWRAPPER, $0-0
	RET
TEXT ·attrs(SB), NOSPLIT|NOPROF|DUPOK|NOFRAME, $0-0
	RET
TEXT attrs<>(SB), NOSPLIT, $0-0
	RET

DATA	msg<>+0x00(SB)/20, $"call frame too large"
GLOBL	msg<>(SB), RODATA, $20
DATA	msg2<>+0x00(SB)/12, $"hi"
DATA	msg2<>+0x0c(SB)/8, $"padded"
GLOBL	msg2<>(SB), RODATA, $24
