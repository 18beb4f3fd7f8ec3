// proc_amd64.S — the scheduler's context switches, in gc's shape
// (asm_amd64.s: gogo, mcall, systemstack, morestack, goexit).
//
// A goroutine's context is a Gobuf {sp, pc, bp, ctxt, g} in its G.  gc's
// Go code keeps nothing in registers across calls, so gc saves only SP,
// PC and BP; here the switching code is also called from C, whose
// callee-saved registers (rbx, rbp, r12, r13, r15) must survive, so mcall
// pushes them on the goroutine's stack and saves a PC that pops them
// (mcall_resume).  A new goroutine's Gobuf points at its function, with
// the closure pointer in ctxt (DX) and rt_goexit_stub as return address.
// R14 is always the current G (docs/abi.md).
#include "goffsets.h"

	.text

// void rt_gogo(Gobuf *buf) -- never returns
	.globl	rt_gogo
	.type	rt_gogo, @function
rt_gogo:
	movq	GOBUF_G(%rdi), %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	GOBUF_SP(%rdi), %rsp
	movq	GOBUF_BP(%rdi), %rbp
	movq	GOBUF_CTXT(%rdi), %rdx
	movq	GOBUF_PC(%rdi), %rax
	movq	$0, GOBUF_SP(%rdi)	// the context is live only until used
	movq	$0, GOBUF_BP(%rdi)
	movq	$0, GOBUF_CTXT(%rdi)
	jmp	*%rax
	.size	rt_gogo, .-rt_gogo

// void rt_mcall(void (*fn)(G *))
// Saves the current goroutine's context (callee-saved registers on its
// stack, SP and a resume PC in g.sched), switches to the M's g0 stack at
// g0.sched.sp and calls fn(g).  fn must not return: it ends in gogo (to
// this or another goroutine) or schedule.
	.globl	rt_mcall
	.type	rt_mcall, @function
rt_mcall:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	movq	%r14, %rax			// gp
	movq	%rsp, G_SCHED_SP(%rax)
	leaq	mcall_resume(%rip), %rcx
	movq	%rcx, G_SCHED_PC(%rax)
	movq	%rbp, G_SCHED_BP(%rax)
	movq	$0, G_SCHED_CTXT(%rax)
	movq	%rax, G_SCHED_G(%rax)
	movq	G_M(%rax), %rcx
	movq	M_G0(%rcx), %rcx		// g0
	cmpq	%rcx, %rax
	je	1f
	movq	%rcx, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	G_SCHED_SP(%rcx), %rsp
	xorl	%ebp, %ebp
	movq	%rdi, %r11
	movq	%rax, %rdi
	call	*%r11
	call	rt_badmcall2
	ud2
1:	call	rt_badmcall
	ud2
mcall_resume:
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_mcall, .-rt_mcall

// Every goroutine's first frame returns here (its return address, set by
// newproc).  The nop makes return address - 1 fall inside the stub, for
// tracebacks, as gc's goexit.
	.globl	rt_goexit_stub
	.type	rt_goexit_stub, @function
rt_goexit_stub:
	nop
	andq	$-16, %rsp
	call	runtime.goexit1
	ud2
	.size	rt_goexit_stub, .-rt_goexit_stub

// A goroutine running C: its func value is {rt_cfunc_stub, fn, arg}
// (rt_newproc_c); DX holds the func value.  Tail-calls fn(arg) with the
// goexit return address in place.
	.globl	rt_cfunc_stub
	.type	rt_cfunc_stub, @function
rt_cfunc_stub:
	movq	16(%rdx), %rdi
	jmp	*8(%rdx)
	.size	rt_cfunc_stub, .-rt_cfunc_stub

// void rt_systemstack_arg(void (*fn)(void *), void *arg, uintptr sp, G *g0)
// fn(arg) on g0's stack from sp down, then back (gc's systemstack).
	.globl	rt_systemstack_arg
	.type	rt_systemstack_arg, @function
rt_systemstack_arg:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	movq	%rsp, %rbx
	movq	%r14, %r12
	movq	%rbp, G_SCHED_BP(%r14)		// for tracebacks of the G while on g0 (gc too)
	movq	%rsp, G_SCHED_SP(%r14)		// and for the collector's scan of its stack
	leaq	rt_systemstack_arg(%rip), %rax
	movq	%rax, G_SCHED_PC(%r14)
	movq	%rcx, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	%rdx, %rsp
	andq	$-16, %rsp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	movq	%r12, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	%rbx, %rsp
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_systemstack_arg, .-rt_systemstack_arg

// runtime.morestack: called by a Go function's prologue when SP is below
// g.stackguard0 (or stackguard0 is STACK_PREEMPT), with the closure
// context in DX.  Saves every general register that may hold an argument
// or a callee-saved value on the goroutine stack, records the context in
// g.sched, and runs rt_newstack(g) on g0: it copies the stack (the saved
// registers move with it and are adjusted like every other word) or
// reschedules the goroutine, and resumes g.sched, which pops the
// registers and returns into the prologue (which checks again).
// Vector registers are not saved: ABI0 passes nothing in them.
	.globl	runtime.morestack_noctxt
	.type	runtime.morestack_noctxt, @function
runtime.morestack_noctxt:
	xorl	%edx, %edx
	.size	runtime.morestack_noctxt, .-runtime.morestack_noctxt
	// falls through
	.globl	runtime.morestack
	.type	runtime.morestack, @function
runtime.morestack:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r15
	movq	%rsp, G_SCHED_SP(%r14)
	leaq	morestack_resume(%rip), %rax
	movq	%rax, G_SCHED_PC(%r14)
	movq	%rbp, G_SCHED_BP(%r14)
	movq	%rdx, G_SCHED_CTXT(%r14)
	movq	%r14, G_SCHED_G(%r14)
	movq	%r14, %rdi
	movq	G_M(%r14), %rax
	movq	M_G0(%rax), %rax
	cmpq	%rax, %r14
	je	1f
	movq	%rax, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	G_SCHED_SP(%rax), %rsp
	xorl	%ebp, %ebp
	call	rt_newstack
	ud2
1:	call	rt_morestackg0
	ud2
morestack_resume:
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	popq	%rbp
	ret
	.size	runtime.morestack, .-runtime.morestack

// void runtime.reflectcall(_type *stackArgsType, FuncVal *fn, void *stackArgs,
//	uint32 stackArgsSize, uint32 stackRetOffset, uint32 frameSize, RegArgs *regArgs)
// reflect.Value.Call's call (reflect.call, by //go:linkname), entered
// with the C convention: copies the stackArgsSize bytes of arguments at
// stackArgs to a new frameSize-byte frame at SP, calls fn with ABI0 (the
// closure in DX), and copies the results (from stackRetOffset on) back
// to stackArgs (rt_reflectcallmove).  No argument goes in a register (internal/abi: none), so
// regArgs is unused.  The frame is on the goroutine's stack, which fn
// may grow and move: everything is reached through RBP afterwards (the
// copier adjusts the saved BP chain), and stackArgs is reflect's heap
// frame.  The C callee-saved registers that Go code clobbers are saved.
	.globl	runtime.reflectcall
	.type	runtime.reflectcall, @function
runtime.reflectcall:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	pushq	%rdx			// -40(%rbp): stackArgs
	pushq	%rcx			// -48(%rbp): stackArgsSize
	pushq	%r8			// -56(%rbp): stackRetOffset
	subq	$8, %rsp		// SP 16-byte aligned
	movl	%r9d, %eax		// frameSize, rounded up to 16
	addq	$15, %rax
	andq	$-16, %rax
	subq	%rax, %rsp
	movq	%rsi, %r12		// fn
	movq	%rsp, %rdi		// the arguments into the frame
	movq	%rdx, %rsi
	movl	%ecx, %ecx
	cld
	rep movsb
	movq	%r12, %rdx
	call	*(%rdx)
	movl	-56(%rbp), %eax		// the results back
	movl	-48(%rbp), %ecx
	subq	%rax, %rcx
	jbe	1f
	leaq	(%rsp,%rax), %rsi
	movq	-40(%rbp), %rdi
	addq	%rax, %rdi
	movq	%rcx, %rdx
	call	rt_reflectcallmove	// with the write barrier (stackArgs is heap)
1:	leaq	-32(%rbp), %rsp
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	runtime.reflectcall, .-runtime.reflectcall

// runtime.spillArgs / unspillArgs: upstream assembly written for gc's
// register ABI (reflect's makeFuncStub, methodValueCall) saves and
// restores the argument registers through them (gc: the 9 integer and
// 15 float registers of internal/abi.RegArgs).  goc passes no argument in
// a register (internal/abi.IntArgRegs is 0), so there is nothing to move.
	.globl	runtime.spillArgs
	.type	runtime.spillArgs, @function
runtime.spillArgs:
	ret
	.size	runtime.spillArgs, .-runtime.spillArgs
	.globl	runtime.unspillArgs
	.type	runtime.unspillArgs, @function
runtime.unspillArgs:
	ret
	.size	runtime.unspillArgs, .-runtime.unspillArgs

	.section .note.GNU-stack,"",@progbits
