/* start.c — the entry point: aligns the stack, sets up thread-local
 * storage from the PT_TLS program header (found through AT_PHDR in the
 * auxiliary vector), runs .init_array, calls main, exits with its status. */
#include "sys.h"

__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call cstart\n"
	"	hlt\n");

typedef struct {
	unsigned int p_type, p_flags;
	unsigned long p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Phdr;

extern void (*__init_array_start[])(void) __attribute__((weak));
extern void (*__init_array_end[])(void) __attribute__((weak));
int main(int argc, char **argv);

static char tlsblock[8192] __attribute__((aligned(4096)));

static void setup_tls(unsigned long *auxv)
{
	Phdr *ph = 0;
	unsigned long phnum = 0;
	for (; auxv[0]; auxv += 2) {
		if (auxv[0] == 3)
			ph = (Phdr *)auxv[1];
		if (auxv[0] == 5)
			phnum = auxv[1];
	}
	char *tp = tlsblock + 4096; /* TCB at the thread pointer, TLS below it */
	for (unsigned long i = 0; i < phnum; i++) {
		if (ph[i].p_type != 7 /* PT_TLS */)
			continue;
		unsigned long align = ph[i].p_align ? ph[i].p_align : 1;
		unsigned long size = (ph[i].p_memsz + align - 1) & ~(align - 1);
		char *block = tp - size;
		memcpy(block, (void *)ph[i].p_vaddr, ph[i].p_filesz);
		memset(block + ph[i].p_filesz, 0, ph[i].p_memsz - ph[i].p_filesz);
	}
	*(char **)tp = tp;
	sys3(158 /* arch_prctl */, 0x1002 /* ARCH_SET_FS */, (long)tp, 0);
}

void cstart(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	while (*envp)
		envp++;
	setup_tls((unsigned long *)(envp + 1));
	if (__init_array_start)
		for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
			(*f)();
	sys_exit(main(argc, argv));
}
