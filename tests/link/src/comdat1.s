# comdat1.s — a function in a COMDAT group (as C++ inline functions are).
	.section .text.comdat_value,"axG",@progbits,comdat_value,comdat
	.globl comdat_value
	.type comdat_value,@function
comdat_value:
	movl $40, %eax
	ret
	.size comdat_value, .-comdat_value
	.section .note.GNU-stack,"",@progbits
