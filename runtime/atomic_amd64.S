// atomic_amd64.S — package runtime/internal/atomic's functions that
// upstream assembly reaches: sync/atomic's .s file tail-jumps to them
// (JMP runtime∕internal∕atomic·Xadd(SB)), so they take ABI0's stack
// arguments (docs/abi.md): at entry, the first argument is at 8(%rsp),
// the results follow the arguments at the next 8-byte boundary.  x86
// loads are acquire and stores release already; the stores that must be
// sequentially consistent use XCHG, as gc's.

	.text

	.macro	FUNC name
	.globl	"runtime/internal/atomic.\name"
	.type	"runtime/internal/atomic.\name", @function
"runtime/internal/atomic.\name":
	.endm

// func Load(ptr *uint32) uint32
FUNC Load
	movq	8(%rsp), %rax
	movl	(%rax), %eax
	movl	%eax, 16(%rsp)
	ret

// func Load64(ptr *uint64) uint64, Loaduintptr, Loadp
FUNC Load64
FUNC Loaduintptr
FUNC Loadp
	movq	8(%rsp), %rax
	movq	(%rax), %rax
	movq	%rax, 16(%rsp)
	ret

// func Store(ptr *uint32, val uint32)
FUNC Store
	movq	8(%rsp), %rax
	movl	16(%rsp), %ecx
	xchgl	%ecx, (%rax)
	ret

// func Store64(ptr *uint64, val uint64), Storeuintptr
FUNC Store64
FUNC Storeuintptr
	movq	8(%rsp), %rax
	movq	16(%rsp), %rcx
	xchgq	%rcx, (%rax)
	ret

// func Xadd(ptr *uint32, delta int32) uint32: the new value
FUNC Xadd
	movq	8(%rsp), %rdx
	movl	16(%rsp), %eax
	movl	%eax, %ecx
	lock xaddl %eax, (%rdx)
	addl	%ecx, %eax
	movl	%eax, 24(%rsp)
	ret

// func Xadd64(ptr *uint64, delta int64) uint64, Xadduintptr
FUNC Xadd64
FUNC Xadduintptr
	movq	8(%rsp), %rdx
	movq	16(%rsp), %rax
	movq	%rax, %rcx
	lock xaddq %rax, (%rdx)
	addq	%rcx, %rax
	movq	%rax, 24(%rsp)
	ret

// func Xchg(ptr *uint32, new uint32) uint32: the old value
FUNC Xchg
	movq	8(%rsp), %rdx
	movl	16(%rsp), %eax
	xchgl	%eax, (%rdx)
	movl	%eax, 24(%rsp)
	ret

// func Xchg64(ptr *uint64, new uint64) uint64, Xchguintptr
FUNC Xchg64
FUNC Xchguintptr
	movq	8(%rsp), %rdx
	movq	16(%rsp), %rax
	xchgq	%rax, (%rdx)
	movq	%rax, 24(%rsp)
	ret

// func Cas(ptr *uint32, old, new uint32) bool
FUNC Cas
	movq	8(%rsp), %rdx
	movl	16(%rsp), %eax
	movl	20(%rsp), %ecx
	lock cmpxchgl %ecx, (%rdx)
	sete	24(%rsp)
	ret

// func Cas64(ptr *uint64, old, new uint64) bool, Casuintptr
FUNC Cas64
FUNC Casuintptr
	movq	8(%rsp), %rdx
	movq	16(%rsp), %rax
	movq	24(%rsp), %rcx
	lock cmpxchgq %rcx, (%rdx)
	sete	32(%rsp)
	ret

	.section .note.GNU-stack,"",@progbits
