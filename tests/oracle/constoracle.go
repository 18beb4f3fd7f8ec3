// constoracle evaluates constant expressions with go/constant, for the
// differential test of goc's src/types/constant.c (tests/unit/run.sh).
//
// Input: one command per line, tokens separated by single spaces:
//
//	v EXPR          prints KIND|String()|ExactString()
//	i64 EXPR        prints Int64Val: value exact
//	u64 EXPR        prints Uint64Val: value exact
//	f32 EXPR        prints Float32Val: bits(hex) exact
//	f64 EXPR        prints Float64Val: bits(hex) exact
//	sign EXPR       prints Sign
//	bitlen EXPR     prints BitLen
//	rep TYPE EXPR   prints representability in TYPE and the rounded value
//
// EXPR is prefix notation: a Go literal (no spaces), true, false, unknown,
// or OP followed by its operands: binary + - * / % & | ^ &^ && || div
// (integer division, token.QUO_ASSIGN), == != < <= > >= (a Bool), << >>
// (operand, then a decimal count); unary neg pos not cpl cpl8 cpl16 cpl32
// cpl64 (^ with a precision), toint tofloat tocomplex real imag num denom
// mkimag.  A panic of go/constant prints "panic".
//
// With -isprint it prints strconv.IsPrint's ranges as a C table (the
// source of src/types/isprint.inc).
package main

import (
	"bufio"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"os"
	"strconv"
	"strings"
)

func classify(lit string) (constant.Value, bool) {
	switch lit {
	case "true":
		return constant.MakeBool(true), true
	case "false":
		return constant.MakeBool(false), true
	case "unknown":
		return constant.MakeUnknown(), true
	}
	var tok token.Token
	low := strings.ToLower(lit)
	switch {
	case lit[0] == '\'':
		tok = token.CHAR
	case lit[0] == '"' || lit[0] == '`':
		tok = token.STRING
	case lit[len(lit)-1] == 'i':
		tok = token.IMAG
	case strings.HasPrefix(low, "0x"):
		tok = token.INT
		if strings.ContainsAny(low, ".p") {
			tok = token.FLOAT
		}
	case strings.HasPrefix(low, "0b") || strings.HasPrefix(low, "0o"):
		tok = token.INT
	case strings.ContainsAny(low, ".e"):
		tok = token.FLOAT
	case lit[0] >= '0' && lit[0] <= '9':
		tok = token.INT
	default:
		return nil, false
	}
	return constant.MakeFromLiteral(lit, tok, 0), true
}

var binops = map[string]token.Token{
	"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO, "%": token.REM,
	"&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT,
	"&&": token.LAND, "||": token.LOR, "div": token.QUO_ASSIGN,
}

var cmpops = map[string]token.Token{
	"==": token.EQL, "!=": token.NEQ, "<": token.LSS, "<=": token.LEQ, ">": token.GTR, ">=": token.GEQ,
}

type parser struct {
	toks []string
	i    int
}

func (p *parser) next() string {
	if p.i >= len(p.toks) {
		panic("syntax")
	}
	t := p.toks[p.i]
	p.i++
	return t
}

func (p *parser) expr() constant.Value {
	t := p.next()
	if op, ok := binops[t]; ok {
		x := p.expr()
		y := p.expr()
		return constant.BinaryOp(x, op, y)
	}
	if op, ok := cmpops[t]; ok {
		x := p.expr()
		y := p.expr()
		return constant.MakeBool(constant.Compare(x, op, y))
	}
	switch t {
	case "<<", ">>":
		x := p.expr()
		n, err := strconv.ParseUint(p.next(), 10, 64)
		if err != nil {
			panic("syntax")
		}
		op := token.SHL
		if t == ">>" {
			op = token.SHR
		}
		return constant.Shift(x, op, uint(n))
	case "neg":
		return constant.UnaryOp(token.SUB, p.expr(), 0)
	case "pos":
		return constant.UnaryOp(token.ADD, p.expr(), 0)
	case "not":
		return constant.UnaryOp(token.NOT, p.expr(), 0)
	case "cpl":
		return constant.UnaryOp(token.XOR, p.expr(), 0)
	case "cpl8", "cpl16", "cpl32", "cpl64":
		n, _ := strconv.Atoi(t[3:])
		return constant.UnaryOp(token.XOR, p.expr(), uint(n))
	case "toint":
		return constant.ToInt(p.expr())
	case "tofloat":
		return constant.ToFloat(p.expr())
	case "tocomplex":
		return constant.ToComplex(p.expr())
	case "real":
		return constant.Real(p.expr())
	case "imag":
		return constant.Imag(p.expr())
	case "num":
		return constant.Num(p.expr())
	case "denom":
		return constant.Denom(p.expr())
	case "mkimag":
		return constant.MakeImag(p.expr())
	}
	v, ok := classify(t)
	if !ok {
		panic("syntax")
	}
	return v
}

func show(v constant.Value) string {
	return fmt.Sprintf("%s|%s|%s", v.Kind(), v.String(), v.ExactString())
}

// Representability as go/types' representableConst (64-bit target), with
// the rounding of roundFloat32/roundFloat64, written on go/constant's API.
func representable(x constant.Value, typ string) (bool, constant.Value) {
	if x.Kind() == constant.Unknown {
		return true, x
	}
	round := func(v constant.Value, bits int) constant.Value {
		var f float64
		if bits == 32 {
			f32, _ := constant.Float32Val(v)
			f = float64(f32)
		} else {
			f, _ = constant.Float64Val(v)
		}
		if math.IsInf(f, 0) {
			return nil
		}
		return constant.MakeFloat64(f)
	}
	switch typ {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "untyped_int":
		v := constant.ToInt(x)
		if v.Kind() != constant.Int {
			return false, nil
		}
		var lo, hi constant.Value
		switch typ {
		case "untyped_int":
			return true, v
		case "int8", "int16", "int32", "int64", "int":
			n := 64
			if typ != "int" {
				n, _ = strconv.Atoi(typ[3:])
			}
			lo = constant.MakeInt64(-1 << (n - 1))
			hi = constant.MakeInt64(1<<(n-1) - 1)
		default:
			n := 64
			if typ != "uint" && typ != "uintptr" {
				n, _ = strconv.Atoi(typ[4:])
			}
			lo = constant.MakeInt64(0)
			hi = constant.MakeUint64(1<<n - 1)
			if n == 64 {
				hi = constant.MakeUint64(math.MaxUint64)
			}
		}
		return constant.Compare(lo, token.LEQ, v) && constant.Compare(v, token.LEQ, hi), v
	case "float32", "float64", "untyped_float":
		v := constant.ToFloat(x)
		if v.Kind() != constant.Float {
			return false, nil
		}
		if typ == "untyped_float" {
			return true, x // go/types leaves the value as it is
		}
		bits := 64
		if typ == "float32" {
			bits = 32
		}
		r := round(v, bits)
		return r != nil, r
	case "complex64", "complex128", "untyped_complex":
		v := constant.ToComplex(x)
		if v.Kind() != constant.Complex {
			return false, nil
		}
		if typ == "untyped_complex" {
			return true, x
		}
		bits := 64
		if typ == "complex64" {
			bits = 32
		}
		re := round(constant.Real(v), bits)
		im := round(constant.Imag(v), bits)
		if re == nil || im == nil {
			return false, nil
		}
		return true, constant.BinaryOp(re, token.ADD, constant.MakeImag(im))
	case "string":
		return x.Kind() == constant.String, x
	case "bool":
		return x.Kind() == constant.Bool, x
	}
	panic("syntax")
}

func eval(line string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "panic"
		}
	}()
	p := &parser{toks: strings.Split(line, " ")}
	cmd := p.next()
	var res string
	switch cmd {
	case "v":
		res = show(p.expr())
	case "i64":
		n, ok := constant.Int64Val(p.expr())
		res = fmt.Sprintf("%d %v", n, ok)
	case "u64":
		n, ok := constant.Uint64Val(p.expr())
		res = fmt.Sprintf("%d %v", n, ok)
	case "f32":
		f, ok := constant.Float32Val(p.expr())
		res = fmt.Sprintf("%08x %v", math.Float32bits(f), ok)
	case "f64":
		f, ok := constant.Float64Val(p.expr())
		res = fmt.Sprintf("%016x %v", math.Float64bits(f), ok)
	case "sign":
		res = fmt.Sprint(constant.Sign(p.expr()))
	case "bitlen":
		res = fmt.Sprint(constant.BitLen(p.expr()))
	case "rep":
		typ := p.next()
		ok, r := representable(p.expr(), typ)
		if ok {
			res = "true " + show(r)
		} else {
			res = "false"
		}
	default:
		panic("syntax")
	}
	if p.i != len(p.toks) {
		panic("syntax")
	}
	return res
}

func isprintTable() {
	fmt.Println("/* isprint.inc — strconv.IsPrint's ranges (Unicode 13, Go 1.19), generated by")
	fmt.Println(" * `go run tests/oracle/constoracle.go -isprint`.  Do not edit. */")
	fmt.Println("static const uint32_t print_ranges[][2] = {")
	lo := rune(-1)
	n := 0
	for r := rune(0); r <= 0x110000; r++ {
		p := r < 0x110000 && strconv.IsPrint(r)
		if p && lo < 0 {
			lo = r
		}
		if !p && lo >= 0 {
			if n%4 == 0 {
				fmt.Print("\t")
			}
			fmt.Printf("{0x%x, 0x%x},", lo, r-1)
			n++
			if n%4 == 0 {
				fmt.Println()
			} else {
				fmt.Print(" ")
			}
			lo = -1
		}
	}
	fmt.Println("\n};")
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-isprint" {
		isprintTable()
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		line := in.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fmt.Fprintln(out, eval(line))
	}
}
