// not an error: several DATA before the GLOBL (sha256 hung on this)
DATA t<>+0(SB)/4, $1
DATA t<>+4(SB)/4, $2
DATA t<>+8(SB)/8, $3
GLOBL t<>(SB), 8, $16
