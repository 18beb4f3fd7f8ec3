// rt0_linux_amd64.S — process entry and the few places where C cannot
// say what is needed: switching stacks and calling Go ABI0 code.
//
// The kernel starts _start with %rsp pointing at argc, then argv[],
// NULL, envp[], NULL, auxv pairs.  rt_start (proc.c) takes that pointer.

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		// outermost frame for debuggers
	movq	%rsp, %rdi		// &argc
	andq	$-16, %rsp		// SysV: 16-byte aligned at the call
	call	rt_start
	ud2
	.size	_start, .-_start

// void rt_callgo0(void (*fn)(void))
// Calls a Go ABI0 function without arguments or results (main.main, a
// package init function).  Go code preserves no register except %rsp
// and the goroutine register %r14, so the C callee-saved registers are
// saved here.  The stack stays 16-byte aligned at the call.
	.globl	rt_callgo0
	.type	rt_callgo0, @function
rt_callgo0:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	call	*%rdi
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_callgo0, .-rt_callgo0

// void rt_switchstack(uintptr sp, G *gp, void (*fn)(void))  -- never returns
// Starts running fn on a fresh stack whose top is sp, as goroutine gp.
	.globl	rt_switchstack
	.type	rt_switchstack, @function
rt_switchstack:
	movq	%rsi, %r14		// the goroutine register
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	%rdi, %rsp
	andq	$-16, %rsp
	xorl	%ebp, %ebp		// end of the frame chain
	pushq	$0			// fake return address: tracebacks stop here
	jmp	*%rdx
	.size	rt_switchstack, .-rt_switchstack

// void rt_onstack(void (*fn)(void), G *gp, uintptr sp)
// Calls fn on another stack (top sp) as goroutine gp, then comes back:
// the heart of systemstack.  rbx and r12 (callee-saved, so fn keeps
// them) hold the old stack pointer and goroutine across the call.
	.globl	rt_onstack
	.type	rt_onstack, @function
rt_onstack:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	movq	%rsp, %rbx
	movq	%r14, %r12
	movq	%rsi, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	%rdx, %rsp
	andq	$-16, %rsp
	call	*%rdi
	movq	%r12, %r14
	movq	%r14, %fs:runtime.tlsg@tpoff	// the TLS mirror (docs/abi.md)
	movq	%rbx, %rsp
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_onstack, .-rt_onstack

	.section .note.GNU-stack,"",@progbits
