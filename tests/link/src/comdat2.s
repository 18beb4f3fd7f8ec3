# comdat2.s — the same COMDAT group again (the linker keeps the first),
# and a caller.
	.section .text.comdat_value,"axG",@progbits,comdat_value,comdat
	.globl comdat_value
	.type comdat_value,@function
comdat_value:
	movl $40, %eax
	ret
	.size comdat_value, .-comdat_value
	.text
	.globl comdat_caller
	.type comdat_caller,@function
comdat_caller:
	call comdat_value
	addl $2, %eax
	ret
	.size comdat_caller, .-comdat_caller
	.section .note.GNU-stack,"",@progbits
