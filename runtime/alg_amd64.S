// alg_amd64.S — the ABI0 entries of the runtime's equality and hash
// functions (alg.h, AlgFunc).  Go code calls a func value with the
// closure record in %rdx and the arguments on the stack (docs/abi.md):
//   equal(p, q unsafe.Pointer) bool      p 8(SP), q 16(SP), result 24(SP)
//   hash(p unsafe.Pointer, h uintptr) uintptr   the same offsets
// These stubs move the arguments into the SysV registers and call the
// record's C function, passing the record itself as the third argument
// (%rdx already holds it).  Go code keeps nothing in registers across a
// call except %rsp, %rbp and %r14, all of which C preserves.

	.text
	.globl	rt_algeq_abi0
	.type	rt_algeq_abi0, @function
rt_algeq_abi0:
	subq	$8, %rsp		// 16-byte alignment for the C call
	movq	16(%rsp), %rdi
	movq	24(%rsp), %rsi
	call	*8(%rdx)
	movb	%al, 32(%rsp)
	addq	$8, %rsp
	ret
	.size	rt_algeq_abi0, .-rt_algeq_abi0

	.globl	rt_alghash_abi0
	.type	rt_alghash_abi0, @function
rt_alghash_abi0:
	subq	$8, %rsp
	movq	16(%rsp), %rdi
	movq	24(%rsp), %rsi
	call	*8(%rdx)
	movq	%rax, 32(%rsp)
	addq	$8, %rsp
	ret
	.size	rt_alghash_abi0, .-rt_alghash_abi0

	.section .note.GNU-stack,"",@progbits
