// complex.c — complex division (gc's runtime/complex.go): Smith's
// algorithm, then C99 Annex G's corrections to infinities and zeros when
// both parts came out NaN.  Compiled Go code calls it with the C
// convention: n in XMM0/XMM1, m in XMM2/XMM3, the quotient in XMM0/XMM1.
#include "rt.h"

Complex128 complex128div(Complex128 n, Complex128 m) RTSYM(complex128div);

static bool isfinite_(double x) { return !__builtin_isnan(x) && !__builtin_isinf(x); }

// inf2one: ±1 for an infinity, ±0 otherwise, keeping the sign.
static double inf2one(double f) { return __builtin_copysign(__builtin_isinf(f) ? 1.0 : 0.0, f); }

Complex128 complex128div(Complex128 n, Complex128 m)
{
	double e, f;
	if (__builtin_fabs(m.re) >= __builtin_fabs(m.im)) {
		double ratio = m.im / m.re;
		double denom = m.re + ratio * m.im;
		e = (n.re + n.im * ratio) / denom;
		f = (n.im - n.re * ratio) / denom;
	} else {
		double ratio = m.re / m.im;
		double denom = m.im + ratio * m.re;
		e = (n.re * ratio + n.im) / denom;
		f = (n.im * ratio - n.re) / denom;
	}
	if (__builtin_isnan(e) && __builtin_isnan(f)) {
		double a = n.re, b = n.im, c = m.re, d = m.im;
		double inf = __builtin_inf();
		if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
			e = __builtin_copysign(inf, c) * a;
			f = __builtin_copysign(inf, c) * b;
		} else if ((__builtin_isinf(a) || __builtin_isinf(b)) && isfinite_(c) && isfinite_(d)) {
			a = inf2one(a);
			b = inf2one(b);
			e = inf * (a * c + b * d);
			f = inf * (b * c - a * d);
		} else if ((__builtin_isinf(c) || __builtin_isinf(d)) && isfinite_(a) && isfinite_(b)) {
			c = inf2one(c);
			d = inf2one(d);
			e = 0 * (a * c + b * d);
			f = 0 * (b * c - a * d);
		}
	}
	return (Complex128){e, f};
}
