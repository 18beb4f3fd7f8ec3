// goprog — writes a random, deterministic, terminating, import-free Go
// program from a seed, for differential testing of goc against gc
// (tests/fuzz/goprog.sh).  Usage: goprog SEED > prog.go
//
// The program is type-directed: each generated function has random
// parameters and results drawn from a fixed pool of types (every integer
// width, float32/64, bool, string, a struct, an array, a slice, a map, a
// pointer, an interface, a closure type), and a body of random statements
// over its locals.  Every local is folded into a per-function checksum
// `cs` at the end of its block (so none is "declared and not used"), the
// checksum goes into the global `gcs`, and main prints gcs and each
// function's results.
//
// Statements aimed at the back end: many simultaneously live numeric
// locals updated in a loop around calls (register pressure, spills);
// x/k and x%k for constants k of every integer width over the extreme
// values; complex64/complex128 arithmetic and comparison; arrays of
// structs, struct-valued maps updated through a temporary,
// multi-dimensional arrays; an embedded interface and type switches with
// several types per case; select over several ready buffered channels
// (results summed); shadowing in nested scopes and statement headers;
// labeled break/continue out of a switch and a select in nested loops.
//
// What keeps the output defined: functions may only read through their
// pointer/slice/map parameters (so no call in an expression changes what
// another operand reads: Go leaves that order unspecified); map ranges are
// summed commutatively; float-to-int conversions go through f2i, which
// clamps (out-of-range conversions are implementation-specific);
// constant-constant operations are never generated (they could overflow
// at compile time); goroutines only read their parameters and talk over
// channels whose results are summed or read in a fixed order; calls only
// go to functions with a smaller number (no recursion), and loops are
// bounded by small constants.
//
// Built by the tests with gc; not part of goc.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

type kind int

const (
	kInt kind = iota // every integer type: name says which
	kFloat
	kBool
	kString
	kStruct // S
	kArray  // [4]int16
	kSlice  // []int
	kMap    // map[string]int
	kPtr    // *S
	kIface  // I
	kFunc   // func(int) int
)

type typ struct {
	name   string
	k      kind
	bits   int
	signed bool
}

var (
	intTypes = []*typ{
		{"int", kInt, 64, true}, {"int8", kInt, 8, true}, {"int16", kInt, 16, true},
		{"int32", kInt, 32, true}, {"int64", kInt, 64, true}, {"uint", kInt, 64, false},
		{"uint8", kInt, 8, false}, {"uint16", kInt, 16, false}, {"uint32", kInt, 32, false},
		{"uint64", kInt, 64, false}, {"uintptr", kInt, 64, false},
	}
	tInt     = intTypes[0]
	tInt16   = intTypes[2]
	tInt32   = intTypes[3]
	tInt64   = intTypes[4]
	tUint    = intTypes[5]
	tUint8   = intTypes[6]
	tUint64  = intTypes[9]
	tFloat64 = &typ{"float64", kFloat, 64, true}
	tFloat32 = &typ{"float32", kFloat, 32, true}
	tBool    = &typ{"bool", kBool, 0, false}
	tString  = &typ{"string", kString, 0, false}
	tS       = &typ{"S", kStruct, 0, false}
	tArr     = &typ{"[4]int16", kArray, 0, false}
	tSlice   = &typ{"[]int", kSlice, 0, false}
	tMap     = &typ{"map[string]int", kMap, 0, false}
	tPtr     = &typ{"*S", kPtr, 0, false}
	tIface   = &typ{"I", kIface, 0, false}
	tFunc    = &typ{"func(int) int", kFunc, 0, false}
	allTypes []*typ
)

func init() {
	allTypes = append(allTypes, intTypes...)
	allTypes = append(allTypes, tFloat64, tFloat32, tBool, tString, tS, tArr, tSlice, tMap, tPtr, tIface, tFunc)
}

type variable struct {
	name string
	t    *typ
	ro   bool // a parameter seen through: never written (pointer/slice/map/closure captured)
}

type fn struct {
	name    string
	params  []*typ
	results []*typ
}

type gen struct {
	r       *rand.Rand
	out     strings.Builder
	ind     int
	scopes  [][]*variable
	nvar    int
	funcs   []*fn // callable (already generated)
	loop    int   // loop nesting depth
	labels  []string
	nlabel  int
	inGo    bool // inside a goroutine body: only its own locals
	gfuncs  int  // number of generic functions
	used    map[string]bool // labels a break/continue names
	noCalls bool
}

func (g *gen) p(format string, a ...interface{}) {
	g.out.WriteString(strings.Repeat("\t", g.ind))
	fmt.Fprintf(&g.out, format, a...)
	g.out.WriteByte('\n')
}

func (g *gen) n(k int) int { return g.r.Intn(k) }
func (g *gen) chance(pct int) bool { return g.r.Intn(100) < pct }

func (g *gen) newName(prefix string) string {
	g.nvar++
	return prefix + strconv.Itoa(g.nvar)
}

func (g *gen) push() { g.scopes = append(g.scopes, nil) }

// pop folds the innermost scope's variables into cs and drops them.
func (g *gen) pop() {
	top := g.scopes[len(g.scopes)-1]
	for _, v := range top {
		g.p("cs = cs*31 + %s", g.hash(v.name, v.t))
	}
	g.scopes = g.scopes[:len(g.scopes)-1]
}

func (g *gen) declare(name string, t *typ, ro bool) {
	v := &variable{name, t, ro}
	g.scopes[len(g.scopes)-1] = append(g.scopes[len(g.scopes)-1], v)
}

func (g *gen) vars(t *typ, writable bool) []*variable {
	var vs []*variable
	for _, s := range g.scopes {
		for _, v := range s {
			if v.t == t && (!writable || !v.ro) {
				vs = append(vs, v)
			}
		}
	}
	return vs
}

// hash is a uint64 expression summarising the value of expression e of type t.
func (g *gen) hash(e string, t *typ) string {
	switch t.k {
	case kInt:
		return "uint64(" + e + ")"
	case kFloat:
		return "uint64(f2i(float64(" + e + ")*1000))"
	case kBool:
		return "b2u(" + e + ")"
	case kString:
		return "hstr(" + e + ")"
	case kStruct:
		return "hS(" + e + ")"
	case kArray:
		return "hA(" + e + ")"
	case kSlice:
		return "hsl(" + e + ")"
	case kMap:
		return "hm(" + e + ")"
	case kPtr:
		return "hp(" + e + ")"
	case kIface:
		return "hi(" + e + ")"
	case kFunc:
		return "uint64(" + e + "(3))"
	}
	panic("hash")
}

func (g *gen) intLit(t *typ) string {
	var v int64
	switch g.n(6) {
	case 0:
		v = 0
	case 1:
		v = 1
	case 2:
		v = int64(g.n(10))
	case 3: // near the top
		if t.signed {
			v = int64(1)<<(t.bits-1) - 1 - int64(g.n(3))
		} else if t.bits == 64 {
			return fmt.Sprintf("%s(%d)", t.name, uint64(1<<63)+uint64(1<<63-1)-uint64(g.n(3)))
		} else {
			v = int64(1)<<t.bits - 1 - int64(g.n(3))
		}
	case 4: // near the bottom
		if t.signed {
			v = -(int64(1) << (t.bits - 1)) + int64(g.n(3))
		} else {
			v = int64(g.n(3))
		}
	default:
		v = int64(g.n(1000))
		if t.bits == 8 {
			v %= 100
		}
		if t.signed && g.chance(50) {
			v = -v
		}
	}
	return fmt.Sprintf("%s(%d)", t.name, v)
}

func (g *gen) lit(t *typ) string {
	switch t.k {
	case kInt:
		return g.intLit(t)
	case kFloat:
		fs := []string{"0", "1", "-1", "0.5", "2.25", "-3.75", "100", "1e10", "-1e-3", "123456.125", "3.4e38", "1e300"}
		s := fs[g.n(len(fs))]
		if t == tFloat32 && (s == "1e300") {
			s = "1e30"
		}
		return t.name + "(" + s + ")"
	case kBool:
		if g.chance(50) {
			return "true"
		}
		return "false"
	case kString:
		ss := []string{`""`, `"a"`, `"hello"`, `"Go语言"`, `"xyz\x00\xff"`, `"0123456789"`}
		return ss[g.n(len(ss))]
	case kStruct:
		return fmt.Sprintf("S{A: %s, B: %s, C: [2]uint8{%d, %d}}", g.intLit(tInt64), g.lit(tString), g.n(256), g.n(256))
	case kArray:
		return fmt.Sprintf("[4]int16{%s, %s, %s, %s}", g.intLit(tInt16), g.intLit(tInt16), g.intLit(tInt16), g.intLit(tInt16))
	case kSlice:
		n := 1 + g.n(5)
		var es []string
		for i := 0; i < n; i++ {
			es = append(es, strconv.Itoa(g.n(200)-100))
		}
		return "[]int{" + strings.Join(es, ", ") + "}"
	case kMap:
		n := g.n(4)
		var es []string
		for i := 0; i < n; i++ {
			es = append(es, fmt.Sprintf("\"k%d\": %d", i, g.n(100)))
		}
		return "map[string]int{" + strings.Join(es, ", ") + "}"
	case kPtr:
		return "&" + g.lit(tS)
	case kIface:
		switch g.n(3) {
		case 0:
			return "I(" + g.lit(tS) + ")"
		case 1:
			return fmt.Sprintf("I(&T2{%d})", g.n(100))
		default:
			return fmt.Sprintf("I(T3(%d))", g.n(100))
		}
	case kFunc:
		return fmt.Sprintf("func(x int) int { return x*%d + %d }", g.n(7)+1, g.n(100))
	}
	panic("lit")
}

// leaf: a variable of type t, a global, or a literal.  The bool says whether
// it is a constant.
func (g *gen) leaf(t *typ) (string, bool) {
	vs := g.vars(t, false)
	if len(vs) > 0 && g.chance(75) {
		return vs[g.n(len(vs))].name, false
	}
	if t.k == kInt && g.chance(60) { // another integer variable, converted
		var ivs []*variable
		for _, s := range g.scopes {
			for _, v := range s {
				if v.t.k == kInt {
					ivs = append(ivs, v)
				}
			}
		}
		if len(ivs) > 0 {
			return t.name + "(" + ivs[g.n(len(ivs))].name + ")", false
		}
	}
	if !g.inGo && g.chance(30) {
		return "g_" + gname(t), false
	}
	l := g.lit(t)
	return l, t.k <= kString
}

func gname(t *typ) string {
	switch t.k {
	case kStruct:
		return "S"
	case kArray:
		return "A"
	case kSlice:
		return "Sl"
	case kMap:
		return "M"
	case kPtr:
		return "P"
	case kIface:
		return "I"
	case kFunc:
		return "F"
	}
	return t.name
}

// nonConst: an expression of type t that is not constant.
func (g *gen) nonConst(t *typ, d int) string {
	for i := 0; i < 5; i++ {
		e, c := g.expr(t, d)
		if !c {
			return e
		}
	}
	if g.inGo {
		vs := g.vars(t, false)
		if len(vs) > 0 {
			return vs[0].name
		}
		return "id_" + gname(t) + "(" + g.lit(t) + ")"
	}
	return "g_" + gname(t)
}

func (g *gen) call(t *typ, d int) (string, bool) {
	if g.inGo || g.noCalls {
		return "", false
	}
	var cands []*fn
	for _, f := range g.funcs {
		if len(f.results) == 1 && f.results[0] == t {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	f := cands[g.n(len(cands))]
	return f.name + "(" + g.args(f.params, d) + ")", true
}

func (g *gen) args(ps []*typ, d int) string {
	var as []string
	for _, pt := range ps {
		e, _ := g.expr(pt, d-1)
		as = append(as, e)
	}
	return strings.Join(as, ", ")
}

func (g *gen) expr(t *typ, d int) (string, bool) {
	if d <= 0 || g.chance(20) {
		return g.leaf(t)
	}
	if g.chance(8) {
		if e, ok := g.call(t, d); ok {
			return e, false
		}
	}
	switch t.k {
	case kInt:
		return g.intExpr(t, d)
	case kFloat:
		return g.floatExpr(t, d)
	case kBool:
		return g.boolExpr(d)
	case kString:
		return g.stringExpr(d)
	case kStruct:
		switch g.n(4) {
		case 0:
			if vs := g.vars(tPtr, false); len(vs) > 0 {
				v := vs[g.n(len(vs))].name
				return fmt.Sprintf("derefS(%s)", v), false
			}
		case 1:
			return fmt.Sprintf("S{A: %s, B: %s, C: [2]uint8{%s, 7}}", g.nonConst(tInt64, d-1), g.sub(tString, d), g.sub(tUint8, d)), false
		case 2:
			return fmt.Sprintf("gId[S](%s)", g.sub(tS, d)), false
		}
		return g.leaf(t)
	case kArray:
		if g.chance(50) {
			return fmt.Sprintf("[4]int16{%s, 3, %s}", g.sub(tInt16, d), g.sub(tInt16, d)), false
		}
		return g.leaf(t)
	case kSlice:
		switch g.n(5) {
		case 0:
			s := g.nonConst(tSlice, d-1)
			return fmt.Sprintf("%s[int(uint(%s)%%uint(len(%s))):]", s, g.nonConst(tInt, d-1), s), false
		case 1:
			return fmt.Sprintf("append(%s, %s)", g.sub(tSlice, d), g.sub(tInt, d)), false
		case 2:
			return fmt.Sprintf("gMap(%s, func(x int) int { return x ^ %d })", g.sub(tSlice, d), g.n(100)), false
		}
		return g.leaf(t)
	case kPtr:
		if g.chance(40) {
			return "&" + g.lit(tS), false
		}
		return g.leaf(t)
	case kIface:
		switch g.n(4) {
		case 0:
			return "I(" + g.nonConst(tS, d-1) + ")", false
		case 1:
			return "I(T3(" + g.nonConst(tInt, d-1) + "))", false
		case 2:
			return "mkI(" + g.sub(tInt, d) + ")", false
		}
		return g.leaf(t)
	case kFunc:
		if g.chance(50) {
			// a closure capturing a read-only copy
			c := g.sub(tInt, d)
			return fmt.Sprintf("func(c int) func(int) int { return func(x int) int { return x*3 - c } }(%s)", c), false
		}
		return g.leaf(t)
	}
	return g.leaf(t)
}

func (g *gen) sub(t *typ, d int) string {
	e, _ := g.expr(t, d-1)
	return e
}

func (g *gen) otherNumeric() *typ {
	if g.chance(20) {
		if g.chance(50) {
			return tFloat64
		}
		return tFloat32
	}
	return intTypes[g.n(len(intTypes))]
}

func (g *gen) intExpr(t *typ, d int) (string, bool) {
	switch g.n(14) {
	case 0, 1, 2, 3:
		ops := []string{"+", "-", "*", "&", "|", "^", "&^"}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(t, d-1)
		var b string
		if ac {
			b = g.nonConst(t, d-1)
		} else {
			b, _ = g.expr(t, d-1)
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 4: // division and remainder by a non-zero operand
		op := "/"
		if g.chance(50) {
			op = "%"
		}
		a := g.nonConst(t, d-1)
		switch g.n(3) {
		case 0:
			k := 1 + g.n(12)
			if g.chance(30) {
				k = []int{2, 4, 8, 16, 3, 7, 10, 64, 127}[g.n(9)]
			}
			if t.signed && g.chance(30) {
				k = -k
			}
			if !t.signed || t.bits > 8 || (k < 128 && k > -128) {
				return fmt.Sprintf("(%s %s %d)", a, op, k), false
			}
			return fmt.Sprintf("(%s %s 3)", a, op), false
		default:
			b, _ := g.expr(t, d-1)
			return fmt.Sprintf("(%s %s (%s | 1))", a, op, b), false
		}
	case 5: // shifts
		a := g.nonConst(t, d-1)
		op := "<<"
		if g.chance(50) {
			op = ">>"
		}
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("(%s %s %d)", a, op, g.n(t.bits)), false
		case 1:
			ct := intTypes[5+g.n(6)] // unsigned count of any width, may exceed the width
			return fmt.Sprintf("(%s %s (%s %% %d))", a, op, g.nonConst(ct, d-1), t.bits+3), false
		default:
			ct := intTypes[g.n(len(intTypes))]
			return fmt.Sprintf("(%s %s (%s & %d))", a, op, g.nonConst(ct, d-1), t.bits-1), false
		}
	case 6: // unary
		a := g.nonConst(t, d-1)
		if g.chance(50) {
			return "(-" + a + ")", false
		}
		return "(^" + a + ")", false
	case 7: // conversion
		o := g.otherNumeric()
		if o.k == kFloat {
			return fmt.Sprintf("%s(f2i(float64(%s)))", t.name, g.nonConst(o, d-1)), false
		}
		return fmt.Sprintf("%s(%s)", t.name, g.nonConst(o, d-1)), false
	case 8: // lengths, indexing, fields
		switch g.n(7) {
		case 0:
			return fmt.Sprintf("%s(len(%s))", t.name, g.nonConst(tString, d-1)), false
		case 1:
			s := g.nonConst(tSlice, d-1)
			return fmt.Sprintf("%s(%s[uint(%s)%%uint(len(%s))])", t.name, s, g.sub(tUint, d), s), false
		case 2:
			a := g.nonConst(tArr, d-1)
			return fmt.Sprintf("%s(%s[%s&3])", t.name, a, g.sub(tInt, d)), false
		case 3:
			return fmt.Sprintf("%s(%s.A)", t.name, g.nonConst(tS, d-1)), false
		case 4:
			return fmt.Sprintf("%s(%s[%s])", t.name, g.nonConst(tMap, d-1), g.sub(tString, d)), false
		case 5:
			s := g.nonConst(tString, d-1)
			return fmt.Sprintf("%s((%s + \"q\")[uint(%s)%%uint(len(%s)+1)])", t.name, s, g.sub(tUint8, d), s), false
		default:
			return fmt.Sprintf("%s(%s.C[%s&1])", t.name, g.nonConst(tS, d-1), g.sub(tUint16Or(t), d)), false
		}
	case 9: // interface method, closure call
		if g.chance(50) {
			return fmt.Sprintf("%s(hi(%s))", t.name, g.sub(tIface, d)), false
		}
		return fmt.Sprintf("%s(%s(%s))", t.name, g.nonConst(tFunc, d-1), g.sub(tInt, d)), false
	case 10: // generics
		if g.gfuncs > 0 && g.chance(60) {
			k := g.n(g.gfuncs)
			return fmt.Sprintf("gen%d[%s](%s, %s)", k, t.name, g.nonConst(t, d-1), g.sub(t, d)), false
		}
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("gMax(%s, %s)", g.nonConst(t, d-1), g.sub(t, d)), false
		case 1:
			return fmt.Sprintf("gSum([]%s{%s, %s, 3})", t.name, g.sub(t, d), g.sub(t, d)), false
		}
		return fmt.Sprintf("Box[%s]{%s}.Get()", t.name, g.sub(t, d)), false
	case 11: // a conditional through a func literal
		return fmt.Sprintf("func() %s { if %s { return %s }; return %s }()", t.name, g.sub(tBool, d), g.sub(t, d), g.sub(t, d)), false
	case 12: // min/max by comparison
		return fmt.Sprintf("%s(b2u(%s))", t.name, g.sub(tBool, d)), false
	}
	return g.leaf(t)
}

func tUint16Or(t *typ) *typ { return intTypes[8] }

func (g *gen) floatExpr(t *typ, d int) (string, bool) {
	switch g.n(6) {
	case 0, 1, 2:
		ops := []string{"+", "-", "*", "/"}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(t, d-1)
		var b string
		if ac || op == "/" {
			b = g.nonConst(t, d-1)
		} else {
			b, _ = g.expr(t, d-1)
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 3:
		o := g.otherNumeric()
		return fmt.Sprintf("%s(%s)", t.name, g.nonConst(o, d-1)), false
	case 4:
		return "(-" + g.nonConst(t, d-1) + ")", false
	}
	return fmt.Sprintf("gMax(%s, %s)", g.nonConst(t, d-1), g.sub(t, d)), false
}

func (g *gen) boolExpr(d int) (string, bool) {
	switch g.n(9) {
	case 0, 1, 2:
		o := allTypes[g.n(len(intTypes)+3)] // ints, floats, bool
		if g.chance(15) {
			o = tString
		}
		ops := []string{"==", "!=", "<", "<=", ">", ">="}
		if o == tBool {
			ops = ops[:2]
		}
		op := ops[g.n(len(ops))]
		a, ac := g.expr(o, d-1)
		var b string
		if ac {
			b = g.nonConst(o, d-1)
		} else {
			b, _ = g.expr(o, d-1)
		}
		return "(" + a + " " + op + " " + b + ")", false
	case 3:
		op := "&&"
		if g.chance(50) {
			op = "||"
		}
		return "(" + g.sub(tBool, d) + " " + op + " " + g.sub(tBool, d) + ")", false
	case 4:
		return "(!" + g.nonConst(tBool, d-1) + ")", false
	case 5:
		o := []*typ{tS, tArr, tIface, tPtr}[g.n(4)]
		op := "=="
		if g.chance(50) {
			op = "!="
		}
		return "(" + g.nonConst(o, d-1) + " " + op + " " + g.sub(o, d) + ")", false
	case 6:
		return fmt.Sprintf("isS(%s)", g.sub(tIface, d)), false
	case 7:
		return fmt.Sprintf("(%s != nil)", g.nonConst(tPtr, d-1)), false
	}
	return g.leaf(tBool)
}

func (g *gen) stringExpr(d int) (string, bool) {
	switch g.n(7) {
	case 0, 1:
		a, ac := g.expr(tString, d-1)
		b, bc := g.expr(tString, d-1)
		return "(" + a + " + " + b + ")", ac && bc
	case 2:
		s := g.nonConst(tString, d-1)
		return fmt.Sprintf("%s[uint(%s)%%uint(len(%s)+1):]", s, g.sub(tUint, d), s), false
	case 3:
		return fmt.Sprintf("string(rune(%s))", g.nonConst(tInt32, d-1)), false
	case 4:
		return fmt.Sprintf("%s.B", g.nonConst(tS, d-1)), false
	case 5:
		return fmt.Sprintf("string(append([]byte(%s), %s))", g.sub(tString, d), g.sub(tUint8, d)), false
	}
	return g.leaf(tString)
}

// ---- statements ----

func (g *gen) block(n, d int) {
	g.push()
	for i := 0; i < n; i++ {
		g.stmt(d)
	}
	g.pop()
}

func (g *gen) stmt(d int) {
	if d <= 0 {
		g.simpleStmt()
		return
	}
	if g.chance(15) { // the statements aimed at the back end, more often
		switch g.n(4) {
		case 0:
			if !g.inGo {
				g.pressureStmt()
				return
			}
		case 1:
			g.complexStmt()
			return
		case 2:
			g.aggregateStmt()
			return
		}
		g.divConstStmt()
		return
	}
	switch g.n(38) {
	case 29:
		if !g.inGo {
			g.pressureStmt()
		}
	case 30:
		if g.chance(30) { // a deep expression
			t := g.pick()
			g.p("cs += %s", g.hash(g.nonConst(t, 6+g.n(3)), t))
		} else {
			g.divConstStmt()
		}
	case 31:
		g.complexStmt()
	case 32:
		g.aggregateStmt()
	case 33:
		g.ifaceStmt()
	case 34:
		g.selectMultiStmt()
	case 35:
		g.shadowStmt(d)
	case 36:
		g.labelStmt()
	case 0, 1, 2, 3:
		g.declStmt()
	case 4, 5, 6:
		g.assignStmt()
	case 7:
		g.p("if (%s) {", g.sub(tBool, 3))
		g.ind++
		g.block(1+g.n(3), d-1)
		g.ind--
		if g.chance(50) {
			g.p("} else {")
			g.ind++
			g.block(1+g.n(3), d-1)
			g.ind--
		}
		g.p("}")
	case 8:
		g.forStmt(d)
	case 9:
		g.rangeStmt(d)
	case 10:
		g.switchStmt(d)
	case 11:
		if g.loop > 0 && len(g.labels) > 0 {
			l := g.labels[g.n(len(g.labels))]
			kw := "continue"
			if g.chance(40) {
				kw = "break"
			}
			g.p("if (%s) {", g.sub(tBool, 2))
			g.p("\t%s %s", kw, l)
			g.used[l] = true
			g.p("}")
		} else {
			g.simpleStmt()
		}
	case 12:
		if !g.inGo {
			g.deferStmt()
		}
	case 13:
		if !g.inGo && g.loop == 0 {
			g.goStmt()
		}
	case 14:
		g.gotoStmt(d)
	case 15:
		g.typeSwitch(d)
	case 16:
		g.mapStmt()
	case 17:
		g.sliceStmt()
	case 18:
		if !g.inGo && g.loop == 0 {
			g.panicStmt()
		}
	case 19:
		g.selectStmt()
	case 20:
		g.multiCall()
	case 21:
		g.counterStmt()
	case 22:
		g.methodStmt()
	case 23:
		g.convStmt()
	case 24:
		g.struct2Stmt()
	case 25:
		g.loopCaptureStmt()
	case 26:
		g.bigSwitchStmt()
	default:
		g.simpleStmt()
	}
}

func (g *gen) simpleStmt() {
	if g.chance(50) {
		g.assignStmt()
	} else {
		g.declStmt()
	}
}

// fresh wraps a slice, map or pointer expression in a copy, so writes
// through the variable it is stored in reach nothing another operand reads.
func fresh(t *typ, e string) string {
	switch t.k {
	case kSlice:
		return "cloneSl(" + e + ")"
	case kMap:
		return "cloneM(" + e + ")"
	case kPtr:
		return "newS(derefS(" + e + "))"
	}
	return e
}

// pick: a type for a new variable, integers most often.
func (g *gen) pick() *typ {
	switch g.n(10) {
	case 0, 1, 2, 3, 4:
		return intTypes[g.n(len(intTypes))]
	case 5:
		if g.chance(50) {
			return tFloat64
		}
		return tFloat32
	}
	return allTypes[g.n(len(allTypes))]
}

func (g *gen) declStmt() {
	t := g.pick()
	name := g.newName("v")
	e, _ := g.expr(t, 3)
	e = fresh(t, e)
	if g.chance(30) && t.k <= kString {
		g.p("var %s %s = %s", name, t.name, e)
	} else if t.k == kInt || t.k == kFloat {
		g.p("%s := %s(%s)", name, t.name, e)
	} else {
		g.p("%s := %s", name, e)
	}
	g.declare(name, t, false)
}

func (g *gen) assignStmt() {
	t := g.pick()
	vs := g.vars(t, true)
	if len(vs) == 0 {
		g.p("cs += %s", g.hash(g.nonConst(t, 2), t))
		return
	}
	v := vs[g.n(len(vs))].name
	switch t.k {
	case kInt:
		switch g.n(5) {
		case 0:
			ops := []string{"+=", "-=", "*=", "&=", "|=", "^=", "&^="}
			g.p("%s %s %s", v, ops[g.n(len(ops))], g.sub(t, 3))
			return
		case 1:
			if g.chance(50) {
				g.p("%s++", v)
			} else {
				g.p("%s--", v)
			}
			return
		case 2:
			g.p("%s <<= uint8(%s) %% 9", v, g.sub(tUint8, 2))
			return
		case 3:
			g.p("%s /= %s | 1", v, g.sub(t, 2))
			return
		}
	case kStruct:
		switch g.n(3) {
		case 0:
			g.p("%s.A += %s", v, g.sub(tInt64, 3))
			return
		case 1:
			g.p("%s.C[%s&1] = %s", v, g.sub(tInt, 2), g.sub(tUint8, 2))
			return
		}
	case kArray:
		if g.chance(60) {
			g.p("%s[%s&3] ^= %s", v, g.sub(tUint, 2), g.sub(tInt16, 2))
			return
		}
	case kPtr:
		if g.chance(60) {
			g.p("if %s != nil {", v)
			g.p("\t%s.A++", v)
			g.p("\t%s.B += %s", v, g.sub(tString, 2))
			g.p("}")
			return
		}
	}
	if g.chance(20) && (t.k == kInt || t.k == kString) {
		vs2 := g.vars(t, true)
		w := vs2[g.n(len(vs2))].name
		g.p("%s, %s = %s, %s", v, w, w, v)
		return
	}
	g.p("%s = %s", v, fresh(t, g.sub(t, 4)))
}

func (g *gen) label() string {
	g.nlabel++
	return "L" + strconv.Itoa(g.nlabel)
}

func (g *gen) forStmt(d int) {
	if g.loop >= 3 {
		g.simpleStmt()
		return
	}
	l := g.label()
	i := g.newName("i")
	n := 1 + g.n(5)
	g.p("%s:", l)
	it := tInt
	switch g.n(3) {
	case 0:
		g.p("for %s := 0; %s < %d; %s++ {", i, i, n, i)
	case 1:
		g.p("for %s := %d; %s > 0; %s -= 2 {", i, n*2, i, i)
	default:
		g.p("for %s := uint8(250); %s != %d; %s++ {", i, i, (250+n)&255, i) // wraps
		it = tUint8
	}
	g.loop++
	g.labels = append(g.labels, l)
	g.ind++
	g.push()
	g.declare(i, it, true)
	for k := 0; k < 1+g.n(4); k++ {
		g.stmt(d - 1)
	}
	g.pop()
	if !g.used[l] {
		g.p("if cs == 1 {")
		g.p("\tbreak %s", l)
		g.p("}")
	}
	g.ind--
	g.labels = g.labels[:len(g.labels)-1]
	g.loop--
	g.p("}")
}

func (g *gen) rangeStmt(d int) {
	if g.loop >= 3 {
		g.simpleStmt()
		return
	}
	l := g.label()
	k, v := g.newName("k"), g.newName("e")
	if g.chance(25) { // map: order-independent: only sums
		acc := g.newName("acc")
		g.p("%s := 0", acc)
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tMap, 2))
		g.p("\t%s += len(%s) * %s", acc, k, v)
		g.p("}")
		g.p("cs += uint64(%s)", acc)
		return
	}
	g.p("%s:", l)
	g.loop++
	g.labels = append(g.labels, l)
	switch g.n(3) {
	case 0, 1:
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tSlice, 2))
		g.ind++
		g.push()
		g.declare(k, tInt, true)
		g.declare(v, tInt, true)
	case 2:
		g.p("for %s, %s := range (%s) {", k, v, g.sub(tString, 2))
		g.ind++
		g.push()
		g.declare(k, tInt, true)
		g.declare(v, tInt32, true)
	}
	for j := 0; j < 1+g.n(3); j++ {
		g.stmt(d - 1)
	}
	g.pop()
	if !g.used[l] {
		g.p("if cs == 1 {")
		g.p("\tbreak %s", l)
		g.p("}")
	}
	g.ind--
	g.labels = g.labels[:len(g.labels)-1]
	g.loop--
	g.p("}")
}

func (g *gen) switchStmt(d int) {
	if g.chance(50) {
		t := intTypes[g.n(len(intTypes))]
		g.p("switch (%s) {", g.nonConst(t, 2))
		used := map[int]bool{}
		for c := 0; c < 1+g.n(4); c++ {
			var ks []string
			for j := 0; j < 1+g.n(2); j++ {
				k := g.n(10)
				if !used[k] {
					used[k] = true
					ks = append(ks, fmt.Sprintf("%d", k))
				}
			}
			if len(ks) == 0 {
				continue
			}
			g.p("case %s:", strings.Join(ks, ", "))
			g.ind++
			g.block(1+g.n(2), d-1)
			if g.chance(20) && c < 3 {
				g.p("fallthrough")
			}
			g.ind--
		}
		// a trailing fallthrough needs a following case
		g.p("default:")
		g.ind++
		g.block(1, d-1)
		g.ind--
		g.p("}")
		return
	}
	g.p("switch {")
	for c := 0; c < 1+g.n(3); c++ {
		g.p("case (%s):", g.sub(tBool, 3))
		g.ind++
		g.block(1+g.n(2), d-1)
		g.ind--
	}
	if g.chance(50) {
		g.p("default:")
		g.ind++
		g.block(1, d-1)
		g.ind--
	}
	g.p("}")
}

func (g *gen) typeSwitch(d int) {
	x := g.newName("x")
	g.p("switch %s := (%s).(type) {", x, g.sub(tIface, 2))
	g.p("case S:")
	g.ind++
	g.p("cs += uint64(%s.A)", x)
	g.ind--
	g.p("case *T2:")
	g.ind++
	g.p("cs += uint64(%s.n)", x)
	g.ind--
	g.p("case nil:")
	g.p("\tcs += 99")
	g.p("default:")
	g.ind++
	g.p("cs += uint64(%s.M(2))", x)
	g.ind--
	g.p("}")
}

func (g *gen) gotoStmt(d int) {
	l := g.label()
	g.p("if (%s) {", g.sub(tBool, 2))
	g.p("\tgoto %s", l)
	g.p("}")
	g.p("{")
	g.ind++
	g.block(1+g.n(2), d-1)
	g.ind--
	g.p("}")
	g.p("%s: ;", l)
}

func (g *gen) deferStmt() {
	switch g.n(3) {
	case 0:
		g.p("defer func() { gcs = gcs*7 + %d }()", g.n(1000))
	case 1:
		g.p("defer addG(%s)", g.hash(g.nonConst(tInt, 2), tInt))
	default:
		vs := g.vars(tInt, false)
		if len(vs) > 0 {
			g.p("defer func(x int) { gcs ^= uint64(x) }(%s)", vs[g.n(len(vs))].name)
		} else {
			g.p("defer addG(1)")
		}
	}
}

func (g *gen) panicStmt() {
	name := g.newName("r")
	switch g.n(3) {
	case 0:
		g.p("%s := tryDiv(%s, %s)", name, g.sub(tInt, 2), g.sub(tInt, 2))
		g.declare(name, tInt, false)
	case 1:
		g.p("%s := tryIndex(%s, %s)", name, g.sub(tSlice, 2), g.sub(tInt, 2))
		g.declare(name, tString, false)
	default:
		g.p("%s := func() (r int) {", name)
		g.p("\tdefer func() {")
		g.p("\t\tif e := recover(); e != nil {")
		g.p("\t\t\tr = e.(int) + 1")
		g.p("\t\t}")
		g.p("\t}()")
		g.p("\tif %s {", g.sub(tBool, 2))
		g.p("\t\tpanic(%s)", g.sub(tInt, 2))
		g.p("\t}")
		g.p("\treturn %d", g.n(100))
		g.p("}()")
		g.declare(name, tInt, false)
	}
}

func (g *gen) goStmt() {
	ch := g.newName("ch")
	acc := g.newName("acc")
	n := 1 + g.n(5)
	switch g.n(3) {
	case 0: // producer, range until close
		buf := g.n(3)
		g.p("%s := make(chan int, %d)", ch, buf)
		g.p("go func(n int, s []int) {")
		g.ind++
		g.inGo = true
		g.push()
		g.declare("n", tInt, true)
		g.declare("s", tSlice, true)
		g.p("for j := 0; j < n; j++ {")
		g.p("\t%s <- s[j%%len(s)]*j + %s", ch, g.sub(tInt, 2))
		g.p("}")
		g.p("close(%s)", ch)
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.inGo = false
		g.ind--
		g.p("}(%d, %s)", n, g.sub(tSlice, 2))
		g.p("%s := 0", acc)
		g.p("for x := range %s {", ch)
		g.p("\t%s = %s*3 + x", acc, acc)
		g.p("}")
	case 1: // workers, results summed
		g.p("%s := make(chan int64, %d)", ch, n)
		g.p("for w := 0; w < %d; w++ {", n)
		g.p("\tgo func(w int64, a int64) {")
		g.p("\t\t%s <- w*a ^ (a >> 3)", ch)
		g.p("\t}(int64(w), %s)", g.sub(tInt64, 2))
		g.p("}")
		g.p("var %s int64", acc)
		g.p("for w := 0; w < %d; w++ {", n)
		g.p("\t%s += <-%s", acc, ch)
		g.p("}")
	default: // ping-pong over unbuffered channels
		g.p("%s := make(chan string)", ch)
		g.p("%s_back := make(chan int)", ch)
		g.p("go func() {")
		g.p("\tfor s := range %s {", ch)
		g.p("\t\t%s_back <- len(s)", ch)
		g.p("\t}")
		g.p("\tclose(%s_back)", ch)
		g.p("}()")
		g.p("%s := 0", acc)
		g.p("for j := 0; j < %d; j++ {", n)
		g.p("\t%s <- %s", ch, g.sub(tString, 2))
		g.p("\t%s += <-%s_back", acc, ch)
		g.p("}")
		g.p("close(%s)", ch)
		g.p("for range %s_back {", ch)
		g.p("}")
	}
	g.p("cs += uint64(%s)", acc)
}

// multiCall: a call of a function with two results.
func (g *gen) multiCall() {
	if g.inGo || g.noCalls {
		g.simpleStmt()
		return
	}
	var cands []*fn
	for _, f := range g.funcs {
		if len(f.results) == 2 {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		g.simpleStmt()
		return
	}
	f := cands[g.n(len(cands))]
	a, b := g.newName("v"), g.newName("v")
	g.p("%s, %s := %s(%s)", a, b, f.name, g.args(f.params, 3))
	g.declare(a, f.results[0], false)
	g.declare(b, f.results[1], false)
}

// counterStmt: a closure that writes a captured variable, called as
// statements only.
func (g *gen) counterStmt() {
	c, f := g.newName("cnt"), g.newName("inc")
	g.p("%s := %s", c, g.nonConst(tInt, 2))
	g.p("%s := func(d int) int { %s = %s*3 + d; return %s }", f, c, c, c)
	for i := 0; i < 1+g.n(3); i++ {
		g.p("cs += uint64(%s(%s))", f, g.nonConst(tInt, 2))
	}
	g.declare(c, tInt, false)
}

// methodStmt: method values and expressions, value and pointer receivers.
func (g *gen) methodStmt() {
	v := g.newName("mv")
	switch g.n(4) {
	case 0:
		g.p("%s := %s.M", v, g.nonConst(tS, 2))
	case 1:
		g.p("%s := (&T2{%s}).M", v, g.nonConst(tInt, 2))
	case 2:
		g.p("%s := func(x int) int { return S.M(%s, x) }", v, g.nonConst(tS, 2))
	default:
		t := g.newName("t")
		g.p("%s := &T2{%d}", t, g.n(9))
		g.p("%s := func(x int) int { r := (*T2).M(%s, x); return r + %s.n }", v, t, t)
	}
	g.declare(v, tFunc, false)
}

// convStmt: conversions between strings, byte and rune slices.
func (g *gen) convStmt() {
	s := g.nonConst(tString, 2)
	b, r := g.newName("bs"), g.newName("rs")
	g.p("%s := []byte(%s)", b, s)
	g.p("%s := []rune(%s)", r, s)
	g.p("if len(%s) > 0 {", b)
	g.p("	%s[0] ^= %s", b, g.sub(tUint8, 2))
	g.p("}")
	g.p("cs += hstr(string(%s)) + uint64(len(%s))*7 + hstr(string(%s))", b, r, r)
}

// struct2Stmt: a struct with padding, a float, a bool and an array:
// copies, field updates, comparison.
func (g *gen) struct2Stmt() {
	a, b := g.newName("z"), g.newName("z")
	g.p("%s := S2{a: %s, b: %s, c: %s, d: %s, e: [3]int32{%s, 2, %s}}", a, g.nonConst(intTypes[1], 2),
		g.sub(tFloat64, 2), g.sub(tBool, 2), g.sub(intTypes[7], 2), g.sub(tInt32, 2), g.sub(tInt32, 2))
	g.p("%s := %s", b, a)
	switch g.n(3) {
	case 0:
		g.p("%s.e[uint(%s)%%3]++", b, g.nonConst(tInt, 2))
	case 1:
		g.p("%s.a ^= %s", b, g.sub(intTypes[1], 2))
	default:
		g.p("%s.c = !%s.c", b, b)
	}
	g.p("cs += b2u(%s == %s)*3 + hS2(%s) + hS2(id_S2(%s))", a, b, a, b)
}

// loopCaptureStmt: closures made in a loop capture its variable (one per
// loop in Go 1.19).
func (g *gen) loopCaptureStmt() {
	fs, i := g.newName("fs"), g.newName("i")
	g.p("var %s []func() int", fs)
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 1+g.n(4), i)
	g.p("	%s = append(%s, func() int { return %s * %d })", fs, fs, i, 1+g.n(5))
	g.p("}")
	g.p("for _, f := range %s {", fs)
	g.p("	cs = cs*3 + uint64(f())")
	g.p("}")
}

// bigSwitchStmt: an integer switch with many cases (binary search or
// jump table in gc).
func (g *gen) bigSwitchStmt() {
	t := intTypes[g.n(len(intTypes))]
	g.p("switch (%s) %% 40 {", g.nonConst(t, 2))
	for k := 0; k < 40; k += 1 + g.n(3) {
		g.p("case %d:", k)
		g.p("	cs += %d", g.n(1000))
	}
	g.p("default:")
	g.p("	cs--")
	g.p("}")
}

func (g *gen) selectStmt() {
	ch := g.newName("sc")
	g.p("%s := make(chan int, 1)", ch)
	if g.chance(60) {
		g.p("%s <- %s", ch, g.sub(tInt, 2))
	}
	g.p("select {")
	g.p("case x, ok := <-%s:", ch)
	g.p("\tcs += uint64(x) + b2u(ok)")
	g.p("default:")
	g.p("\tcs += 5")
	g.p("}")
}

func (g *gen) mapStmt() {
	vs := g.vars(tMap, true)
	if len(vs) == 0 {
		name := g.newName("m")
		g.p("%s := make(map[string]int)", name)
		g.declare(name, tMap, false)
		return
	}
	m := vs[g.n(len(vs))].name
	switch g.n(3) {
	case 0:
		g.p("%s[%s] = %s", m, g.sub(tString, 2), g.sub(tInt, 2))
	case 1:
		g.p("delete(%s, %s)", m, g.sub(tString, 2))
	default:
		g.p("if x, ok := %s[(%s)]; ok {", m, g.sub(tString, 2))
		g.p("\tcs += uint64(x)")
		g.p("}")
	}
}

func (g *gen) sliceStmt() {
	vs := g.vars(tSlice, true)
	if len(vs) == 0 {
		g.declStmt()
		return
	}
	s := vs[g.n(len(vs))].name
	switch g.n(3) {
	case 0:
		g.p("%s = append(%s, %s)", s, s, g.sub(tInt, 2))
	case 1:
		g.p("%s[uint(%s)%%uint(len(%s))] = %s", s, g.nonConst(tInt, 1), s, g.sub(tInt, 2))
	default:
		g.p("%s = append([]int(nil), %s...)", s, s)
		g.p("copy(%s, %s)", s, g.sub(tSlice, 2))
	}
}

// ---- functions and program ----

func (g *gen) function(idx int) *fn {
	f := &fn{name: "f" + strconv.Itoa(idx)}
	np := 6
	if g.chance(20) {
		np = 14 // more arguments than argument registers
	}
	for i := 0; i < g.n(np); i++ {
		f.params = append(f.params, g.pick())
	}
	nres := 1
	if g.chance(30) {
		nres = 2
	}
	for i := 0; i < nres; i++ {
		f.results = append(f.results, allTypes[g.n(len(allTypes))])
	}
	var ps, rs []string
	g.scopes = nil
	g.push()
	for i, t := range f.params {
		name := "p" + strconv.Itoa(i)
		ps = append(ps, name+" "+t.name)
		ro := t.k >= kSlice // never written through: the caller may read it too
		g.declare(name, t, ro)
	}
	for _, t := range f.results {
		rs = append(rs, t.name)
	}
	res := strings.Join(rs, ", ")
	if len(rs) > 1 {
		res = "(" + res + ")"
	}
	g.p("func %s(%s) %s {", f.name, strings.Join(ps, ", "), res)
	g.ind++
	g.p("var cs uint64")
	g.p("defer func() { gcs = gcs*1000003 + cs }()")
	g.push()
	for i := 0; i < 4+g.n(12); i++ {
		g.stmt(3)
	}
	var re []string
	for _, t := range f.results {
		re = append(re, g.sub(t, 4))
	}
	g.pop()
	g.p("return %s", strings.Join(re, ", "))
	g.ind--
	g.p("}")
	g.p("")
	g.scopes = nil
	return f
}

func (g *gen) genericFunc(k int) {
	ops := []string{"+", "-", "*"}
	e := "a"
	for i := 0; i < 1+g.n(4); i++ {
		var o string
		switch g.n(3) {
		case 0:
			o = "b"
		case 1:
			o = fmt.Sprintf("T(%d)", g.n(100))
		default:
			o = "a"
		}
		e = "(" + e + " " + ops[g.n(3)] + " " + o + ")"
	}
	g.p("func gen%d[T Integer](a, b T) T {", k)
	g.p("\tif a < b {")
	g.p("\t\treturn %s", e)
	g.p("\t}")
	g.p("\treturn b ^ (a >> %d)", g.n(8))
	g.p("}")
	g.p("")
}

const prelude = `package main

type S struct {
	A int64
	B string
	C [2]uint8
}

type I interface{ M(int) int }

type S2 struct {
	a int8
	b float64
	c bool
	d uint16
	e [3]int32
}

func hS2(s S2) uint64 {
	return uint64(s.a)*3 + uint64(f2i(s.b)) + b2u(s.c)*5 + uint64(s.d)<<3 + uint64(s.e[0]) + uint64(s.e[1])*7 + uint64(s.e[2])*11
}

func id_S2(s S2) S2 { return s }

func (s S) M(x int) int { return int(s.A) + x + len(s.B) }

type T2 struct{ n int }

func (t *T2) M(x int) int { t.n++; return t.n * x }

type T3 int

func (t T3) M(x int) int { return int(t) - x }

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type Ordered interface {
	Integer | ~float32 | ~float64 | ~string
}

func gMax[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func gSum[T Integer](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func gMap[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func gId[T any](x T) T { return x }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

var gcs uint64

func addG(x uint64) { gcs = gcs*5 + x }

func f2i(f float64) int64 {
	if f != f || f > 1e18 || f < -1e18 {
		return 12345
	}
	return int64(f)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func hstr(s string) uint64 {
	h := uint64(len(s))
	for i := 0; i < len(s); i++ {
		h = h*131 + uint64(s[i])
	}
	return h
}

func hS(s S) uint64 { return uint64(s.A)*17 + hstr(s.B) + uint64(s.C[0])<<8 + uint64(s.C[1]) }

func hA(a [4]int16) uint64 {
	var h uint64
	for _, x := range a {
		h = h*65599 + uint64(x)
	}
	return h
}

func hsl(s []int) uint64 {
	h := uint64(len(s))
	for _, x := range s {
		h = h*31 + uint64(x)
	}
	return h
}

func hm(m map[string]int) uint64 {
	var h uint64
	for k, v := range m {
		h += hstr(k) * uint64(v+1)
	}
	return h + uint64(len(m))
}

func hp(p *S) uint64 {
	if p == nil {
		return 7
	}
	return hS(*p)
}

func hi(i I) uint64 {
	if i == nil {
		return 3
	}
	if t, ok := i.(*T2); ok {
		return uint64(t.n) + 11
	}
	return uint64(i.M(5))
}

func isS(i I) bool {
	_, ok := i.(S)
	return ok
}

type J interface {
	I
	N() string
}

func (s S) N() string  { return s.B + "n" }
func (t T3) N() string { return "t3" }

func mkJ(x int) J {
	switch x % 3 {
	case 0:
		return S{A: int64(x), B: "j"}
	case 1:
		return T3(x)
	}
	return nil
}

type P3 struct {
	X, Y float64
	Name string
	Arr  [3]int32
}

func hP3(p P3) uint64 {
	return uint64(f2i(p.X*1000)) + uint64(f2i(p.Y*1000))*7 + hstr(p.Name)*3 + uint64(p.Arr[0]) + uint64(p.Arr[1])<<5 + uint64(p.Arr[2])<<11
}

func modA(a [3]S, i uint) [3]S {
	a[i%3].A += 5
	a[(i+1)%3].B += "m"
	return a
}

func swapP(p, q P3, k int) (P3, int, P3) {
	p.Arr[k&1]++
	return q, len(p.Name) + k, p
}

func hc(c complex128) uint64 { return uint64(f2i(real(c)*1000))*31 + uint64(f2i(imag(c)*1000)) }

func derefS(p *S) S {
	if p == nil {
		return S{}
	}
	return *p
}

func mkI(x int) I {
	switch x & 3 {
	case 0:
		return S{A: int64(x)}
	case 1:
		return &T2{x}
	case 2:
		return T3(x)
	}
	return nil
}

func cloneSl(s []int) []int { return append([]int(nil), s...) }

func cloneM(m map[string]int) map[string]int {
	r := make(map[string]int, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

func newS(s S) *S { return &s }

func tryDiv(a, b int) (q int) {
	defer func() {
		if e := recover(); e != nil {
			println(e.(error).Error())
			q = -1
		}
	}()
	return a / b
}

func tryIndex(s []int, i int) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(error).Error()
		}
	}()
	return string(rune(s[i]))
}

`

func main() {
	seed, _ := strconv.ParseInt(os.Args[1], 10, 64)
	g := &gen{r: rand.New(rand.NewSource(seed)), used: map[string]bool{}}
	g.out.WriteString(prelude)
	// globals: a non-constant value of every type
	for _, t := range allTypes {
		g.p("var g_%s %s = %s", gname(t), t.name, g.lit(t))
	}
	g.p("")
	g.p("func id_%s(x %s) %s { return x }", "int", "int", "int")
	for _, t := range allTypes {
		if t != tInt {
			g.p("func id_%s(x %s) %s { return x }", gname(t), t.name, t.name)
		}
	}
	g.p("")
	g.gfuncs = 1 + g.n(3)
	for k := 0; k < g.gfuncs; k++ {
		g.genericFunc(k)
	}
	nf := 3 + g.n(6)
	for i := 0; i < nf; i++ {
		f := g.function(i)
		g.funcs = append(g.funcs, f)
	}
	g.p("func main() {")
	g.ind++
	g.scopes = nil
	g.push()
	for _, f := range g.funcs {
		for rep := 0; rep < 1+g.n(2); rep++ {
			var rs []string
			for range f.results {
				rs = append(rs, g.newName("res"))
			}
			g.p("%s := %s(%s)", strings.Join(rs, ", "), f.name, g.args(f.params, 3))
			var hs []string
			for i, t := range f.results {
				hs = append(hs, g.hash(rs[i], t))
			}
			g.p("println(%q, %s, gcs)", f.name, strings.Join(hs, ", "))
		}
	}
	g.ind--
	g.p("}")
	os.Stdout.WriteString(g.out.String())
}

// ---- widened statements: register pressure, division by constants,
// complex numbers, aggregates, interfaces, select, scopes, labels ----

// pressureStmt: many simultaneously live locals of several numeric
// types, updated in a loop with deep expressions and calls between their
// uses (spills across calls and loops).
func (g *gen) pressureStmt() {
	k := 8 + g.n(14)
	type lv struct {
		name string
		t    *typ
	}
	var ls []lv
	for i := 0; i < k; i++ {
		t := intTypes[g.n(len(intTypes))]
		if g.chance(20) {
			t = []*typ{tFloat64, tFloat32}[g.n(2)]
		}
		name := g.newName("r")
		g.p("%s := %s(%s)", name, t.name, g.nonConst(t, 2))
		ls = append(ls, lv{name, t})
	}
	conv := func(l lv, t *typ) string {
		if l.t.k == kFloat && t.k == kInt {
			return fmt.Sprintf("%s(f2i(float64(%s)))", t.name, l.name)
		}
		return fmt.Sprintf("%s(%s)", t.name, l.name)
	}
	i := g.newName("i")
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(6), i)
	g.ind++
	for n := 0; n < 3+g.n(k); n++ {
		a := ls[g.n(len(ls))]
		b := ls[g.n(len(ls))]
		c := ls[g.n(len(ls))]
		switch g.n(5) {
		case 0: // a call between definition and uses of everything
			if a.t.k == kInt && g.chance(40) {
				calls := []string{"%s(hi(mkI(%s)))", "%s(g_F(%s))", "%s(len(string(rune(%s))))", "%s(gMax(%s, 3))"}
				g.p("%s += "+calls[g.n(len(calls))], a.name, a.t.name, conv(b, tInt))
			} else if a.t.k == kInt {
				g.p("%s += %s(id_int(%s + %s))", a.name, a.t.name, conv(b, tInt), i)
			} else {
				g.p("%s += %s(id_float64(float64(%s)))", a.name, a.t.name, b.name)
			}
		case 1:
			if e, ok := g.call(a.t, 3); ok {
				g.p("%s -= %s", a.name, e)
			} else if a.t.k == kInt {
				g.p("%s -= %s * %s", a.name, conv(b, a.t), conv(c, a.t))
			}
		case 2:
			ops := []string{"+", "-", "*", "^", "&", "|"}
			if a.t.k == kFloat {
				ops = ops[:3]
			}
			e := conv(b, a.t)
			for m := 0; m < 2+g.n(6); m++ {
				e = "(" + e + " " + ops[g.n(len(ops))] + " " + conv(ls[g.n(len(ls))], a.t) + ")"
			}
			g.p("%s = %s", a.name, e)
		case 3:
			if a.t.k == kInt {
				g.p("%s = %s(%s) + %s / (%s | 1)", a.name, a.t.name, g.sub(a.t, 4), conv(b, a.t), conv(c, a.t))
			} else {
				g.p("%s = %s", a.name, g.sub(a.t, 4))
			}
		default:
			g.p("if %s > %s {", conv(b, tInt64), conv(c, tInt64))
			g.p("\t%s, %s = %s, %s", b.name, c.name, conv(c, b.t), conv(b, c.t))
			g.p("}")
		}
	}
	g.ind--
	g.p("}")
	for _, l := range ls {
		g.p("cs = cs*31 + %s", g.hash(l.name, l.t))
	}
}

// divisors: every small constant, positive and negative, and powers of two.
var divisors = []int64{1, -1, 2, -2, 3, -3, 4, -4, 5, 6, 7, -7, 8, -8, 9, 10, -10, 11, 12, 13, 15, 16, -16,
	17, 25, 31, 32, -32, 60, 63, 64, -64, 100, 125, 127, -127, -128, 128, 255, 256, -256, 641, 1000, 1024,
	4096, 32767, -32768, 32768, 65535, 65536, 1 << 20, 1000000007, 1 << 30, 1<<31 - 1, -1 << 31, 1 << 31,
	1<<32 - 1, 1 << 32, 1 << 40, 1<<62 + 7, 1 << 62, 1<<63 - 1, -1 << 63}

func inRange(t *typ, k int64) bool {
	if !t.signed {
		return k > 0 && (t.bits == 64 || k < 1<<uint(t.bits))
	}
	if t.bits == 64 {
		return true
	}
	return k >= -(1<<uint(t.bits-1)) && k < 1<<uint(t.bits-1)
}

// divConstStmt: x/k and x%k for constants k of an integer type over
// values including the extremes (the back end's division by constants).
func (g *gen) divConstStmt() {
	t := intTypes[g.n(len(intTypes))]
	var ks []string
	for _, k := range divisors {
		if inRange(t, k) && (g.chance(30) || k == 1 || k == -1) {
			ks = append(ks, strconv.FormatInt(k, 10))
		}
	}
	if !t.signed {
		ks = append(ks, fmt.Sprintf("1 << %d", t.bits-1), fmt.Sprintf("1<<%d - 1", t.bits))
	}
	var vals []string
	if t.signed {
		vals = []string{fmt.Sprintf("-1 << %d", t.bits-1), fmt.Sprintf("1<<%d - 1", t.bits-1), "-1", "-7", fmt.Sprintf("-1<<%d + 1", t.bits-1)}
	} else {
		vals = []string{fmt.Sprintf("1<<%d - 1", t.bits), fmt.Sprintf("1 << %d", t.bits-1), "255"}
		if t.bits == 8 {
			vals[2] = "254"
		}
	}
	vals = append(vals, "0", "1", "3", "100", g.nonConst(t, 2), g.nonConst(t, 2))
	x := g.newName("x")
	g.p("for _, %s := range [...]%s{%s} {", x, t.name, strings.Join(vals, ", "))
	g.ind++
	for _, ks := range ks {
		ks = "(" + ks + ")"
		switch g.n(4) {
		case 0:
			g.p("cs = cs*7 + uint64(%s / %s) + uint64(%s %% %s)<<1", x, ks, x, ks)
		case 1:
			y := g.newName("y")
			g.p("%s := %s", y, x)
			op := "/="
			if g.chance(50) {
				op = "%="
			}
			g.p("%s %s %s", y, op, ks)
			g.p("cs = cs*7 + uint64(%s)", y)
		case 2: // against division by the same value in a variable
			g.p("if %s / %s != %s / id_%s(%s) || %s %% %s != %s %% id_%s(%s) {", x, ks, x, t.name, ks, x, ks, x, t.name, ks)
			g.p("\tprintln(\"div mismatch\", %s, %s(%s))", x, t.name, ks)
			g.p("}")
		default:
			g.p("cs = cs*7 + uint64((%s + %s) / %s) + b2u(%s %% %s == 0)", x, g.sub(t, 2), ks, x, ks)
		}
	}
	g.ind--
	g.p("}")
}

// complexStmt: complex64 and complex128 arithmetic and comparisons.
func (g *gen) complexStmt() {
	ct, ft := "complex128", tFloat64
	if g.chance(40) {
		ct, ft = "complex64", tFloat32
	}
	var cs []string
	for i := 0; i < 2+g.n(3); i++ {
		c := g.newName("c")
		switch g.n(3) {
		case 0:
			g.p("%s := complex(%s, %s)", c, g.nonConst(ft, 2), g.sub(ft, 2))
		case 1:
			g.p("%s := complex(%s, 0) + %di", c, g.nonConst(ft, 2), g.n(5)-2)
		default:
			g.p("var %s %s = %s(complex(float64(%s), %d))", c, ct, ct, g.nonConst(tInt, 2), g.n(9)-4)
		}
		cs = append(cs, c)
	}
	pick := func() string { return cs[g.n(len(cs))] }
	i := g.newName("i")
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 1+g.n(4), i)
	g.ind++
	for n := 0; n < 2+g.n(5); n++ {
		a := pick()
		switch g.n(7) {
		case 0, 1:
			ops := []string{"+", "-", "*", "/"}
			g.p("%s = %s %s %s", a, pick(), ops[g.n(4)], pick())
		case 2:
			g.p("%s = complex(real(%s)*%s, -imag(%s)) %s %s", a, pick(), g.nonConst(ft, 1), pick(), []string{"+", "*", "/"}[g.n(3)], pick())
		case 3:
			g.p("if %s == %s || %s != (%s + 1i) {", pick(), pick(), pick(), pick())
			g.p("\tcs += 3")
			g.p("}")
		case 4:
			g.p("%s %s= %s(%s)", a, []string{"+", "-", "*", "/"}[g.n(4)], ct, []string{"2", "0.5", "1i", "-3+4i", "0"}[g.n(5)])
		case 5:
			g.p("%s = %s(complex128(%s) * complex128(%s))", a, ct, pick(), pick())
		default:
			g.p("%s = -%s + %s(%s)", a, pick(), ct, pick())
		}
	}
	g.ind--
	g.p("}")
	for _, c := range cs {
		g.p("cs = cs*31 + hc(complex128(%s)) + b2u(%s == %s)", c, c, pick())
	}
}

// aggregateStmt: arrays of structs, structs with arrays and strings,
// struct-valued maps, multi-dimensional arrays.
func (g *gen) aggregateStmt() {
	switch g.n(4) {
	case 0:
		a := g.newName("as")
		g.p("var %s [3]S", a)
		g.p("%s[uint(%s)%%3] = %s", a, g.sub(tUint, 2), g.sub(tS, 2))
		g.p("%s[1].C[%s&1] += %s", a, g.sub(tInt, 2), g.sub(tUint8, 2))
		g.p("%s[2].B = %s[0].B + %s", a, a, g.sub(tString, 2))
		g.p("%s[uint(%s)%%3].A -= %s", a, g.nonConst(tInt, 2), g.sub(tInt64, 2))
		b := g.newName("as")
		g.p("%s := %s", b, a)
		g.p("%s[0].A++", b)
		g.p("cs += b2u(%s == %s) + b2u(%s[1] == %s[1])*2", a, b, a, b)
		g.p("for _, s := range %s {", a)
		g.p("\tcs = cs*17 + hS(s)")
		g.p("}")
		g.p("cs += hS(%s[2])", b)
		g.p("%s = modA(%s, %s)", b, a, g.sub(tUint, 2))
		g.p("cs += hS(%s[0]) + hS(%s[1])", b, b)
	case 1:
		m := g.newName("mp")
		g.p("%s := map[int]P3{}", m)
		i := g.newName("i")
		g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(5), i)
		g.p("\t%s[%s%%3] = P3{X: float64(%s) + %s, Name: %s, Arr: [3]int32{int32(%s), %s, 3}}", m, i, i, g.sub(tFloat64, 2), g.sub(tString, 2), i, g.sub(tInt32, 2))
		g.p("\tt := %s[(%s+1)%%3]", m, i)
		g.p("\tt.Arr[uint(%s)%%3] += int32(%s)", g.sub(tUint, 1), i)
		g.p("\tt.Name += %q", []string{"x", "", "yz"}[g.n(3)])
		g.p("\tt.Y -= t.X")
		g.p("\t%s[(%s+1)%%3] = t", m, i)
		g.p("\tif v, ok := %s[%s]; ok {", m, g.sub(tInt, 1))
		g.p("\t\tcs += hP3(v)")
		g.p("\t}")
		g.p("}")
		g.p("for k, v := range %s {", m)
		g.p("\tcs += uint64(k+1) * hP3(v)")
		g.p("}")
	case 2:
		md := g.newName("md")
		t := intTypes[g.n(len(intTypes))]
		r, c := 2+g.n(3), 2+g.n(4)
		g.p("var %s [%d][%d]%s", md, r, c, t.name)
		g.p("for i := range %s {", md)
		g.p("\tfor j := range %s[i] {", md)
		g.p("\t\t%s[i][j] = %s(i*%d + j) ^ %s", md, t.name, c, g.sub(t, 2))
		g.p("\t}")
		g.p("}")
		for n := 0; n < 1+g.n(4); n++ {
			g.p("%s[uint(%s)%%%d][uint(%s)%%%d] += %s[%d][uint(%s)%%%d]", md, g.sub(tUint8, 2), r, g.nonConst(tInt, 2), c, md, g.n(r), g.sub(tUint, 1), c)
		}
		g.p("%s[%d] = %s[%d]", md, g.n(r), md, g.n(r))
		g.p("for _, row := range %s {", md)
		g.p("\tfor _, x := range row {")
		g.p("\t\tcs = cs*3 + uint64(x)")
		g.p("\t}")
		g.p("}")
	default:
		p := g.newName("pv")
		g.p("%s := P3{Name: %s, Arr: [3]int32{%s, 2, %s}, X: %s}", p, g.sub(tString, 2), g.sub(tInt32, 2), g.sub(tInt32, 2), g.sub(tFloat64, 2))
		q := g.newName("pv")
		g.p("%s := &%s", q, p)
		g.p("%s.Arr[uint(%s)%%3] *= %s", q, g.sub(tUint, 2), g.sub(tInt32, 2))
		g.p("%s.Name = %s.Name[uint(%s)%%uint(len(%s.Name)+1):]", p, q, g.sub(tUint, 2), q)
		g.p("cs += hP3(%s) + hP3(*%s) + b2u(%s == *%s)", p, q, p, q)
		r, k := g.newName("pv"), g.newName("k")
		g.p("var %s P3", r)
		g.p("var %s int", k)
		g.p("%s, %s, *%s = swapP(%s, *%s, %s)", r, k, q, p, q, g.sub(tInt, 2))
		g.p("cs += hP3(%s)*3 + uint64(%s) + hP3(%s)", r, k, p)
	}
}

// ifaceStmt: an embedded interface, assertions to it, type switches with
// several types per case.
func (g *gen) ifaceStmt() {
	j := g.newName("j")
	g.p("%s := mkJ(%s)", j, g.sub(tInt, 2))
	g.p("cs += hi(%s)", j)
	x := g.newName("x")
	if g.chance(50) {
		g.p("var %s I = %s", x, j)
		g.p("if %s != nil {", j)
		g.p("\tcs += uint64(%s.M(%s)) + hstr(%s.N())", x, g.sub(tInt, 1), j)
		g.p("}")
	} else {
		g.p("%s := %s", x, g.sub(tIface, 2))
	}
	v := g.newName("v")
	g.p("switch %s := %s.(type) {", v, x)
	switch g.n(2) {
	case 0:
		g.p("case S, T3:")
		g.p("\tcs += uint64(%s.M(3)) + hi(%s)", v, v)
		g.p("case *T2, nil:")
		g.p("\tcs += b2u(%s == nil)", v)
	default:
		g.p("case J:")
		g.p("\tcs += hstr(%s.N())", v)
		g.p("case *T2:")
		g.p("\tcs += uint64(%s.n)", v)
	}
	g.p("}")
	a := g.newName("a")
	t := intTypes[g.n(len(intTypes))]
	vals := []string{t.name + "(" + g.nonConst(t, 1) + ")", g.sub(tString, 1), g.sub(tFloat64, 1), g.sub(tS, 1), "complex(1, 2)", "[]byte(\"ab\")", j}
	g.p("var %s interface{} = %s", a, vals[g.n(len(vals))])
	g.p("switch %s := %s.(type) {", v, a)
	g.p("case int, int8, int16, int32, int64:")
	g.p("\tcs += 1 + b2u(%s != nil)", v)
	g.p("case uint, uint8, uint16, uint32, uint64, uintptr:")
	g.p("\tcs += 2")
	g.p("case string, []byte:")
	g.p("\tcs += 3")
	g.p("case float64:")
	g.p("\tcs += uint64(f2i(%s))", v)
	g.p("case J, *T2:")
	g.p("\tcs += hi(%s.(I))", v)
	g.p("case complex128, S:")
	g.p("\tcs += 7")
	g.p("case nil:")
	g.p("\tcs += 8")
	g.p("}")
	g.p("if jj, ok := %s.(J); ok && jj != nil {", a)
	g.p("\tcs += hstr(jj.N())")
	g.p("}")
}

// selectMultiStmt: select over several ready buffered channels; results
// summed (independent of the order select picks them in).
func (g *gen) selectMultiStmt() {
	c1, c2, c3, c4 := g.newName("ch"), g.newName("ch"), g.newName("ch"), g.newName("ch")
	n1, n2, n3 := 1+g.n(3), g.n(3), g.n(2)
	g.p("%s, %s, %s, %s := make(chan int, 3), make(chan string, 2), make(chan S, 1), make(chan int, 1)", c1, c2, c3, c4)
	for i := 0; i < n1; i++ {
		g.p("%s <- %s", c1, g.sub(tInt, 2))
	}
	for i := 0; i < n2; i++ {
		g.p("%s <- %s", c2, g.sub(tString, 2))
	}
	for i := 0; i < n3; i++ {
		g.p("%s <- %s", c3, g.sub(tS, 2))
	}
	closed := g.chance(50)
	if closed {
		g.p("close(%s)", c2)
	}
	got, sum := g.newName("got"), g.newName("sum")
	g.p("%s, %s := 0, uint64(0)", got, sum)
	g.p("for %s < %d {", got, n1+n2+n3)
	g.p("\tselect {")
	g.p("\tcase x := <-%s:", c1)
	g.p("\t\t%s += uint64(x)*3 + 1", sum)
	g.p("\t\t%s++", got)
	g.p("\tcase s, ok := <-%s:", c2)
	g.p("\t\tif ok {")
	g.p("\t\t\t%s += hstr(s)", sum)
	g.p("\t\t\t%s++", got)
	g.p("\t\t}")
	g.p("\tcase v := <-%s:", c3)
	g.p("\t\t%s += hS(v)", sum)
	g.p("\t\t%s++", got)
	g.p("\tcase %s <- %d:", c4, g.n(50))
	g.p("\t}")
	g.p("}")
	g.p("select {")
	g.p("case %s <- 1:", c4)
	g.p("default:")
	g.p("}")
	g.p("cs += %s + uint64(<-%s)*0 + uint64(len(%s))", sum, c4, c4)
}

// shadowStmt: a variable redeclared in nested scopes, in if and for
// headers, with other types, and predeclared names shadowed.
func (g *gen) shadowStmt(d int) {
	vs := g.vars(tInt, true)
	var x string
	if len(vs) > 0 && g.chance(60) {
		x = vs[g.n(len(vs))].name
	} else {
		x = g.newName("x")
		g.p("%s := %s", x, g.nonConst(tInt, 2))
		g.declare(x, tInt, false)
	}
	g.p("{")
	g.ind++
	g.p("%s := %s * %d", x, x, 1+g.n(5))
	g.p("cs += uint64(%s)", x)
	g.push()
	g.declare(x, tInt, false)
	g.stmt(d - 1)
	g.pop()
	g.p("if %s := %s + %d; %s > %d {", x, x, g.n(10), x, g.n(20))
	g.p("\t%s := uint8(%s)", x, x)
	g.p("\tcs += uint64(%s) * 3", x)
	g.p("} else if %s := hstr(\"s\") + uint64(%s); %s > 0 {", x, x, x)
	g.p("\tcs += %s", x)
	g.p("}")
	g.p("for %s := 0; %s < 3; %s++ {", x, x, x)
	g.p("\t%s := %s * 2", x, x)
	g.p("\tcs += uint64(%s)", x)
	g.p("}")
	g.p("{")
	g.p("\tlen, true, %s := %d, false, \"sh\"", x, g.n(10))
	g.p("\tcs += uint64(len) + b2u(true) + hstr(%s)", x)
	g.p("}")
	g.p("cs = cs*5 + uint64(%s)", x)
	g.ind--
	g.p("}")
}

// labelStmt: labeled break and continue out of a switch and a select
// inside two loops.
func (g *gen) labelStmt() {
	l1, l2 := g.newName("Outer"), g.newName("Inner")
	i, j, ch := g.newName("i"), g.newName("j"), g.newName("lc")
	g.p("%s := make(chan int, 8)", ch)
	g.p("for k := 0; k < %d; k++ {", g.n(9))
	g.p("\t%s <- k * %d", ch, 1+g.n(3))
	g.p("}")
	g.p("%s:", l1)
	g.p("for %s := 0; %s < %d; %s++ {", i, i, 2+g.n(4), i)
	g.p("%s:", l2)
	g.p("\tfor %s := 0; %s < %d; %s++ {", j, j, 2+g.n(4), j)
	g.p("\t\tswitch (%s*%d + %s + int(uint8(%s))) %% 6 {", i, 1+g.n(4), j, g.sub(tUint8, 1))
	g.p("\t\tcase 0:")
	g.p("\t\t\tcontinue %s", l1)
	g.p("\t\tcase 1:")
	g.p("\t\t\tif %s > %d {", j, g.n(3))
	g.p("\t\t\t\tbreak %s", l2)
	g.p("\t\t\t}")
	g.p("\t\t\tcs += 1")
	g.p("\t\tcase 2:")
	g.p("\t\t\tcs += 2")
	g.p("\t\t\tcontinue")
	g.p("\t\tcase 3:")
	g.p("\t\t\tif %s == %d {", i, g.n(5))
	g.p("\t\t\t\tbreak %s", l1)
	g.p("\t\t\t}")
	g.p("\t\t\tbreak")
	g.p("\t\tdefault:")
	g.p("\t\t\tselect {")
	g.p("\t\t\tcase v := <-%s:", ch)
	g.p("\t\t\t\tif v > %d {", g.n(12))
	g.p("\t\t\t\t\tcontinue %s", l2)
	g.p("\t\t\t\t}")
	g.p("\t\t\t\tif v == %d {", g.n(12))
	g.p("\t\t\t\t\tbreak %s", l1)
	g.p("\t\t\t\t}")
	g.p("\t\t\t\tcs += uint64(v)")
	g.p("\t\t\t\tbreak")
	g.p("\t\t\tdefault:")
	g.p("\t\t\t\tcs += 5")
	g.p("\t\t\t\tcontinue %s", l1)
	g.p("\t\t\t}")
	g.p("\t\t\tcs += 11")
	g.p("\t\t}")
	g.p("\t\tcs = cs*3 + uint64(%s*10+%s)", i, j)
	g.p("\t}")
	g.p("\tcs += 100")
	g.p("}")
}
