// fmtfloat.h — gc's print/println format of a float64, +d.dddddde±ddd,
// as one pure function shared by the freestanding runtime (print.c) and
// the SSA interpreter's print intercepts (src/ssagen/interprt.c).  No
// libc: it writes into the caller's buffer.
#ifndef GOC_FMTFLOAT_H
#define GOC_FMTFLOAT_H

enum { FMTFLOAT_MAX = 14 };

// Writes v into out (at least FMTFLOAT_MAX bytes, not terminated) and
// returns the length: "NaN", "+Inf", "-Inf", or seven significant digits
// always in exponent form.  The digits come from repeated scaling by 10 in
// float64 arithmetic, exactly as gc's printfloat does, so the rounding
// errors are the same.
static inline int fmtfloat(char *out, double v)
{
	if (v != v) {
		out[0] = 'N', out[1] = 'a', out[2] = 'N';
		return 3;
	}
	if (v + v == v && v != 0) {
		out[0] = v > 0 ? '+' : '-';
		out[1] = 'I', out[2] = 'n', out[3] = 'f';
		return 4;
	}
	enum { N = 7 };
	out[0] = '+';
	int e = 0;
	if (v == 0) {
		if (__builtin_signbit(v))
			out[0] = '-';
	} else {
		if (v < 0) {
			v = -v;
			out[0] = '-';
		}
		while (v >= 10) {
			e++;
			v /= 10;
		}
		while (v < 1) {
			e--;
			v *= 10;
		}
		double h = 5.0;
		for (int i = 0; i < N; i++)
			h /= 10;
		v += h;
		if (v >= 10) {
			e++;
			v /= 10;
		}
	}
	for (int i = 0; i < N; i++) {
		int d = (int)v;
		out[i + 2] = (char)(d + '0');
		v -= (double)d;
		v *= 10;
	}
	out[1] = out[2];
	out[2] = '.';
	out[N + 2] = 'e';
	out[N + 3] = '+';
	if (e < 0) {
		e = -e;
		out[N + 3] = '-';
	}
	out[N + 4] = (char)(e / 100 + '0');
	out[N + 5] = (char)(e / 10 % 10 + '0');
	out[N + 6] = (char)(e % 10 + '0');
	return N + 7;
}

#endif
