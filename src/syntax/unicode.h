/*
 * unicode.h — the little of Go's unicode and unicode/utf8 packages that
 * goc needs: strict UTF-8 decoding (as utf8.DecodeRune) and the character
 * classes unicode.IsLetter, IsDigit, IsUpper and IsPrint.  The tables for
 * runes >= 0x80 are generated (unitab.c, by scripts/genunicode.go).
 */
#ifndef GOC_UNICODE_H
#define GOC_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RUNE_ERROR 0xFFFD
#define RUNE_MAX 0x10FFFF
#define RUNE_BOM 0xFEFF

extern const uint32_t uni_letter_tab[][2], uni_digit_tab[][2], uni_upper_tab[][2], uni_print_tab[][2];
extern const uint32_t uni_letter_tab_len, uni_digit_tab_len, uni_upper_tab_len, uni_print_tab_len;

static inline bool uni_in(const uint32_t (*tab)[2], uint32_t n, uint32_t r)
{
	if (n == 0 || r < tab[0][0] || r > tab[n - 1][1])
		return false;
	uint32_t lo = 0, hi = n; /* find the last range with tab[i][0] <= r */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (tab[mid][0] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return r <= tab[lo][1];
}

static inline bool uni_is_letter(uint32_t r)
{
	if (r < 0x80)
		return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
	return uni_in(uni_letter_tab, uni_letter_tab_len, r);
}

static inline bool uni_is_digit(uint32_t r)
{
	if (r < 0x80)
		return r >= '0' && r <= '9';
	return uni_in(uni_digit_tab, uni_digit_tab_len, r);
}

static inline bool uni_is_upper(uint32_t r)
{
	if (r < 0x80)
		return r >= 'A' && r <= 'Z';
	return uni_in(uni_upper_tab, uni_upper_tab_len, r);
}

/* strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
static inline bool uni_is_print(uint32_t r)
{
	if (r < 0x80)
		return r >= 0x20 && r < 0x7f;
	return uni_in(uni_print_tab, uni_print_tab_len, r);
}

/* Decodes the rune at p (n > 0 bytes available) as utf8.DecodeRune does:
 * an invalid encoding (bad byte, overlong form, surrogate, > U+10FFFF,
 * truncated sequence) yields RUNE_ERROR with *width 1. */
static inline uint32_t utf8_decode(const unsigned char *p, size_t n, int *width)
{
	uint32_t c = p[0];
	if (c < 0x80) {
		*width = 1;
		return c;
	}
	*width = 1;
	if (c < 0xC2 || c > 0xF4)
		return RUNE_ERROR;
	if (c < 0xE0) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return RUNE_ERROR;
		*width = 2;
		return (c & 0x1F) << 6 | (p[1] & 0x3F);
	}
	/* second-byte bounds exclude overlongs, surrogates and > U+10FFFF */
	uint32_t lo = 0x80, hi = 0xBF;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < 2 || p[1] < lo || p[1] > hi)
		return RUNE_ERROR;
	if (c < 0xF0) {
		if (n < 3 || (p[2] & 0xC0) != 0x80)
			return RUNE_ERROR;
		*width = 3;
		return (c & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
		return RUNE_ERROR;
	*width = 4;
	return (c & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

/* Encodes r (invalid runes as U+FFFD) into p (4 bytes); returns the length. */
static inline int utf8_encode(unsigned char *p, uint32_t r)
{
	if (r > RUNE_MAX || (r >= 0xD800 && r < 0xE000))
		r = RUNE_ERROR;
	if (r < 0x80) {
		p[0] = (unsigned char)r;
		return 1;
	}
	if (r < 0x800) {
		p[0] = (unsigned char)(0xC0 | r >> 6);
		p[1] = (unsigned char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		p[0] = (unsigned char)(0xE0 | r >> 12);
		p[1] = (unsigned char)(0x80 | (r >> 6 & 0x3F));
		p[2] = (unsigned char)(0x80 | (r & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | r >> 18);
	p[1] = (unsigned char)(0x80 | (r >> 12 & 0x3F));
	p[2] = (unsigned char)(0x80 | (r >> 6 & 0x3F));
	p[3] = (unsigned char)(0x80 | (r & 0x3F));
	return 4;
}

#endif
