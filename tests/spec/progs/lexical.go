// Examples of the Go 1.19 spec's "Lexical elements" sections: identifiers,
// integer, floating-point, imaginary, rune and string literals.  Each
// check prints the values the example defines.
package main

func main() {
	// spec Identifiers: a, _x9, ThisVariableIsExported, αβ
	a, _x9, ThisVariableIsExported, αβ := 1, 2, 3, 4
	println(a, _x9, ThisVariableIsExported, αβ)

	// spec Integer literals: 42 4_2 0600 0_600 0o600 0O600 0xBadFace 0xBad_Face 0x_67_7a_2f_cc_40_c6
	println(42, 4_2, 0600, 0_600, 0o600, 0O600, 0xBadFace, 0xBad_Face, 0x_67_7a_2f_cc_40_c6)
	// spec Integer literals: 170141183460469231731687303715884105727 (== 1<<127 - 1, as a constant)
	const big = 170141183460469231731687303715884105727
	const big2 = 170_141183_460469_231731_687303_715884_105727
	println(big == 1<<127-1, big == big2, big>>100)
	// spec Integer literals: _42 is an identifier, not an integer literal
	_42 := 7
	println(_42)

	// spec Floating-point literals: decimal forms
	println(0., 72.40, 072.40, 2.71828, 1.e+0, 6.67428e-11, 1E6, .25, .12345E+5, 1_5., 0.15e+0_2)
	println(072.40 == 72.40, 1_5. == 15.0, 0.15e+0_2 == 15.0)
	// spec Floating-point literals: hexadecimal forms
	println(0x1p-2, 0x2.p10, 0x1.Fp+0, 0X.8p-0, 0X_1FFFP-16, 0x15e-2)
	println(0x1p-2 == 0.25, 0x2.p10 == 2048.0, 0x1.Fp+0 == 1.9375, 0X.8p-0 == 0.5, 0X_1FFFP-16 == 0.1249847412109375, 0x15e-2 == 0x15e-2)

	// spec Imaginary literals
	println(0i, 0123i, 0o123i, 0xabci, 0.i, 2.71828i)
	println(1.e+0i, 6.67428e-11i, 1E6i, .25i, .12345E+5i, 0x1p-2i)
	println(0123i == 123i, 0o123i == 83i, 0xabci == 2748i, 0x1p-2i == 0.25i)

	// spec Rune literals: escapes \a \b \f \n \r \t \v \\ \' \"
	println('\a', '\b', '\f', '\n', '\r', '\t', '\v', '\\', '\'', "\"")
	// spec Rune literals: 'a' 'ä' '本' '\t' '\000' '\007' '\377' '\x07' '\xff' '\u12e4' '\U00101234' '\''
	println('a', 'ä', '本', '\t', '\000', '\007', '\377', '\x07', '\xff', '\u12e4', '\U00101234', '\'')

	// spec String literals: raw and interpreted forms
	println(`abc` == "abc", `\n
\n` == "\\n\n\\n", "\n" == "\x0a", "\"" == `"`)
	println("Hello, world!\n", "日本語", "\u65e5本\U00008a9e", len("\xff\u00FF"))
	s := "\xff\u00FF"
	println(s[0], s[1], s[2])
	// spec String literals: five ways to write 日本語
	s1, s2, s3, s4, s5 := "日本語", `日本語`, "\u65e5\u672c\u8a9e", "\U000065e5\U0000672c\U00008a9e", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
	println(s1 == s2, s2 == s3, s3 == s4, s4 == s5, len(s5))
}
