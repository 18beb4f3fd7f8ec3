// goprogstd.go — the standard-library statements and expressions of
// goprog (tests/oracle/goprog.go; built together with it): fmt's
// printing verbs, flags, widths and precisions over the generator's
// values and over types of their own (String, Error, GoString and Format
// methods, a String method that panics, nil pointers, structs with
// unexported fields, nested slices and maps: fmt sorts map keys,
// instantiated generic types), errors (Errorf with %w, Is, As, Unwrap),
// strings (Builder, Split, Join, Fields, Repeat, Replace, ReplaceAll,
// NewReplacer, Index*, Trim*, case functions, EqualFold, Map, Contains*,
// Cut, Compare), strconv (Itoa, Atoi, ParseInt, ParseFloat, FormatFloat,
// Quote, AppendInt, their errors), sort (Ints, Strings, Slice with
// closures, SliceStable, Sort on user types implementing sort.Interface,
// Reverse, Search, IsSorted), maps built and printed through sorted keys
// or fmt, bytes, unicode/utf8 and math (limits, Inf, NaN, signed zeros,
// Float64bits).
//
// Reproducibility: the standard-library statements draw from a second
// random source (gen.sr) and name their variables with an "x" prefix and
// a counter of their own, so the program of a seed is the program of
// GOPROG_STD=0 (the import-free generator) with statements and
// expressions inserted: the shapes of the old seeds stay reachable.
// GOPROG_STD=PCT (default 10) is the percentage of statement positions
// that get a standard-library statement first (0: none, no imports; an
// expression position gets a standard-library expression at PCT/3 %).
//
// What keeps the output defined: no addresses are printed (pointers are
// printed only at the top level of fmt's argument, where fmt shows
// &{...}, or through String methods; never with %p, %d or %x); maps are
// printed by fmt (sorted keys, never interface keys of several dynamic
// types, never pointer or NaN keys sorted by sort) or ranged over sorted
// keys; sorting never meets NaN; nothing prints from goroutines; math's
// functions are limited to the exactly rounded ones (gc's assembly and
// goc's pure Go may differ in the last bit of the others).
package main

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

var stdPct = 10

func init() {
	if s := os.Getenv("GOPROG_STD"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 100 {
			fmt.Fprintln(os.Stderr, "goprog: GOPROG_STD wants a percentage")
			os.Exit(2)
		}
		stdPct = n
	}
}

func (g *gen) stdInit(seed int64) {
	if stdPct > 0 {
		g.sr = rand.New(rand.NewSource(seed*7919 + 13))
	}
}

// inStd runs f with the standard library's random source and names.
func (g *gen) inStd(f func()) {
	if g.r == g.sr {
		f()
		return
	}
	r, nv, nl, np := g.r, g.nvar, g.nlabel, g.np
	g.r, g.nvar, g.nlabel, g.np = g.sr, g.snvar, g.snlabel, "x"
	f()
	g.snvar, g.snlabel = g.nvar, g.nlabel
	g.r, g.nvar, g.nlabel, g.np = r, nv, nl, np
}

// maybeStdStmt: at a statement position, perhaps a standard-library
// statement (a block of its own: it declares nothing the program's other
// statements see).
func (g *gen) maybeStdStmt() {
	if g.sr == nil || g.inGo || g.sr.Intn(100) >= stdPct {
		return
	}
	g.inStd(func() {
		g.p("{")
		g.ind++
		g.push()
		g.stdStmt()
		g.pop()
		g.ind--
		g.p("}")
	})
}

// maybeStdExpr: at an expression position, perhaps a standard-library
// expression of type t.  The expression it replaces is still drawn (and
// dropped), so that the rest of the program is the one of GOPROG_STD=0;
// the constness returned is the dropped one's, for the same reason (a
// caller wanting a non-constant draws again): claiming a constant is
// always safe, as constants are only ever avoided.
func (g *gen) maybeStdExpr(t *typ, d int) (string, bool, bool) {
	if g.sr == nil || d <= 0 || g.sr.Intn(300) >= stdPct {
		return "", false, false
	}
	var e string
	var ok bool
	g.inStd(func() { e, ok = g.stdExpr(t, d) })
	if !ok || g.r == g.sr {
		return e, false, ok
	}
	sr := g.sr
	g.sr = nil
	_, c := g.expr(t, d)
	g.sr = sr
	return e, c, true
}

const stdImports = `import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)
`

const stdPrelude = `
var _, _, _ = bytes.Equal, unicode.IsUpper, utf8.RuneLen
var _, _ = math.Abs, sort.Ints

type Pt struct{ X, Y int }

func (p Pt) String() string { return "(" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + ")" }

type Money int64

func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign = "-"
		m = -m
	}
	return fmt.Sprintf("%s$%d.%02d", sign, int64(m)/100, int64(m)%100)
}

type Color uint8

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	case 2:
		return "blue"
	}
	return "Color(" + strconv.Itoa(int(c)) + ")"
}

type Inner struct {
	N  int
	F  float64
	Ok bool
}

type Person struct {
	Name string
	Age  int
	Tags []string
	M    map[string]int
	In   Inner
	At   *Pt
	C    Color
	Arr  [2]int8
	pt   Pt
	Err  error
}

// Wrapped's String is Pt's, promoted: fmt prints only the point
type Wrapped struct {
	Pt
	Z string
}

type MyErr struct {
	Code int
	Msg  string
}

func (e *MyErr) Error() string { return "myerr " + strconv.Itoa(e.Code) + ": " + e.Msg }

type CodeErr int

func (c CodeErr) Error() string { return "code " + strconv.Itoa(int(c)) }

var ErrBase = errors.New("base failure")
var ErrOther = errors.New("other")

type Both struct{ V int }

func (b Both) String() string { return "S" + strconv.Itoa(b.V) }
func (b Both) Error() string  { return "E" + strconv.Itoa(b.V) }

type GS struct{ V int }

func (g GS) GoString() string { return "GS!" + strconv.Itoa(g.V) }

type Fm int

// Format: Width's and Precision's numbers are stale when not set (fmt
// keeps its printers in a sync.Pool): only the set ones are shown
func (f Fm) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	if !wok {
		w = -1
	}
	if !pok {
		p = -1
	}
	fmt.Fprintf(s, "Fm%d[%c %d %v %d %v %v%v%v%v]", int(f), verb, w, wok, p, pok, s.Flag('+'), s.Flag('-'), s.Flag('#'), s.Flag(' '))
}

type Bad int

func (b Bad) String() string {
	if b < 0 {
		panic("bad " + strconv.Itoa(int(b)))
	}
	if b == 0 {
		var m map[string]int
		m["x"] = 1
	}
	return "ok" + strconv.Itoa(int(b))
}

type PS struct{ n int }

func (p *PS) String() string { return "PS" + strconv.Itoa(p.n) }

type byAgeName []Person

func (b byAgeName) Len() int { return len(b) }
func (b byAgeName) Less(i, j int) bool {
	if b[i].Age != b[j].Age {
		return b[i].Age < b[j].Age
	}
	return b[i].Name < b[j].Name
}
func (b byAgeName) Swap(i, j int) { b[i], b[j] = b[j], b[i] }

// Shift's method values go to strings.Map: through a value, a pointer and
// an interface
type Shift int

func (k Shift) Apply(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return 'a' + (r-'a'+rune(k)%26+26)%26
	}
	return r
}

type RuneMapper interface{ Apply(rune) rune }

// Chain's String recurses through fmt once per node (stacks grow inside
// fmt's frames and their deferred recovers) and panics at node bad
type Chain struct {
	next *Chain
	v    int
	bad  int
}

func (c *Chain) String() string {
	if c == nil {
		return "."
	}
	if c.v == c.bad {
		panic("chain " + strconv.Itoa(c.v))
	}
	return fmt.Sprintf("%d>%v", c.v%10, c.next)
}

func mkChain(n, bad int) *Chain {
	var c *Chain
	for i := 0; i < n; i++ {
		c = &Chain{c, i, bad}
	}
	return c
}

type IntsDesc []int

func (x IntsDesc) Len() int           { return len(x) }
func (x IntsDesc) Less(i, j int) bool { return x[i] > x[j] }
func (x IntsDesc) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// SortBy sorts a copy stably by a key: a closure of a generic function
// calling a closure it was given
func SortBy[T any, K Ordered](xs []T, key func(T) K) []T {
	c := append([]T(nil), xs...)
	sort.SliceStable(c, func(i, j int) bool { return key(c[i]) < key(c[j]) })
	return c
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Duo[A, B any] struct {
	First  A
	Second B
}

func SortedKeys[K Ordered, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

func Entries[K Ordered, V any](m map[K]V) []Pair[K, V] {
	var r []Pair[K, V]
	for _, k := range SortedKeys(m) {
		r = append(r, Pair[K, V]{k, m[k]})
	}
	return r
}

func Filter[T any](xs []T, f func(T) bool) []T {
	var r []T
	for _, x := range xs {
		if f(x) {
			r = append(r, x)
		}
	}
	return r
}

func Reduce[T, A any](xs []T, a A, f func(A, T) A) A {
	for _, x := range xs {
		a = f(a, x)
	}
	return a
}

func JoinS[T fmt.Stringer](xs []T, sep string) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(x.String())
	}
	return b.String()
}

func MaxOf[T Ordered](x T, xs ...T) T {
	for _, y := range xs {
		if y > x {
			x = y
		}
	}
	return x
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var z T
	if len(s.items) == 0 {
		return z, false
	}
	z = s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return z, true
}

func (s Stack[T]) String() string { return "stack" + fmt.Sprint(s.items) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(xs ...T) Set[T] {
	for _, x := range xs {
		s[x] = struct{}{}
	}
	return s
}

func wordCounts(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(s) {
		m[strings.ToLower(w)]++
	}
	return m
}

func errStr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func sortedInts(xs []int) []int {
	c := append([]int(nil), xs...)
	sort.Ints(c)
	return c
}

func mkPerson(i int, s string) Person {
	r := Person{Name: s, Age: i % 50, Tags: strings.Fields(s), M: map[string]int{s: i, "n": len(s)}, C: Color(i & 3), pt: Pt{i, -i}}
	r.In = Inner{N: i * 3, F: float64(i) / 8, Ok: i%2 == 0}
	r.Arr = [2]int8{int8(i), int8(-i)}
	if i%3 != 0 {
		r.At = &Pt{i, len(s)}
	}
	if i%4 == 1 {
		r.Err = fmt.Errorf("rec %d: %w", i, ErrBase)
	}
	return r
}
`

// stdWords: strings the statements split, search and replace in.
var stdWords = []string{`"the quick brown fox"`, `"  a b  c "`, `"Hello, 世界"`, `"x=1,y=22,z=333"`, `"go go GO"`, `""`, `"a,b,,c,"`, `"\t\nline1\nline2\n"`, `"ÄÖÜ äöü ß"`, `"\xff\xfeab"`, `"12"`, `"-0"`, `"0x1F"`, `"99999999999999999999"`, `"3.25"`, `"1e400"`, `"NaN"`, `"-Inf"`, `"true"`, `"  42 "`, `"0b101"`, `"1_000"`, `"+7"`, `"\"quoted\""`, `"a\u00e9\U0001F600"`}

// stdStr: a string expression: a user value most often.
// stdKeyFloat: a float64 that is not NaN, for a map fmt prints: fmt's
// sort finds two NaN keys equal and leaves them in the map's random order
func (g *gen) stdKeyFloat(d int) string {
	return "func(f float64) float64 { if f != f { return -7 }; return f }(" + g.stdFloat(d) + ")"
}

func (g *gen) stdStr(d int) string {
	if g.chance(45) {
		return stdWords[g.n(len(stdWords))]
	}
	return g.sub(tString, d)
}

func (g *gen) stdInt(d int) string {
	return "int(" + g.nonConst(intTypes[g.n(len(intTypes))], d-1) + ")"
}

func (g *gen) stdSmall(d int) string {
	return "(int(" + g.sub(tUint8, d) + ") & 7)"
}

func (g *gen) stdFloat(d int) string {
	switch g.n(8) {
	case 0:
		return []string{"math.Inf(1)", "math.Inf(-1)", "math.NaN()", "math.Copysign(0, -1)", "math.MaxFloat64", "math.SmallestNonzeroFloat64", "float64(math.MaxFloat32)", "math.Pi", "1e21", "1e20", "123456789.0", "0.000001234"}[g.n(12)]
	case 1:
		return "float64(" + g.sub(tFloat32, d) + ")"
	}
	return g.sub(tFloat64, d)
}

// fmtSpec: a random verb with flags, width and precision for a value of
// the given class ('i' integer, 'f' float, 's' string, 'b' bool, 'v' any).
func (g *gen) fmtSpec(class byte) string {
	var verbs string
	switch class {
	case 'i':
		verbs = "vdxXobcqU"
	case 'f':
		verbs = "vgeEfFGxb"
	case 's':
		verbs = "vsqxX"
	case 'b':
		verbs = "vt"
	default:
		verbs = "v"
	}
	s := "%"
	if g.chance(50) {
		for _, f := range "+-# 0" {
			if g.chance(20) {
				s += string(f)
			}
		}
	}
	if g.chance(40) {
		s += strconv.Itoa(g.n(14))
	}
	if g.chance(30) {
		s += "." + strconv.Itoa(g.n(9))
	}
	if g.chance(3) {
		return s + "d" // a wrong verb: %!d(T=...)
	}
	return s + string(verbs[g.n(len(verbs))])
}

// stdArg: a value fmt prints without addresses, with a verb for it.
func (g *gen) stdArg(d int) (string, string) {
	switch g.n(38) {
	case 0, 1, 2, 3:
		t := intTypes[g.n(len(intTypes))]
		return g.sub(t, d), g.fmtSpec('i')
	case 4, 5:
		if g.chance(50) {
			return g.sub(tFloat32, d), g.fmtSpec('f')
		}
		return g.stdFloat(d), g.fmtSpec('f')
	case 6, 7:
		return g.stdStr(d), g.fmtSpec('s')
	case 8:
		return g.sub(tBool, d), g.fmtSpec('b')
	case 9:
		return g.sub(tS, d), []string{"%v", "%+v", "%#v", "%T", "%x", "%d", "%q"}[g.n(7)]
	case 10:
		return g.sub(tArr, d), []string{"%v", "%d", "%x", "%#v", "%T", "%06d", "%+v"}[g.n(7)]
	case 11:
		return g.sub(tSlice, d), []string{"%v", "%d", "%x", "%#v", "%T", "%3d", "%X", "%o"}[g.n(8)]
	case 12:
		return g.sub(tMap, d), []string{"%v", "%d", "%#v", "%T", "%+v", "%x"}[g.n(6)]
	case 13:
		return g.sub(tPtr, d), []string{"%v", "%+v", "%s", "%#v", "%T"}[g.n(5)]
	case 14:
		return g.sub(tIface, d), []string{"%v", "%+v", "%T", "%d"}[g.n(4)]
	case 15:
		return fmt.Sprintf("fmt.Sprintf(\"%%T\", %s)", g.sub(tFunc, d)), "%s" // never the address
	case 16:
		return fmt.Sprintf("Pt{%s, %s}", g.stdInt(d), g.stdInt(d)), []string{"%v", "%+v", "%#v", "%s", "%d", "%T", "%x", "%q", "%10v"}[g.n(9)]
	case 17:
		return fmt.Sprintf("Money(%s)", g.sub(tInt64, d)), []string{"%v", "%d", "%s", "%x", "%#v", "%8v"}[g.n(6)]
	case 18:
		return fmt.Sprintf("Color(%s)", g.sub(tUint8, d)), []string{"%v", "%d", "%s", "%q", "%#v", "%T"}[g.n(6)]
	case 19:
		return fmt.Sprintf("mkPerson(%s, %s)", g.stdInt(d), g.stdStr(d)), []string{"%v", "%+v", "%s", "%q", "%x"}[g.n(5)]
	case 20:
		return fmt.Sprintf("[]Pt{{1, 2}, {%s, 3}}", g.stdInt(d)), []string{"%v", "%+v", "%#v", "%d", "%s", "%x"}[g.n(6)]
	case 21:
		return fmt.Sprintf("map[Pt]string{{1, 2}: %s, {%s, 0}: \"z\", {-1, 5}: \"m\"}", g.stdStr(d), g.stdInt(d)), []string{"%v", "%+v", "%#v", "%q"}[g.n(4)]
	case 22:
		return fmt.Sprintf("Both{%s}", g.stdInt(d)), []string{"%v", "%s", "%d", "%#v", "%q"}[g.n(5)]
	case 23:
		return fmt.Sprintf("GS{%s}", g.stdInt(d)), []string{"%v", "%#v", "%+v", "%T"}[g.n(4)]
	case 24:
		return fmt.Sprintf("Fm(%s)", g.stdInt(d)), g.fmtSpec('i')
	case 25:
		return fmt.Sprintf("Bad(%s)", []string{"-1", "0", "3", g.stdInt(d)}[g.n(4)]), []string{"%v", "%s", "%d", "%x", "%q"}[g.n(5)]
	case 26:
		if g.chance(50) {
			return "(*PS)(nil)", []string{"%v", "%s", "%+v"}[g.n(3)]
		}
		return fmt.Sprintf("&PS{%s}", g.stdInt(d)), []string{"%v", "%s", "%+v", "%q"}[g.n(4)]
	case 27:
		return fmt.Sprintf("Pair[string, int]{%s, %s}", g.stdStr(d), g.stdInt(d)), []string{"%v", "%+v", "%T", "%#v", "%s"}[g.n(5)]
	case 28:
		return fmt.Sprintf("Duo[Pt, []string]{Pt{%s, 1}, strings.Fields(%s)}", g.stdInt(d), g.stdStr(d)), []string{"%v", "%+v", "%T", "%#v"}[g.n(4)]
	case 29:
		return fmt.Sprintf("[]interface{}{%s, %s, nil, %s, Pt{}, []string{%s}}", g.stdInt(d), g.stdStr(d), g.sub(tBool, d), g.stdStr(d)), []string{"%v", "%+v", "%#v", "%T", "%d"}[g.n(5)]
	case 30:
		return fmt.Sprintf("[]byte(%s)", g.stdStr(d)), []string{"%v", "%s", "%q", "%x", "% x", "%X", "%#v", "%d"}[g.n(8)]
	case 31:
		return fmt.Sprintf("complex(%s, %s)", g.stdFloat(d), g.stdFloat(d)), []string{"%v", "%g", "%.2f", "%e", "%+.3g", "%8.1f"}[g.n(6)]
	case 34:
		return fmt.Sprintf("[]*PS{{%s}, nil, {-1}}", g.stdInt(d)), []string{"%v", "%s", "%+v", "%q"}[g.n(4)]
	case 35:
		return fmt.Sprintf("[]error{nil, ErrBase, CodeErr(%s), &MyErr{1, %s}, Both{2}}", g.stdInt(d), g.stdStr(d)), []string{"%v", "%s", "%+v", "%q", "%x"}[g.n(5)]
	case 36:
		return fmt.Sprintf("Wrapped{Pt{%s, 2}, %s}", g.stdInt(d), g.stdStr(d)), []string{"%v", "%s", "%+v", "%#v", "%d", "%T"}[g.n(6)]
	case 37:
		return fmt.Sprintf("map[string]Pt{%s: {1, 1}, \"\\x02\": {%s, 0}}", g.stdStr(d), g.stdInt(d)), []string{"%v", "%s", "%+v", "%#v", "%d"}[g.n(5)]
	case 32:
		return fmt.Sprintf("map[string][]int{%s: %s, \"\\x01b\": nil, \"\\x01a\": {1}}", g.stdStr(d), g.sub(tSlice, d)), []string{"%v", "%+v", "%#v", "%d"}[g.n(4)]
	}
	return fmt.Sprintf("struct {\n\t\tA int8\n\t\tb []string\n\t\tC Inner\n\t\tD [2]bool\n\t}{%s, []string{%s}, Inner{%s, %s, true}, [2]bool{%s}}", g.sub(intTypes[1], d), g.stdStr(d), g.stdInt(d), g.stdFloat(d), g.sub(tBool, d)), []string{"%v", "%+v", "%#v", "%T"}[g.n(4)]
}

// stdExpr: an expression of type t calling the standard library.
func (g *gen) stdExpr(t *typ, d int) (string, bool) {
	d--
	switch t.k {
	case kInt:
		var e string
		switch g.n(14) {
		case 0:
			e = fmt.Sprintf("strings.Index(%s, %s)", g.stdStr(d), g.stdStr(d))
		case 1:
			e = fmt.Sprintf("strings.Count(%s, %s)", g.stdStr(d), []string{`"o"`, `""`, `" "`, `"go"`}[g.n(4)])
		case 2:
			e = fmt.Sprintf("strings.Compare(%s, %s)", g.stdStr(d), g.stdStr(d))
		case 3:
			e = fmt.Sprintf("len(strings.Split(%s, %s))", g.stdStr(d), []string{`","`, `""`, `" "`}[g.n(3)])
		case 4:
			e = fmt.Sprintf("utf8.RuneCountInString(%s)", g.stdStr(d))
		case 5:
			e = fmt.Sprintf("strings.LastIndexByte(%s, %s)", g.stdStr(d), g.sub(tUint8, d))
		case 6:
			e = fmt.Sprintf("sort.SearchInts(sortedInts(%s), %s)", g.sub(tSlice, d), g.stdInt(d))
		case 7:
			e = fmt.Sprintf("func() int { n, err := strconv.Atoi(%s); if err != nil { return -len(err.Error()) }; return n }()", g.stdStr(d))
		case 8:
			e = fmt.Sprintf("strings.IndexFunc(%s, unicode.IsSpace)", g.stdStr(d))
		case 9:
			e = fmt.Sprintf("bytes.Count([]byte(%s), []byte(%s))", g.stdStr(d), []string{`"a"`, `""`, `"\xff"`}[g.n(3)])
		case 10:
			e = fmt.Sprintf("len(fmt.Sprint(%s))", g.stdArgOnly(d))
		case 11:
			e = fmt.Sprintf("Reduce(%s, 0, func(a, x int) int { return a*3 + x })", g.sub(tSlice, d))
		case 12:
			e = fmt.Sprintf("MaxOf(%s, %s, %s)", g.stdInt(d), g.stdInt(d), g.stdInt(d))
		default:
			e = fmt.Sprintf("int(math.Float64bits(%s) >> %d)", g.stdFloat(d), g.n(64))
		}
		return t.name + "(" + e + ")", true
	case kFloat:
		var e string
		switch g.n(5) {
		case 0:
			e = fmt.Sprintf("math.Floor(%s)", g.stdFloat(d))
		case 1:
			e = fmt.Sprintf("math.Sqrt(math.Abs(%s))", g.stdFloat(d))
		case 2:
			e = fmt.Sprintf("func() float64 { f, err := strconv.ParseFloat(%s, 64); if err != nil { return -1 }; return f }()", g.stdStr(d))
		case 3:
			e = fmt.Sprintf("math.Trunc(%s)", g.stdFloat(d))
		default:
			e = fmt.Sprintf("math.Copysign(%s, %s)", g.stdFloat(d), g.stdFloat(d))
		}
		return t.name + "(" + e + ")", true
	case kBool:
		switch g.n(7) {
		case 0:
			return fmt.Sprintf("strings.Contains(%s, %s)", g.stdStr(d), g.stdStr(d)), true
		case 1:
			return fmt.Sprintf("strings.HasPrefix(%s, %s)", g.stdStr(d), g.stdStr(d)), true
		case 2:
			return fmt.Sprintf("strings.EqualFold(%s, %s)", g.stdStr(d), g.stdStr(d)), true
		case 3:
			return fmt.Sprintf("sort.IntsAreSorted(%s)", g.sub(tSlice, d)), true
		case 4:
			return fmt.Sprintf("utf8.ValidString(%s)", g.stdStr(d)), true
		case 5:
			return fmt.Sprintf("math.Signbit(%s)", g.stdFloat(d)), true
		}
		return fmt.Sprintf("strings.ContainsRune(%s, rune(%s))", g.stdStr(d), g.sub(tInt32, d)), true
	case kString:
		switch g.n(16) {
		case 0, 1:
			a, v := g.stdArg(d)
			return fmt.Sprintf("fmt.Sprintf(%q, %s)", v, a), true
		case 2:
			return fmt.Sprintf("fmt.Sprint(%s, %s)", g.stdArgOnly(d), g.stdArgOnly(d)), true
		case 3:
			return fmt.Sprintf("strings.ToUpper(%s)", g.stdStr(d)), true
		case 4:
			return fmt.Sprintf("strings.Repeat(%s, %s)", g.stdStr(d), g.stdSmall(d)), true
		case 5:
			return fmt.Sprintf("strings.ReplaceAll(%s, %s, %s)", g.stdStr(d), []string{`"o"`, `""`, `" "`, `"go"`}[g.n(4)], g.stdStr(d)), true
		case 6:
			return fmt.Sprintf("strings.Join(strings.Fields(%s), %s)", g.stdStr(d), g.stdStr(d)), true
		case 7:
			return fmt.Sprintf("strconv.Itoa(%s)", g.stdInt(d)), true
		case 8:
			return fmt.Sprintf("strconv.Quote(%s)", g.stdStr(d)), true
		case 9:
			return fmt.Sprintf("strconv.FormatFloat(%s, '%c', %d, %d)", g.stdFloat(d), "efgbxEG"[g.n(7)], g.n(8)-1, []int{32, 64}[g.n(2)]), true
		case 10:
			return fmt.Sprintf("string(strconv.AppendInt([]byte(%s), int64(%s), %d))", g.stdStr(d), g.stdInt(d), 2+g.n(35)), true
		case 11:
			return fmt.Sprintf("strings.Map(func(r rune) rune { if r == '%c' { return -1 }; if unicode.IsLower(r) { return unicode.ToUpper(r) }; return r + %d }, %s)", "aeo "[g.n(4)], g.n(3), g.stdStr(d)), true
		case 12:
			return fmt.Sprintf("strings.TrimSpace(%s)", g.stdStr(d)), true
		case 13:
			return fmt.Sprintf("strings.NewReplacer(\"a\", \"4\", \"e\", \"3\", %s, \"<>\").Replace(%s)", g.stdStr(d), g.stdStr(d)), true
		case 14:
			return fmt.Sprintf("errStr(fmt.Errorf(\"e%%d: %%w\", %s, ErrBase))", g.stdInt(d)), true
		}
		switch g.n(4) {
		case 0:
			return fmt.Sprintf("strings.Map(Shift(%s).Apply, %s)", g.stdInt(d), g.stdStr(d)), true
		case 1:
			return fmt.Sprintf("strings.Map((&[]Shift{Shift(%s)}[0]).Apply, %s)", g.stdInt(d), g.stdStr(d)), true
		case 2:
			return fmt.Sprintf("strings.Map(RuneMapper(Shift(%s)).Apply, %s)", g.stdInt(d), g.stdStr(d)), true
		}
		return fmt.Sprintf("strings.ToLower(strings.Map(unicode.ToTitle, %s))", g.stdStr(d)), true
	case kSlice:
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("sortedInts(%s)", g.sub(tSlice, d)), true
		case 1:
			return fmt.Sprintf("Filter(%s, func(x int) bool { return x%%%d != 0 })", g.sub(tSlice, d), 2+g.n(3)), true
		}
		return fmt.Sprintf("[]int{len(strings.Fields(%s)), strings.IndexByte(%s, 'a')}", g.stdStr(d), g.stdStr(d)), true
	case kMap:
		return fmt.Sprintf("wordCounts(%s)", g.stdStr(d)), true
	case kStruct:
		return fmt.Sprintf("S{A: int64(len(%s)), B: fmt.Sprint(%s), C: [2]uint8{%d, 1}}", g.stdStr(d), g.stdArgOnly(d), g.n(256)), true
	}
	return "", false
}

func (g *gen) stdArgOnly(d int) string {
	a, _ := g.stdArg(d)
	return a
}

// stdStmt: a statement calling the standard library, printing through fmt.
func (g *gen) stdStmt() {
	d := 2
	switch g.n(20) {
	case 0, 1, 2:
		g.stdPrintf(d)
	case 3:
		var as []string
		for i := 0; i < 1+g.n(4); i++ {
			as = append(as, g.stdArgOnly(d))
		}
		fn := []string{"fmt.Println", "fmt.Print", "fmt.Println"}[g.n(3)]
		g.p("%s(%s)", fn, strings.Join(as, ", "))
		if fn == "fmt.Print" {
			g.p("fmt.Println()")
		}
	case 4:
		g.stdErrorsStmt(d)
	case 5:
		g.stdStringsStmt(d)
	case 6:
		g.stdStrconvStmt(d)
	case 7:
		g.stdSortStmt(d)
	case 8:
		g.stdMapStmt(d)
	case 9:
		g.stdBuilderStmt(d)
	case 10:
		g.stdUtf8Stmt(d)
	case 11:
		g.stdMathStmt(d)
	case 12:
		g.stdGenericStmt(d)
	case 13:
		g.stdBytesStmt(d)
	case 14:
		g.stdRecStmt(d)
	case 15: // a standard-library value into a user variable
		t := g.pick()
		vs := g.vars(t, true)
		e, ok := g.stdExpr(t, d+1)
		if !ok {
			e = g.sub(t, d)
		}
		if len(vs) > 0 {
			g.p("%s = %s", vs[g.n(len(vs))].name, fresh(t, e))
		} else {
			g.p("cs += %s", g.hash(e, t))
		}
	case 17:
		c := g.newName("chain")
		g.p("%s := fmt.Sprint(mkChain(%d, %s))", c, 1+g.n(3000), []string{"-1", "5", strconv.Itoa(g.n(3000))}[g.n(3)])
		g.p("fmt.Println(len(%s), %s[:len(%s)/%d], strings.LastIndex(%s, \"(\"))", c, c, c, 1+g.n(100), c)
	case 16:
		g.p("fmt.Printf(%q)", []string{"%d %s\n", "%!\n", "%z %-+# 0v\n", "100%%\n", "%[2]d %[1]d\n", "%*d|\n", "%.*f|\n", "%[3]v\n"}[g.n(8)])
		g.p("fmt.Printf(\"%%d %%s %%v|%%[1]v %%*d\\n\", %s, %s, %s)", g.stdInt(d), g.stdStr(d), g.stdInt(d)) // %*d: a width from the string, %d of the int
	default:
		t := g.pick()
		e, ok := g.stdExpr(t, d+1)
		if ok {
			g.p("fmt.Println(%q, %s)", t.name, g.hashOrSelf(e, t))
		} else {
			g.stdPrintf(d)
		}
	}
}

// hashOrSelf: what fmt can print of a value of the generator's type t.
func (g *gen) hashOrSelf(e string, t *typ) string {
	if t.k == kFunc {
		return g.hash(e, t)
	}
	return e
}

func (g *gen) stdPrintf(d int) {
	var as, vs []string
	for i := 0; i < 1+g.n(4); i++ {
		a, v := g.stdArg(d)
		as = append(as, a)
		vs = append(vs, v)
	}
	if g.chance(5) { // a missing or an extra argument
		if g.chance(50) {
			vs = append(vs, "%v")
		} else {
			as = append(as, "7")
		}
	}
	f := "|" + strings.Join(vs, "|") + "|\n"
	switch g.n(4) {
	case 0:
		g.p("fmt.Print(fmt.Sprintf(%q, %s))", f, strings.Join(as, ", "))
	case 1:
		g.p("fmt.Println(fmt.Errorf(%q, %s))", strings.TrimSuffix(f, "\n"), strings.Join(as, ", "))
	default:
		g.p("fmt.Printf(%q, %s)", f, strings.Join(as, ", "))
	}
}

func (g *gen) stdErrorsStmt(d int) {
	e0 := g.newName("err")
	switch g.n(4) {
	case 0:
		g.p("var %s error = ErrBase", e0)
	case 1:
		g.p("var %s error = &MyErr{%s, %s}", e0, g.stdInt(d), g.stdStr(d))
	case 2:
		g.p("var %s error = CodeErr(%s)", e0, g.stdInt(d))
	default:
		g.p("_, %s := strconv.Atoi(%s)", e0, g.stdStr(d))
	}
	e := e0
	for i := 0; i < g.n(4); i++ {
		w := g.newName("err")
		switch g.n(4) {
		case 0:
			g.p("%s := fmt.Errorf(\"layer %d (%%d): %%w\", %s, %s)", w, i, g.stdInt(d), e)
		case 1:
			g.p("%s := fmt.Errorf(\"%%v / %%w\", %s, %s)", w, g.stdArgOnly(d), e)
		case 2:
			g.p("%s := fmt.Errorf(\"flat %%v\", %s)", w, e) // no wrapping
		default:
			g.p("%s := fmt.Errorf(\"two %%w %%w\", %s, ErrOther)", w, e)
		}
		e = w
	}
	g.p("fmt.Println(%s, errors.Is(%s, ErrBase), errors.Is(%s, ErrOther), errors.Is(%s, %s))", e, e, e, e, e0)
	g.p("fmt.Printf(\"%%v|%%s|%%q|%%T\\n\", %s, %s, %s, %s)", e, e, e, e)
	me := g.newName("me")
	g.p("var %s *MyErr", me)
	g.p("if errors.As(%s, &%s) {", e, me)
	g.p("\tfmt.Println(\"as MyErr\", %s.Code, %s.Msg, %s)", me, me, me)
	g.p("}")
	ce := g.newName("ce")
	g.p("var %s CodeErr", ce)
	g.p("fmt.Println(errors.As(%s, &%s), %s, int(%s))", e, ce, ce, ce)
	ne := g.newName("ne")
	g.p("var %s *strconv.NumError", ne)
	g.p("if errors.As(%s, &%s) {", e, ne)
	g.p("\tfmt.Println(\"num\", %s.Func, %q+%s.Num, %s.Err, %s.Err == strconv.ErrSyntax, errors.Is(%s, strconv.ErrRange))", ne, "", ne, ne, ne, e)
	g.p("}")
	g.p("for u := %s; u != nil; u = errors.Unwrap(u) {", e)
	g.p("\tfmt.Printf(\"unwrap %%T %%v\\n\", u, u)")
	g.p("}")
	g.p("cs += hstr(errStr(%s))", e)
}

func (g *gen) stdStringsStmt(d int) {
	s := g.newName("s")
	g.p("%s := %s", s, g.stdStr(d))
	sep := []string{`","`, `" "`, `""`, `"o"`, `"=="`}[g.n(5)]
	switch g.n(8) {
	case 6, 7: // long strings: the searches' long paths
		l := g.newName("long")
		g.p("%s := strings.Repeat(%s+%s, %d) + %s", l, s, g.stdStr(d), 2+g.n(60), g.stdStr(d))
		pat := g.newName("pat")
		g.p("%s := %s[%s%%(len(%s)+1):]", pat, l, g.stdSmall(d)+"*"+strconv.Itoa(1+g.n(50)), l)
		g.p("if len(%s) > %d {", pat, 1+g.n(70))
		g.p("	%s = %s[:len(%s)/2]", pat, pat, pat)
		g.p("}")
		g.p("fmt.Println(len(%s), strings.Index(%s, %s), strings.LastIndex(%s, %s), strings.Count(%s, %s), strings.Contains(%s, %s+\"!\"), strings.Index(%s, %s+%s))", l, l, pat, l, pat, l, pat, l, pat, l, s, pat)
		g.p("fmt.Println(bytes.Index([]byte(%s), []byte(%s)), strings.IndexAny(%s, \"!?\"), strings.EqualFold(%s, strings.ToUpper(%s)), len(strings.Split(%s, %s)), strings.Compare(%s, %s+\"\\x00\"))", l, pat, l, l, l, l, sep, l, l)
	case 0:
		parts := g.newName("parts")
		g.p("%s := strings.Split(%s, %s)", parts, s, sep)
		g.p("fmt.Printf(\"%%d %%q\\n\", len(%s), %s)", parts, parts)
		g.p("fmt.Println(strings.Join(%s, \"+\"), strings.SplitN(%s, %s, 2), strings.SplitAfter(%s, %s))", parts, s, sep, s, sep)
		g.p("fmt.Printf(\"%%q %%q\\n\", strings.Fields(%s), strings.FieldsFunc(%s, func(r rune) bool { return r == ',' || r == '=' }))", s, s)
	case 1:
		g.p("fmt.Println(strings.Index(%s, %s), strings.LastIndex(%s, %s), strings.IndexAny(%s, \"aeiou\"), strings.IndexRune(%s, 'o'), strings.IndexByte(%s, ','))", s, sep, s, sep, s, s, s)
		g.p("fmt.Println(strings.Contains(%s, %s), strings.ContainsAny(%s, \"xyz\"), strings.ContainsRune(%s, '界'), strings.HasSuffix(%s, %s), strings.Count(%s, %s))", s, sep, s, s, s, sep, s, sep)
	case 2:
		g.p("fmt.Printf(\"[%%s][%%s][%%s][%%s][%%s][%%s]\\n\", strings.Trim(%s, \" ,\"), strings.TrimLeft(%s, \"the \"), strings.TrimRight(%s, \"\\n\"), strings.TrimPrefix(%s, \"the\"), strings.TrimSuffix(%s, \"c \"), strings.TrimFunc(%s, unicode.IsLetter))", s, s, s, s, s, s)
		g.p("fmt.Printf(\"%%q %%q %%q %%v\\n\", strings.ToUpper(%s), strings.ToLower(%s), strings.ToTitle(%s), strings.EqualFold(%s, strings.ToUpper(%s)))", s, s, s, s, s)
	case 3:
		b, a, f := g.newName("before"), g.newName("after"), g.newName("found")
		g.p("%s, %s, %s := strings.Cut(%s, %s)", b, a, f, s, sep)
		g.p("fmt.Printf(\"cut %%q %%q %%v\\n\", %s, %s, %s)", b, a, f)
		g.p("fmt.Println(strings.Compare(%s, %s), strings.Compare(%s, %s), %s < %s)", b, a, s, g.stdStr(d), a, b)
	case 4:
		g.p("fmt.Println(strings.Replace(%s, %s, \"_\", %d), strings.ReplaceAll(%s, \"o\", \"00\"), strings.Repeat(%s, %s))", s, sep, g.n(4)-1, s, s, g.stdSmall(d))
		g.p("fmt.Println(strings.NewReplacer(\"a\", \"1\", \"b\", \"2\", \" \", \"\", \"go\", \"Go\").Replace(%s), strings.NewReplacer(\"\", \"|\").Replace(%s))", s, s)
		// the replacer's four algorithms: byte to byte, byte to string,
		// one string, the generic trie
		var pairs []string
		olds := []string{`"a"`, `"o"`, `" "`, `"\xff"`, `"go"`, `"ab"`, `"é"`, `"\n"`, `","`, `"1"`}
		news := []string{`"A"`, `"0"`, `"_"`, `""`, `"<<"`, `"xyz"`, `"e"`}
		for i := 0; i < 1+g.n(4); i++ {
			pairs = append(pairs, olds[g.n(len(olds))], news[g.n(len(news))])
		}
		r := g.newName("rep")
		g.p("%s := strings.NewReplacer(%s)", r, strings.Join(pairs, ", "))
		g.p("fmt.Printf(\"%%q %%q\\n\", %s.Replace(%s), %s.Replace(strings.Repeat(%s, %d)))", r, s, r, s, 1+g.n(20))
		g.p("if n, err := %s.WriteString(new(strings.Builder), %s); true {", r, s)
		g.p("\tfmt.Println(n, err)")
		g.p("}")
	default:
		g.p("fmt.Printf(\"%%q\\n\", strings.Map(func(r rune) rune { switch { case r == ' ': return -1; case unicode.IsDigit(r): return r + 1; case r >= 0x80: return '?' }; return unicode.ToUpper(r) }, %s))", s)
		g.p("fmt.Println(strings.ToValidUTF8(%s, \"\\uFFFD\"), len(%s))", s, s)
	}
	g.p("cs += hstr(%s)", s)
}

func (g *gen) stdStrconvStmt(d int) {
	s := g.newName("s")
	g.p("%s := %s", s, g.stdStr(d))
	switch g.n(5) {
	case 0:
		n, err := g.newName("n"), g.newName("err")
		g.p("%s, %s := strconv.Atoi(%s)", n, err, s)
		g.p("fmt.Println(%s, %s)", n, err)
		g.p("cs += uint64(%s)", n)
	case 1:
		n, err := g.newName("n"), g.newName("err")
		base, bits := []int{0, 2, 8, 10, 16, 36}[g.n(6)], []int{0, 8, 16, 32, 64}[g.n(5)]
		if g.chance(50) {
			g.p("%s, %s := strconv.ParseInt(%s, %d, %d)", n, err, s, base, bits)
		} else {
			g.p("%s, %s := strconv.ParseUint(%s, %d, %d)", n, err, s, base, bits)
		}
		g.p("fmt.Printf(\"%%d %%v %%x\\n\", %s, %s, %s)", n, err, n)
		g.p("cs += uint64(%s)", n)
	case 2:
		f, err := g.newName("f"), g.newName("err")
		g.p("%s, %s := strconv.ParseFloat(%s, %d)", f, err, s, []int{32, 64}[g.n(2)])
		g.p("fmt.Println(%s, %s, strconv.FormatFloat(%s, 'g', -1, 64), math.Float64bits(%s))", f, err, f, f)
		bv, err2 := g.newName("b"), g.newName("err")
		g.p("%s, %s := strconv.ParseBool(%s)", bv, err2, s)
		g.p("fmt.Println(%s, %s)", bv, err2)
	case 3:
		g.p("fmt.Println(strconv.Quote(%s), strconv.QuoteToASCII(%s), strconv.QuoteRune(rune(%s)), strconv.CanBackquote(%s))", s, s, g.sub(tInt32, d), s)
		u, err := g.newName("u"), g.newName("err")
		g.p("%s, %s := strconv.Unquote(%s)", u, err, s)
		g.p("fmt.Printf(\"%%q %%v\\n\", %s, %s)", u, err)
	default:
		b := g.newName("buf")
		g.p("%s := []byte(%s)", b, s)
		g.p("%s = strconv.AppendInt(%s, int64(%s), %d)", b, b, g.stdInt(d), 2+g.n(35))
		g.p("%s = strconv.AppendQuote(%s, %s)", b, b, g.stdStr(d))
		g.p("%s = strconv.AppendBool(%s, %s)", b, b, g.sub(tBool, d))
		g.p("%s = strconv.AppendFloat(%s, %s, 'e', %d, 64)", b, b, g.stdFloat(d), g.n(6)-1)
		g.p("fmt.Printf(\"%%s|%%d\\n\", %s, len(%s))", b, b)
		g.p("fmt.Println(strconv.FormatInt(int64(%s), %d), strconv.FormatUint(uint64(%s), 2), strconv.Itoa(%s))", g.stdInt(d), 2+g.n(35), g.sub(tUint64, d), g.stdInt(d))
	}
	g.p("cs += hstr(%s)", s)
}

func (g *gen) stdSortStmt(d int) {
	switch g.n(11) {
	case 9, 10: // long inputs: pdqsort's patterns, insertion sort's limit, heapsort's fallback
		c := g.newName("c")
		n, k, m := 13+g.n(300), 1+g.n(40), 1+g.n(500)
		g.p("%s := make([]int, 0, %d)", c, n)
		g.p("for i, x := 0, %s; i < %d; i++ {", g.stdInt(d), n)
		switch g.n(4) {
		case 0:
			g.p("\t%s = append(%s, (i*%d+x)%%%d)", c, c, k, m)
		case 1:
			g.p("\t%s = append(%s, %d-i+x%%3)", c, c, n)
		case 2:
			g.p("\t%s = append(%s, (i*i*%d)^x)", c, c, k)
		default:
			g.p("\t%s = append(%s, (i+x)%%%d)", c, c, 1+g.n(5))
		}
		g.p("}")
		c2 := g.newName("c")
		g.p("%s := append([]int(nil), %s...)", c2, c)
		g.p("sort.Ints(%s)", c)
		g.p("sort.SliceStable(%s, func(i, j int) bool { return %s[i]%%%d < %s[j]%%%d })", c2, c2, 2+g.n(9), c2, 2+g.n(9))
		ws := g.newName("ws")
		g.p("%s := strings.Fields(strings.Repeat(%s+\" \"+%s+\" \", %d))", ws, g.stdStr(d), g.stdStr(d), 3+g.n(40))
		g.p("sort.Sort(sort.Reverse(byLen(%s)))", ws)
		g.p("fmt.Println(len(%s), hsl(%s), hsl(%s), %s[:3], %s[len(%s)-3:], sort.IntsAreSorted(%s), len(%s), strings.Join(%s[:len(%s)/4], \",\"))", c, c, c2, c, c2, c2, c, ws, ws, ws)
	case 7:
		c := g.newName("c")
		g.p("%s := IntsDesc(cloneSl(%s))", c, g.sub(tSlice, d))
		g.p("sort.Sort(%s)", c)
		g.p("fmt.Println(%s, sort.IsSorted(%s), sort.Search(len(%s), func(i int) bool { return %s[i] <= %s }))", c, c, c, c, g.stdInt(d))
		g.p("cs += hsl(%s)", c)
	case 8:
		ss := g.newName("ss")
		g.p("%s := []S{%s, %s, %s}", ss, g.sub(tS, d), g.sub(tS, d), g.sub(tS, d))
		key := []string{"func(s S) string { return s.B }", "func(s S) int64 { return -s.A }", "func(s S) uint8 { return s.C[1] }", "func(s S) int { return len(s.B) }"}[g.n(4)]
		g.p("fmt.Printf(\"%%v\\n%%v\\n\", SortBy(%s, %s), %s)", ss, key, ss)
		ps := g.newName("ps")
		g.p("%s := SortBy([]Person{mkPerson(%s, %s), mkPerson(1, \"b\"), mkPerson(%s, \"a\")}, func(p Person) string { return p.Name + fmt.Sprint(p.C) })", ps, g.stdInt(d), g.stdStr(d), g.stdInt(d))
		g.p("fmt.Printf(\"%%v\\n\", %s)", ps)
	case 0:
		c := g.newName("c")
		g.p("%s := cloneSl(%s)", c, g.sub(tSlice, d))
		g.p("sort.Ints(%s)", c)
		g.p("fmt.Println(%s, sort.IntsAreSorted(%s), sort.SearchInts(%s, %s))", c, c, c, g.stdInt(d))
		g.p("sort.Sort(sort.Reverse(sort.IntSlice(%s)))", c)
		g.p("fmt.Println(%s, sort.IsSorted(sort.IntSlice(%s)))", c, c)
		g.p("cs += hsl(%s)", c)
	case 1:
		w := g.newName("w")
		g.p("%s := strings.Fields(%s + \" \" + %s + \" \" + %s)", w, g.stdStr(d), g.stdStr(d), g.stdStr(d))
		g.p("sort.Strings(%s)", w)
		g.p("fmt.Printf(\"%%q %%v %%d\\n\", %s, sort.StringsAreSorted(%s), sort.SearchStrings(%s, %s))", w, w, w, g.stdStr(d))
		g.p("sort.Stable(byLen(%s))", w)
		g.p("fmt.Printf(\"%%q\\n\", %s)", w)
	case 2:
		c := g.newName("c")
		k := g.n(5) + 2
		g.p("%s := cloneSl(%s)", c, g.sub(tSlice, d))
		g.p("sort.SliceStable(%s, func(i, j int) bool { return %s[i]%%%d < %s[j]%%%d })", c, c, k, c, k)
		g.p("fmt.Println(%s)", c)
		g.p("sort.Slice(%s, func(i, j int) bool { return %s[i] > %s[j] })", c, c, c)
		g.p("fmt.Println(%s, sort.SliceIsSorted(%s, func(i, j int) bool { return %s[i] > %s[j] }))", c, c, c, c)
		g.p("cs += hsl(%s)", c)
	case 3:
		rs := g.newName("recs")
		g.p("%s := []Person{mkPerson(%s, %s), mkPerson(%s, \"bob\"), mkPerson(3, \"al\"), mkPerson(53, \"al\"), mkPerson(%s, %s)}", rs, g.stdInt(d), g.stdStr(d), g.stdInt(d), g.stdInt(d), g.stdStr(d))
		g.p("sort.Sort(byAgeName(%s))", rs)
		g.p("for _, r := range %s {", rs)
		g.p("\tfmt.Printf(\"%%-8q %%3d %%v %%v\\n\", r.Name, r.Age, r.C, r.At)")
		g.p("}")
		g.p("i := sort.Search(len(%s), func(i int) bool { return %s[i].Age >= %d })", rs, rs, g.n(50))
		g.p("fmt.Println(i, sort.IsSorted(byAgeName(%s)))", rs)
	case 4:
		ss := g.newName("ss")
		g.p("%s := make([]S, 0, 4)", ss)
		for i := 0; i < 2+g.n(4); i++ {
			g.p("%s = append(%s, %s)", ss, ss, g.sub(tS, d))
		}
		g.p("sort.SliceStable(%s, func(i, j int) bool { return %s[i].B < %s[j].B })", ss, ss, ss)
		g.p("fmt.Printf(\"%%v\\n%%+v\\n\", %s, %s)", ss, ss)
		g.p("for _, s := range %s {", ss)
		g.p("\tcs = cs*3 + hS(s)")
		g.p("}")
	case 5:
		ps := g.newName("ps")
		g.p("%s := []Pt{{%s, 1}, {2, %s}, {-1, -1}, {%s, %s}}", ps, g.stdInt(d), g.stdInt(d), g.stdInt(d), g.stdInt(d))
		g.p("sort.Slice(%s, func(i, j int) bool { if %s[i].X != %s[j].X { return %s[i].X < %s[j].X }; return %s[i].Y < %s[j].Y })", ps, ps, ps, ps, ps, ps, ps)
		g.p("fmt.Println(%s, JoinS(%s, \";\"))", ps, ps)
	default:
		fs := g.newName("fs")
		g.p("%s := []float64{%s, %s, %s, -0.5, 2}", fs, g.stdFloat(d), g.stdFloat(d), g.stdFloat(d))
		g.p("%s = Filter(%s, func(f float64) bool { return f == f })", fs, fs)
		g.p("sort.Float64s(%s)", fs)
		g.p("fmt.Printf(\"%%v %%.3g %%v\\n\", %s, %s, sort.Float64sAreSorted(%s))", fs, fs, fs)
	}
}

func (g *gen) stdMapStmt(d int) {
	switch g.n(5) {
	case 0:
		m := g.newName("m")
		g.p("%s := wordCounts(%s + \" \" + %s + \" \" + %s)", m, g.stdStr(d), g.stdStr(d), g.stdStr(d))
		g.p("fmt.Println(%s, len(%s))", m, m)
		g.p("for _, k := range SortedKeys(%s) {", m)
		g.p("\tfmt.Printf(\"%%q:%%d \", k, %s[k])", m)
		g.p("}")
		g.p("fmt.Println()")
		g.p("cs += hm(%s)", m)
	case 1:
		m := g.newName("m")
		g.p("%s := map[int]string{}", m)
		g.p("for i, x := range %s {", g.sub(tSlice, d))
		g.p("\t%s[x%%%d] += strconv.Itoa(i)", m, 2+g.n(5))
		g.p("}")
		g.p("fmt.Printf(\"%%v %%d %%#v\\n\", %s, len(%s), %s)", m, m, m)
		g.p("fmt.Println(Entries(%s))", m)
	case 2:
		m := g.newName("m")
		g.p("%s := map[Pt][]string{}", m)
		g.p("for i, w := range strings.Fields(%s + \" \" + %s) {", g.stdStr(d), g.stdStr(d))
		g.p("\tp := Pt{i %% 3, len(w) %% 2}")
		g.p("\t%s[p] = append(%s[p], w)", m, m)
		g.p("}")
		g.p("fmt.Printf(\"%%v\\n%%+v\\n\", %s, %s)", m, m)
	case 3:
		m := g.newName("m")
		g.p("%s := map[float64]string{math.NaN(): \"nan\", math.Inf(-1): \"-inf\", id_float64(%s): \"x\", 0: \"zero\", id_float64(%s): \"y\"}", m, g.stdKeyFloat(d), g.stdKeyFloat(d))
		g.p("fmt.Println(%s, len(%s))", m, m)
		m2 := g.newName("m")
		g.p("%s := map[[2]int]bool{{1, 2}: true, {%s, 0}: false, {-1, %s}: true}", m2, g.stdInt(d), g.stdInt(d))
		g.p("fmt.Println(%s)", m2)
		m3 := g.newName("m")
		g.p("%s := map[Color]Money{Color(id_uint8(%s)): Money(%s), 1: 250, 7: -5}", m3, g.sub(tUint8, d), g.sub(tInt64, d))
		g.p("fmt.Println(%s)", m3)
		g.p("fmt.Printf(\"%%v %%d\\n\", map[bool]int{true: 1, false: 0}, map[string]Set[int]{\"s\": Set[int]{}.Add(3, 1, 2)})")
	default:
		m := g.newName("m")
		g.p("%s := map[string]int{}", m)
		g.p("for i := 0; i < %d; i++ {", 5+g.n(60))
		g.p("\t%s[strconv.Itoa(i*%d%%17)] += i", m, 1+g.n(9))
		g.p("}")
		g.p("delete(%s, \"3\")", m)
		g.p("ks := make([]string, 0, len(%s))", m)
		g.p("for k := range %s {", m)
		g.p("\tks = append(ks, k)")
		g.p("}")
		g.p("sort.Strings(ks)")
		g.p("fmt.Println(ks, %s)", m)
		g.p("cs += hm(%s)", m)
	}
}

func (g *gen) stdBuilderStmt(d int) {
	b := g.newName("b")
	g.p("var %s strings.Builder", b)
	g.p("for i := 0; i < %d; i++ {", 1+g.n(6))
	g.p("\t%s.WriteString(%s)", b, g.stdStr(d))
	g.p("\t%s.WriteByte(byte('a' + i))", b)
	g.p("\t%s.WriteRune(rune(0x4e16 + i))", b)
	g.p("\tfmt.Fprintf(&%s, \"<%%d:%%v>\", i, %s)", b, g.stdArgOnly(d))
	g.p("}")
	g.p("fmt.Println(%s.Len(), %s.String())", b, b)
	g.p("cs += hstr(%s.String())", b)
}

func (g *gen) stdUtf8Stmt(d int) {
	s := g.newName("s")
	g.p("%s := %s", s, g.stdStr(d))
	g.p("for i, r := range %s {", s)
	g.p("\tfmt.Printf(\"%%d:%%c:%%U:%%q:%%d \", i, r, r, r, utf8.RuneLen(r))")
	g.p("}")
	g.p("fmt.Println(utf8.RuneCountInString(%s), utf8.ValidString(%s))", s, s)
	g.p("if r, n := utf8.DecodeRuneInString(%s); true {", s)
	g.p("\tfmt.Println(r, n, r == utf8.RuneError)")
	g.p("}")
	r32 := g.sub(tInt32, d)
	g.p("if r, n := utf8.DecodeLastRuneInString(%s); true {", s)
	g.p("\tbuf := make([]byte, 4)")
	g.p("\tk := utf8.EncodeRune(buf, r+%d)", g.n(3))
	g.p("\tfmt.Println(r, n, buf[:k], utf8.AppendRune(nil, rune(%s)), unicode.IsUpper(r), unicode.IsLetter(r))", r32)
	g.p("}")
	g.p("cs += hstr(%s)", s)
}

func (g *gen) stdMathStmt(d int) {
	f := g.newName("f")
	g.p("%s := %s", f, g.stdFloat(d))
	g.p("fmt.Printf(\"%%v %%g %%e %%08.3f %%x %%b\\n\", %s, %s, %s, %s, %s, %s)", f, f, f, f, f, f)
	g.p("fmt.Println(math.Float64bits(%s), math.Float32bits(float32(%s)), math.IsNaN(%s), math.IsInf(%s, 0), math.Signbit(%s))", f, f, f, f, f)
	g.p("fmt.Println(math.Floor(%s), math.Ceil(%s), math.Trunc(%s), math.Abs(%s), math.Sqrt(%s), math.Max(%s, 1), math.Min(%s, -1))", f, f, f, f, f, f, f)
	g.p("fmt.Printf(\"%%d %%d %%d %%d %%x %%v\\n\", math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxInt8, uint32(math.MaxUint32), math.MaxFloat32)")
	g.p("fmt.Println(%s, math.Float64frombits(math.Float64bits(%s)^(1<<63)), int64(math.Float64bits(%s)) < 0)", f, f, f)
	g.p("cs += uint64(f2i(%s))", f)
}

func (g *gen) stdGenericStmt(d int) {
	switch g.n(4) {
	case 0:
		st := g.newName("st")
		k := g.n(4)
		g.p("var %s Stack[%s]", st, []string{"int", "string", "Pt", "Money"}[k])
		g.p("for i := 0; i < %d; i++ {", 1+g.n(5))
		g.p("\t%s.Push(%s)", st, []string{"i * 3", "strconv.Itoa(i)", "Pt{i, -i}", "Money(i * 150)"}[k])
		g.p("}")
		x, ok := g.newName("x"), g.newName("ok")
		g.p("%s, %s := %s.Pop()", x, ok, st)
		g.p("fmt.Println(%s, %s, %s, &%s, len(%s.items))", x, ok, st, st, st)
		g.p("fmt.Printf(\"%%v %%+v %%T\\n\", %s, %s, %s)", st, st, st)
	case 1:
		g.p("fmt.Println(Entries(wordCounts(%s)), MaxOf(%s, %s), MaxOf(%s))", g.stdStr(d), g.stdStr(d), g.stdStr(d), g.stdFloat(d))
	case 2:
		g.p("fmt.Printf(\"%%v %%T\\n\", Pair[Pt, Money]{Pt{%s, 0}, Money(%s)}, Pair[Pt, Money]{})", g.stdInt(d), g.sub(tInt64, d))
		g.p("fmt.Printf(\"%%v %%+v %%T\\n\", Duo[int8, Set[string]]{%s, Set[string]{}.Add(strings.Fields(%s)...)}, Duo[error, *Pt]{}, Duo[[]Pair[int, bool], map[string]Color]{})", g.sub(intTypes[1], d), g.stdStr(d))
	default:
		g.p("fmt.Println(Reduce(strings.Fields(%s), \"\", func(a string, w string) string { return a + strings.ToUpper(w[:1]) }))", g.stdStr(d))
		g.p("fmt.Println(JoinS([]Money{Money(%s), 5, -120}, \", \"), JoinS([]Color{0, 2, Color(%s)}, \"/\"))", g.sub(tInt64, d), g.sub(tUint8, d))
	}
}

func (g *gen) stdBytesStmt(d int) {
	b := g.newName("b")
	g.p("%s := []byte(%s)", b, g.stdStr(d))
	g.p("fmt.Printf(\"%%q %%q %%v %%d\\n\", bytes.ToUpper(%s), bytes.Fields(%s), bytes.Equal(%s, []byte(%s)), bytes.IndexByte(%s, ' '))", b, b, b, g.stdStr(d), b)
	g.p("fmt.Printf(\"%%q %%q\\n\", bytes.Split(%s, []byte(\",\")), bytes.TrimSpace(%s))", b, b)
	buf := g.newName("buf")
	g.p("var %s bytes.Buffer", buf)
	g.p("%s.Write(%s)", buf, b)
	g.p("fmt.Fprintf(&%s, \"|%%05d|%%x\", %s, %s)", buf, g.stdInt(d), g.stdStr(d))
	g.p("%s.WriteString(%s)", buf, g.stdStr(d))
	g.p("fmt.Println(%s.Len(), %s.String())", buf, buf)
	g.p("cs += hstr(%s.String())", buf)
	if g.chance(60) {
		g.p("if r, n, err := %s.ReadRune(); true {", buf)
		g.p("\tfmt.Println(r, n, err, %s.UnreadRune(), %s.UnreadRune())", buf, buf)
		g.p("}")
		g.p("if line, err := %s.ReadString('|'); true {", buf)
		g.p("\tfmt.Printf(\"%%q %%v %%q %%d\\n\", line, err, %s.Next(%d), %s.Len())", buf, g.n(6), buf)
		g.p("}")
		g.p("%s.Truncate(%s.Len() / 2)", buf, buf)
		g.p("fmt.Printf(\"%%q %%v %%v\\n\", %s.Bytes(), unicode.SimpleFold('k'), strings.IndexFunc(%s.String(), func(r rune) bool { return unicode.IsPunct(r) || unicode.Is(unicode.Han, r) }))", buf, buf)
	}
}

func (g *gen) stdRecStmt(d int) {
	r := g.newName("rec")
	g.p("%s := mkPerson(%s, %s)", r, g.stdInt(d), g.stdStr(d))
	g.p("%s.Tags = append(%s.Tags, %s)", r, r, g.stdStr(d))
	g.p("fmt.Printf(\"%%v\\n%%+v\\n\", %s, %s)", r, r)
	g.p("%s.At, %s.Err = nil, nil", r, r)
	g.p("fmt.Printf(\"%%#v\\n\", %s)", r)
	g.p("fmt.Println(%s.At == nil, %s.Err, %s.In, fmt.Sprint(%s.pt), %s.M)", r, r, r, r, r)
	g.p("cs += uint64(%s.Age) + uint64(len(fmt.Sprint(%s)))", r, r)
}

// stdEnd: perhaps main ends in a panic whose value has Error or String
// methods from the standard library or the prelude (gc prints their text).
func (g *gen) stdEnd() {
	if g.sr == nil || g.sr.Intn(100) >= 8 {
		return
	}
	g.inStd(func() {
		v := []string{
			"fmt.Errorf(\"end %d: %w\", gcs%1000, &MyErr{int(gcs % 7), \"last\"})",
			"Pt{int(gcs % 100), -1}",
			"Money(int64(gcs % 100000))",
			"CodeErr(gcs % 9)",
			"func() error { _, err := strconv.ParseInt(fmt.Sprint(gcs), 10, 8); return err }()",
			"errors.New(strings.Repeat(\"ab\", int(gcs%4)))",
			"Both{int(gcs % 5)}",
			"fmt.Sprintf(\"%v|%x\", gcs, gcs)",
		}[g.n(8)]
		g.p("panic(%s)", v)
	})
}
