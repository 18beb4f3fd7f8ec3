// hello.s — goc's assembler output linked by goc's linker and run
// (tests/asm/run.sh): text, read-only and writable data, a static
// symbol, relocations PC32 (LEAQ), PLT32 (CALL, JMP), 64 (DATA address),
// 32S (absolute with an index), and branches both ways.
#include "textflag.h"

DATA msg<>+0(SB)/8, $"hello, a"
DATA msg<>+8(SB)/4, $"sm\n\x00"
GLOBL msg<>(SB), RODATA, $12

DATA ·ptr+0(SB)/8, $msg<>(SB)
GLOBL ·ptr(SB), NOPTR, $8

GLOBL ·count(SB), NOPTR, $8

TEXT _start(SB), NOSPLIT, $0
	MOVQ	$3, CX
loop:
	MOVQ	CX, ·count(SB)
	MOVQ	·ptr(SB), SI
	MOVQ	$11, DX
	CALL	·write(SB)
	MOVQ	·count(SB), CX
	DECQ	CX
	JNE	loop
	MOVQ	$0, BX
	MOVBLZX	msg<>(SB)(BX*1), DI   // 'h' = 104
	JMP	·exit(SB)

TEXT ·write(SB), NOSPLIT, $0
	MOVQ	$1, AX
	MOVQ	$1, DI
	SYSCALL
	RET

TEXT ·exit(SB), NOSPLIT, $0
	MOVQ	$60, AX
	SYSCALL
	RET
