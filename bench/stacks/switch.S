// switch.S — the prototype's context switch and copying-growth trampoline.

	.text
// void proto_swap(uintptr *save_sp, uintptr new_sp)
// Saves the callee-saved registers on the current stack, stores its SP
// in *save_sp, and resumes the context whose SP is new_sp.
	.globl	proto_swap
proto_swap:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

// void proto_morestack(void)
// Called at a function's stack check: moves the whole goroutine stack to
// one twice as large (proto_copystack returns the distance moved) and
// continues there.  Saved frame pointers are adjusted by the C side; the
// frames hold no other pointers into the stack (the prototype's rule,
// which Go's stack maps make precise for real Go frames).
	.globl	proto_morestack
proto_morestack:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r15
	pushq	%rax			// keeps the stack 16-byte aligned
	movq	%rsp, %rdi		// everything from here up moves
	movq	%rbp, %rsi		// the frame chain starts here
	movq	%rsp, %rbx
	movq	proto_sysstack(%rip), %rsp	// copy on the system stack, as the runtime will
	call	proto_copystack
	movq	%rbx, %rsp
	addq	%rax, %rsp
	addq	%rax, %rbp
	popq	%rax
	popq	%r15
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

	.section .note.GNU-stack,"",@progbits
