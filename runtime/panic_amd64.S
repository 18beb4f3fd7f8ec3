// panic_amd64.S — the assembly half of panics and signals: calling a Go
// method that returns a string (Error, String) from C, the stub a
// faulting goroutine resumes in (gc's sigpanic entry), and the signal
// restorer the kernel returns through.

	.text

// void rt_callgo_str(void *fn, uintptr recv, GoString *out)
// Calls the Go ABI0 function fn(recv) string: the receiver word at 0(SP),
// the result at 8(SP) and 16(SP).  Saves the C callee-saved registers
// (Go code keeps none but SP, BP and R14), so `out` waits at 24(SP), in
// this frame, not in a register.
	.globl	rt_callgo_str
	.type	rt_callgo_str, @function
rt_callgo_str:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	subq	$32, %rsp
	movq	%rdx, 24(%rsp)
	movq	%rsi, 0(%rsp)
	movq	$0, 8(%rsp)
	movq	$0, 16(%rsp)
	call	*%rdi
	movq	24(%rsp), %rbx
	movq	8(%rsp), %rax
	movq	%rax, 0(%rbx)
	movq	16(%rsp), %rax
	movq	%rax, 8(%rbx)
	addq	$32, %rsp
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_callgo_str, .-rt_callgo_str

// rt_sigpanic_stub: where the signal handler resumes a goroutine that
// faulted, with the faulting pc pushed as the return address (so the
// frame chain reads as if the faulting instruction had called it, as in
// gc).  Aligns the stack for C and calls rt_sigpanic, which never returns.
	.globl	rt_sigpanic_stub
	.type	rt_sigpanic_stub, @function
rt_sigpanic_stub:
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-16, %rsp
	call	rt_sigpanic
	ud2
	.size	rt_sigpanic_stub, .-rt_sigpanic_stub

// rt_sigreturn: the sa_restorer of every handler (x86-64 Linux requires
// one): rt_sigreturn(2) restores the interrupted context.
	.globl	rt_sigreturn
	.type	rt_sigreturn, @function
rt_sigreturn:
	movl	$15, %eax
	syscall
	ud2
	.size	rt_sigreturn, .-rt_sigreturn

// ---- defer and recover (defer.c; docs/abi.md "Defer and recover") ----

// runtime.deferproc(fn *funcval), called by compiled code (C convention):
// passes the caller's SP and BP after the return and the return address
// to rt_deferproc, which returns 0.
	.globl	runtime.deferproc
	.type	runtime.deferproc, @function
runtime.deferproc:
	movq	(%rsp), %rdx
	leaq	8(%rsp), %rsi
	movq	%rbp, %rcx
	jmp	rt_deferproc
	.size	runtime.deferproc, .-runtime.deferproc

// runtime.deferreturn(): runs the caller's deferred calls.
	.globl	runtime.deferreturn
	.type	runtime.deferreturn, @function
runtime.deferreturn:
	leaq	8(%rsp), %rdi
	jmp	rt_deferreturn
	.size	runtime.deferreturn, .-runtime.deferreturn

// runtime.gorecover(argp): the compiler's argument is ignored; the
// caller's frame pointer tells whether it is the deferred function.
	.globl	runtime.gorecover
	.type	runtime.gorecover, @function
runtime.gorecover:
	movq	%rbp, %rdi
	jmp	rt_gorecover
	.size	runtime.gorecover, .-runtime.gorecover

// runtime.recoverframe(): the caller's frame, for `defer recover()`.
	.globl	runtime.recoverframe
	.type	runtime.recoverframe, @function
runtime.recoverframe:
	movq	%rbp, %rdi
	jmp	rt_recoverframe
	.size	runtime.recoverframe, .-runtime.recoverframe

// void rt_calldefer(FuncVal *fn, uintptr *argp)
// Calls the closure fn (no arguments, no results: the compiler's deferred
// call wrapper) with DX = fn, storing the SP at the call in *argp first.
	.globl	rt_calldefer
	.type	rt_calldefer, @function
rt_calldefer:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	movq	%rsp, (%rsi)
	movq	%rdi, %rdx
	call	*(%rdx)
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	rt_calldefer, .-rt_calldefer

// void rt_recovery(uintptr sp, uintptr bp, uintptr pc) -- never returns
// Resumes the function whose deferred call recovered a panic: its
// deferproc call returns again, this time with 1 in AX.
	.globl	rt_recovery
	.type	rt_recovery, @function
rt_recovery:
	movq	%rdi, %rsp
	movq	%rsi, %rbp
	movl	$1, %eax
	jmp	*%rdx
	.size	rt_recovery, .-rt_recovery

	.section .note.GNU-stack,"",@progbits
