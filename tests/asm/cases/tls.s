// TLS as the runtime uses it on linux/amd64 (go_tls.h's get_tls and g),
// and the direct off(TLS) forms, against gc's.
#include "textflag.h"

#define get_tls(r)	MOVQ TLS, r
#define g(r)	0(r)(TLS*1)

TEXT ·tls(SB), NOSPLIT, $0-8
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, g(CX)
	MOVQ	$0, g(CX)
	MOVQ	$0x123, g(CX)
	CMPQ	g(CX), AX
	get_tls(R8)
	MOVQ	g(R8), R9
	MOVQ	R9, g(R8)
	MOVQ	g(R13), R15
	MOVQ	(TLS), AX
	MOVQ	R14, (TLS)
	MOVQ	-16(TLS), CX
	MOVQ	8(TLS), R12
	MOVL	(TLS), AX
	MOVL	$7, 4(TLS)
	LEAQ	(TLS), AX
	CMPQ	(TLS), SI
	MOVQ	TLS, BX
	RET

// get_tls in a function with a frame and a split check
TEXT ·tlsframe(SB), 0, $32-8
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, x+0(FP)
	CALL	·tlsframe(SB)
	RET
