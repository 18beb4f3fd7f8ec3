DATA x<>+0(SB)/8, $1
GLOBL x<>(SB), 8, $-8
