// mwb_amd64.S — the write barriers compiled Go code calls while the
// collector marks (docs/abi.md, "Write barriers"; mgc.c does the work).
// Compiled code tests runtime.writeBarrier.enabled first and calls these
// only when it is set; they preserve every register but the flags, so the
// register allocator sees a store, not a call.
#include "goffsets.h"

	.text

// runtime.gcWriteBarrier: AX = the address of a pointer slot about to be
// written, CX = the pointer about to be stored.  Appends the slot's old
// value and the new one to the P's buffer (gc's wbBuf fast path); when it
// is full, rt_wbflush shades them on the system stack.  The store itself
// is the caller's.
	.globl	runtime.gcWriteBarrier
	.type	runtime.gcWriteBarrier, @function
runtime.gcWriteBarrier:
	pushq	%rdx
	pushq	%rbx
	pushq	%rsi
	movq	G_M(%r14), %rdx
	movq	M_P(%rdx), %rdx
	movq	P_WBNEXT(%rdx), %rbx
	movq	(%rax), %rsi
	movq	%rsi, (%rbx)
	movq	%rcx, 8(%rbx)
	addq	$16, %rbx
	movq	%rbx, P_WBNEXT(%rdx)
	cmpq	P_WBEND(%rdx), %rbx
	je	1f
	popq	%rsi
	popq	%rbx
	popq	%rdx
	ret
1:	leaq	rt_wbflush(%rip), %rsi
	call	wbcall
	popq	%rsi
	popq	%rbx
	popq	%rdx
	ret
	.size	runtime.gcWriteBarrier, .-runtime.gcWriteBarrier

// runtime.gcWriteBarrierBulk: AX = dst, CX = src (0 when dst is being
// cleared), DX = bytes: dst's pointer slots are about to change (Move and
// Zero of memory that may be heap).  rt_wbbulk shades the old and new
// pointers on the system stack.
	.globl	runtime.gcWriteBarrierBulk
	.type	runtime.gcWriteBarrierBulk, @function
runtime.gcWriteBarrierBulk:
	pushq	%rsi
	leaq	rt_wbbulk(%rip), %rsi
	call	wbcall
	popq	%rsi
	ret
	.size	runtime.gcWriteBarrierBulk, .-runtime.gcWriteBarrierBulk

// wbcall: SI = a C function fn(uintptr *regs), called on the M's system
// stack with regs = {fn, AX, CX, DX, DI, R8, R9, R10, R11}; every general
// register but SI and every vector register survive.
	.type	wbcall, @function
wbcall:
	pushq	%r11
	pushq	%r10
	pushq	%r9
	pushq	%r8
	pushq	%rdi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%rsi
	movq	%rsp, %rsi
	leaq	wbtramp(%rip), %rdi
	movq	G_M(%r14), %rcx
	movq	M_G0(%rcx), %rcx
	movq	G_SCHED_SP(%rcx), %rdx
	call	rt_systemstack_arg
	popq	%rsi
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rdi
	popq	%r8
	popq	%r9
	popq	%r10
	popq	%r11
	ret
	.size	wbcall, .-wbcall

// wbtramp(regs), on the system stack: saves the vector registers around
// regs[0](regs).  Entered with SP 8 mod 16.
	.type	wbtramp, @function
wbtramp:
	subq	$264, %rsp
	movups	%xmm0, 0(%rsp)
	movups	%xmm1, 16(%rsp)
	movups	%xmm2, 32(%rsp)
	movups	%xmm3, 48(%rsp)
	movups	%xmm4, 64(%rsp)
	movups	%xmm5, 80(%rsp)
	movups	%xmm6, 96(%rsp)
	movups	%xmm7, 112(%rsp)
	movups	%xmm8, 128(%rsp)
	movups	%xmm9, 144(%rsp)
	movups	%xmm10, 160(%rsp)
	movups	%xmm11, 176(%rsp)
	movups	%xmm12, 192(%rsp)
	movups	%xmm13, 208(%rsp)
	movups	%xmm14, 224(%rsp)
	movups	%xmm15, 240(%rsp)
	call	*(%rdi)
	movups	0(%rsp), %xmm0
	movups	16(%rsp), %xmm1
	movups	32(%rsp), %xmm2
	movups	48(%rsp), %xmm3
	movups	64(%rsp), %xmm4
	movups	80(%rsp), %xmm5
	movups	96(%rsp), %xmm6
	movups	112(%rsp), %xmm7
	movups	128(%rsp), %xmm8
	movups	144(%rsp), %xmm9
	movups	160(%rsp), %xmm10
	movups	176(%rsp), %xmm11
	movups	192(%rsp), %xmm12
	movups	208(%rsp), %xmm13
	movups	224(%rsp), %xmm14
	movups	240(%rsp), %xmm15
	addq	$264, %rsp
	ret
	.size	wbtramp, .-wbtramp

	.section .note.GNU-stack,"",@progbits
