// error_amd64.S — ABI0 entries of the runtime errors' methods (error.c),
// called by Go code through itab fun[] entries, and the weak references
// to the compiler's method type descriptors.

	.text

// ERRSTUB name, cfn: Go ABI0 method `Error() string`: the receiver word
// at 8(SP), the result string at 16(SP) and 24(SP) on entry.  Calls
// cfn(recv, &result) (C convention) on an aligned stack.  Go code keeps
// nothing but SP, BP and R14 across calls; C preserves those.
.macro ERRSTUB name, cfn
	.globl	\name
	.type	\name, @function
\name:
	pushq	%rbp
	movq	%rsp, %rbp
	movq	16(%rbp), %rdi
	leaq	24(%rbp), %rsi
	andq	$-16, %rsp
	call	\cfn
	movq	%rbp, %rsp
	popq	%rbp
	ret
	.size	\name, .-\name
.endm

	ERRSTUB	rt_err_bounds_Error_abi0, rt_err_bounds_Error
	ERRSTUB	rt_err_string_Error_abi0, rt_err_string_Error
	ERRSTUB	rt_err_plain_Error_abi0, rt_err_plain_Error
	ERRSTUB	rt_err_typeassert_Error_abi0, rt_err_typeassert_Error

// RuntimeError(): a marker method; does nothing.
	.globl	rt_err_RuntimeError_abi0
	.type	rt_err_RuntimeError_abi0, @function
rt_err_RuntimeError_abi0:
	ret
	.size	rt_err_RuntimeError_abi0, .-rt_err_RuntimeError_abi0

// The compiler's descriptors of the method types (DUPOK symbols with
// gc's names), weak: nil when the program has none.
	.section .data.rel.ro,"aw"
	.balign	8
	.weak	"type.func() string"
	.weak	"type.func()"
	.globl	rt_functype_string
rt_functype_string:
	.quad	"type.func() string"
	.globl	rt_functype_void
rt_functype_void:
	.quad	"type.func()"

	.section .note.GNU-stack,"",@progbits
