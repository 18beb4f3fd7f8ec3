/* unterminated
TEXT ·f(SB),4,$0
