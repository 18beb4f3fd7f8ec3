// fuzzmut — the mutator of tests/types/fuzz.sh: writes deterministic
// mutants of Go source files for fuzzing goc's type checker.  Built with
// gc; not part of goc.
//
// Usage: fuzzmut -seed S -n N [-from I] -list LIST -out DIR
//
// LIST has one source per line, "KEY<TAB>PATH" (KEY is passed through to
// the index: the script puts the import path or "file" there).  Mutant i
// (from I to I+N-1) depends only on S and i: it picks a source and applies
// one to three mutations — delete, duplicate or swap a token; delete,
// duplicate or swap a line; replace an identifier (by another of the
// file's, a predeclared name, or _); change a literal (to another kind, a
// huge, negative or odd value); replace an operator; insert a keyword or
// an operator.  Each mutant
// is written to DIR/I.go (four in five are kept syntactically valid:
// mutations are drawn again until go/parser accepts the result, so that
// most mutants reach the type checker) and described by a line of DIR/index:
// "I<TAB>KEY<TAB>PATH<TAB>what was done".
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

type tok struct {
	off, end int
	tok      token.Token
	lit      string
}

type source struct {
	key, path string
	src       []byte
	toks      []tok
	idents    []string
}

func load(key, path string) (*source, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := &source{key: key, path: path, src: src}
	fset := token.NewFileSet()
	f := fset.AddFile(path, -1, len(src))
	var sc scanner.Scanner
	sc.Init(f, src, func(token.Position, string) {}, 0)
	seen := map[string]bool{}
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue // automatic semicolon: not in the text
		}
		off := f.Offset(pos)
		end := off + len(lit)
		if lit == "" {
			end = off + len(t.String())
		}
		if end > len(src) {
			end = len(src)
		}
		s.toks = append(s.toks, tok{off, end, t, string(src[off:end])})
		if t == token.IDENT && !seen[lit] {
			seen[lit] = true
			s.idents = append(s.idents, lit)
		}
	}
	return s, nil
}

var predeclared = []string{
	"_", "nil", "iota", "true", "false", "int", "int8", "uint8", "uint64", "uintptr",
	"float32", "float64", "complex128", "string", "byte", "rune", "bool", "error", "any",
	"comparable", "len", "cap", "make", "new", "append", "copy", "delete", "panic",
	"recover", "print", "complex", "real", "imag", "close", "unsafe", "init", "main",
}

var inserts = []string{
	"(", ")", "[", "]", "{", "}", ",", ";", ".", "...", "*", "&", "<-", "~", "|", ":=", "=",
	"+", "-", "^", "!", "==", "<<", ">>", "&^", "..",
	"func", "type", "var", "const", "interface", "struct", "map", "chan", "go", "defer",
	"return", "break", "goto", "range", "select", "switch", "case", "default", "if", "for",
	"nil", "iota", "_", "[]int", "[...]T", "int", "any", "T[int]", "x.(type)", "f()",
}

var operators = []string{
	"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "&&", "||", "<-", "==", "!=",
	"<", "<=", ">", ">=", "=", ":=", "+=", "<<=", "!", "...", ".", ":", "[", "]", "~",
}

var literals = []string{
	"0", "1", "-1", "1<<63", "1<<64 - 1", "1e400", "0x1p-1074", "1.5", "'x'", "'\\u00e9'",
	"\"\"", "\"s\"", "`raw`", "2i", "1e-400", "0o777", "0b101", "9223372036854775808",
	"nil", "true", "iota", "-0.0", "'\\000'", "1_000",
}

func (s *source) mutate(r *rand.Rand, out []byte) ([]byte, string) {
	n := len(s.toks)
	if n == 0 {
		return out, "empty"
	}
	pick := func() tok { return s.toks[r.Intn(n)] }
	// token mutations rewrite src[t.off:t.end]; line mutations work on lines
	switch k := r.Intn(11); k {
	case 0: // delete a token
		t := pick()
		return splice(out, t.off, t.end, ""), fmt.Sprintf("delete token %q at %d", t.lit, t.off)
	case 1: // duplicate a token
		t := pick()
		return splice(out, t.end, t.end, " "+t.lit), fmt.Sprintf("duplicate token %q at %d", t.lit, t.off)
	case 2: // swap two nearby tokens
		i := r.Intn(n)
		j := i + 1 + r.Intn(3)
		if j >= n {
			return out, "no swap"
		}
		a, b := s.toks[i], s.toks[j]
		if a.off >= len(out) || b.end > len(out) {
			return out, "no swap"
		}
		res := make([]byte, 0, len(out)+2)
		res = append(res, out[:a.off]...)
		res = append(res, out[b.off:b.end]...)
		res = append(res, out[a.end:b.off]...)
		res = append(res, out[a.off:a.end]...)
		res = append(res, out[b.end:]...)
		return res, fmt.Sprintf("swap tokens %q and %q at %d", a.lit, b.lit, a.off)
	case 3, 4: // replace an identifier
		for try := 0; try < 20; try++ {
			t := pick()
			if t.tok != token.IDENT {
				continue
			}
			var name string
			if r.Intn(2) == 0 {
				name = s.idents[r.Intn(len(s.idents))]
			} else {
				name = predeclared[r.Intn(len(predeclared))]
			}
			return splice(out, t.off, t.end, name), fmt.Sprintf("replace %q at %d by %q", t.lit, t.off, name)
		}
		return out, "no identifier"
	case 5: // change a literal
		for try := 0; try < 40; try++ {
			t := pick()
			if !t.tok.IsLiteral() || t.tok == token.IDENT {
				continue
			}
			lit := literals[r.Intn(len(literals))]
			return splice(out, t.off, t.end, lit), fmt.Sprintf("literal %q at %d to %s", t.lit, t.off, lit)
		}
		return out, "no literal"
	case 9: // replace an operator
		for try := 0; try < 40; try++ {
			t := pick()
			if !t.tok.IsOperator() || t.tok == token.LPAREN || t.tok == token.RPAREN || t.tok == token.LBRACE ||
				t.tok == token.RBRACE || t.tok == token.SEMICOLON || t.tok == token.COMMA {
				continue
			}
			op := operators[r.Intn(len(operators))]
			return splice(out, t.off, t.end, op), fmt.Sprintf("operator %q at %d to %s", t.lit, t.off, op)
		}
		return out, "no operator"
	case 6: // insert a keyword or an operator
		t := pick()
		ins := inserts[r.Intn(len(inserts))]
		return splice(out, t.off, t.off, ins+" "), fmt.Sprintf("insert %q at %d", ins, t.off)
	default: // line mutations
		lines := bytes.SplitAfter(out, []byte("\n"))
		if len(lines) < 2 {
			return out, "no lines"
		}
		i := r.Intn(len(lines))
		switch k {
		case 7:
			lines = append(lines[:i], lines[i+1:]...)
			return bytes.Join(lines, nil), fmt.Sprintf("delete line %d", i+1)
		case 8:
			lines = append(lines[:i+1], lines[i:]...)
			return bytes.Join(lines, nil), fmt.Sprintf("duplicate line %d", i+1)
		default:
			j := i + r.Intn(5) - 2
			if j < 0 || j >= len(lines) || r.Intn(4) == 0 {
				j = r.Intn(len(lines))
			}
			lines[i], lines[j] = lines[j], lines[i]
			return bytes.Join(lines, nil), fmt.Sprintf("swap lines %d and %d", i+1, j+1)
		}
	}
}

func splice(b []byte, from, to int, s string) []byte {
	if from > len(b) {
		from = len(b)
	}
	if to > len(b) {
		to = len(b)
	}
	res := make([]byte, 0, len(b)+len(s))
	res = append(res, b[:from]...)
	res = append(res, s...)
	return append(res, b[to:]...)
}

func main() {
	seed := flag.Int64("seed", 1, "seed")
	n := flag.Int("n", 100, "number of mutants")
	from := flag.Int("from", 0, "first mutant")
	list := flag.String("list", "", "sources: KEY<TAB>PATH per line")
	outDir := flag.String("out", "", "output directory")
	flag.Parse()
	lf, err := os.Open(*list)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fuzzmut:", err)
		os.Exit(2)
	}
	var entries [][2]string
	sc := bufio.NewScanner(lf)
	for sc.Scan() {
		if k, p, ok := strings.Cut(sc.Text(), "\t"); ok {
			entries = append(entries, [2]string{k, p})
		}
	}
	lf.Close()
	if len(entries) == 0 {
		fmt.Fprintln(os.Stderr, "fuzzmut: no sources")
		os.Exit(2)
	}
	cache := map[string]*source{}
	idx, err := os.Create(filepath.Join(*outDir, "index"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "fuzzmut:", err)
		os.Exit(2)
	}
	defer idx.Close()
	for i := *from; i < *from+*n; i++ {
		r := rand.New(rand.NewSource(*seed*1000003 + int64(i)))
		e := entries[r.Intn(len(entries))]
		s := cache[e[1]]
		if s == nil {
			if s, err = load(e[0], e[1]); err != nil {
				fmt.Fprintln(os.Stderr, "fuzzmut:", err)
				os.Exit(2)
			}
			cache[e[1]] = s
		}
		// most mutants are kept syntactically valid (go/parser accepts
		// them), so that they reach the type checker; one in five need not
		wantValid := r.Intn(5) != 0
		var out []byte
		var what []string
		for try := 0; try < 30; try++ {
			out = s.src
			what = what[:0]
			for m := 1 + r.Intn(3); m > 0; m-- {
				var w string
				out, w = s.mutate(r, out)
				what = append(what, w)
			}
			if !wantValid {
				break
			}
			if _, err := parser.ParseFile(token.NewFileSet(), "", out, parser.SkipObjectResolution); err == nil {
				break
			}
		}
		if err := os.WriteFile(filepath.Join(*outDir, fmt.Sprintf("%d.go", i)), out, 0o666); err != nil {
			fmt.Fprintln(os.Stderr, "fuzzmut:", err)
			os.Exit(2)
		}
		fmt.Fprintf(idx, "%d\t%s\t%s\t%s\n", i, e[0], e[1], strings.Join(what, "; "))
	}
}
