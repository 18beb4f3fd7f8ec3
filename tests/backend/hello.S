# tests/backend/hello.ssa
main.main STEXT size=76 args=0x0 locals=0x8 funcid=0x0 align=0x0
	0x0000 00000 (tests/backend/hello.ssa:3)	TEXT	main.main(SB), ABIInternal, $8-0
	0x0000 00000 (tests/backend/hello.ssa:3)	CMPQ	SP, 16(R14)
	0x0004 00004 (tests/backend/hello.ssa:3)	JLS	69
	0x0006 00006 (tests/backend/hello.ssa:3)	SUBQ	$8, SP
	0x000a 00010 (tests/backend/hello.ssa:3)	MOVQ	BP, (SP)
	0x000e 00014 (tests/backend/hello.ssa:3)	LEAQ	(SP), BP
	0x0012 00018 (tests/backend/hello.ssa:4)	CALL	runtime.printlock(SB)
	0x0017 00023 (tests/backend/hello.ssa:4)	LEAQ	go.string."hello "(SB), DI
	0x001e 00030 (tests/backend/hello.ssa:4)	MOVL	$6, SI
	0x0023 00035 (tests/backend/hello.ssa:4)	CALL	runtime.printstring(SB)
	0x0028 00040 (tests/backend/hello.ssa:4)	MOVL	$42, DI
	0x002d 00045 (tests/backend/hello.ssa:4)	CALL	runtime.printint(SB)
	0x0032 00050 (tests/backend/hello.ssa:4)	CALL	runtime.printnl(SB)
	0x0037 00055 (tests/backend/hello.ssa:4)	CALL	runtime.printunlock(SB)
	0x003c 00060 (tests/backend/hello.ssa:5)	MOVQ	(SP), BP
	0x0040 00064 (tests/backend/hello.ssa:5)	ADDQ	$8, SP
	0x0044 00068 (tests/backend/hello.ssa:5)	RET
	0x0045 00069 (tests/backend/hello.ssa:5)	CALL	runtime.morestack_noctxt(SB)
	0x004a 00074 (tests/backend/hello.ssa:5)	JMP	0
	0x0000 49 3b 66 10 76 3f 48 83 ec 08 48 89 2c 24 48 8d  I;f.v?H...H.,$H.
	0x0010 2c 24 e8 00 00 00 00 48 8d 3d 00 00 00 00 be 06  ,$.....H.=......
	0x0020 00 00 00 e8 00 00 00 00 bf 2a 00 00 00 e8 00 00  .........*......
	0x0030 00 00 e8 00 00 00 00 e8 00 00 00 00 48 8b 2c 24  ............H.,$
	0x0040 48 83 c4 08 c3 e8 00 00 00 00 eb b4              H...........
	rel 19+4 t=7 runtime.printlock+0
	rel 26+4 t=14 go.string."hello "+0
	rel 36+4 t=7 runtime.printstring+0
	rel 46+4 t=7 runtime.printint+0
	rel 51+4 t=7 runtime.printnl+0
	rel 56+4 t=7 runtime.printunlock+0
	rel 70+4 t=7 runtime.morestack_noctxt+0
