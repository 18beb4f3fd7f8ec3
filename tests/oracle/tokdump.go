// tokdump — the test oracle for goc's scanner: scans files with go/scanner
// (comments included) and prints the token stream in the format that
// `goc tool syntax -tokens` prints (src/syntax/scan.c, dump_tokens), so the
// two can be compared line by line.
//
// Built by the tests with gc (never part of goc):
//
//	GO111MODULE=off go build -o build/oracle/tokdump tests/oracle/tokdump.go
//
// Usage:
//
//	tokdump [-list FILE] [FILE...]              dump the tokens
//	tokdump -compare GOCDUMP [-list FILE] [FILE...]
//	                                            compare with goc's dump of the same files
//	tokdump -time [-n N] [-list FILE] [FILE...] time go/scanner alone (files read
//	                                            first; the best of N runs)
//
// The dump format, one token per line:
//
//	LINE:COL TOKEN[ LIT]
//
// LINE:COL is the raw position (//line directives not applied), COL the
// 1-based byte column.  TOKEN is go/token's Token.String().  LIT is printed
// for identifiers, literals and comments (the literal's text; raw strings
// and comments without carriage returns, as go/scanner gives them) and for
// SEMICOLON (";" when written, "\n" when inserted), quoted: '"', then each
// byte: '"' as \", '\\' as \\, bytes below 0x20 and 0x7f as \xHH (lowercase
// hex), others as is; then '"'.  The last line is the EOF token.  With more
// than one file, each file's tokens follow a header line "# FILE <path>".
//
// Normalisation: goc follows gc's scanner where go/scanner differs in ways
// that do not matter to goc's users, and this oracle rewrites go/scanner's
// stream accordingly:
//
//   - Positions are computed from byte offsets by counting newlines, so a
//     final newline starts a line (go/token drops a line start at EOF: the
//     EOF token after a final newline is on the next line, as gc says).
//   - A semicolon inserted at a newline that follows comments on the same
//     line: go/scanner returns it at the first comment, before the
//     comments; gc (and goc) put it where the newline is (after a line
//     comment: at the '\n' or EOF, after the comments; a general comment
//     that spans lines acts as the newline: at that comment, before it).
//
// A file on which go/scanner reports an error is skipped (its header is
// followed by the single line "# SKIP <error>"; -compare does not count it).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"strings"
	"time"
)

var (
	listFlag    = flag.String("list", "", "read file names from `FILE`, one per line")
	compareFlag = flag.String("compare", "", "compare with goc's dump in `FILE`")
	timeFlag    = flag.Bool("time", false, "only time go/scanner over the files")
	nFlag       = flag.Int("n", 1, "with -time: report the best of `N` runs")
)

type tok struct {
	off int
	tok token.Token
	lit string
}

// scan returns the normalised token stream of src, or an error.
func scan(fset *token.FileSet, name string, src []byte) ([]tok, error) {
	var errs scanner.ErrorList
	file := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, func(pos token.Position, msg string) { errs.Add(pos, msg) }, scanner.ScanComments)
	var out []tok
	var pending *tok // a semicolon to be put after the comments before it
	for {
		pos, t, lit := s.Scan()
		off := file.Offset(pos)
		if pending != nil && (t != token.COMMENT || off >= pending.off) {
			out = append(out, *pending)
			pending = nil
		}
		if t == token.SEMICOLON && lit == "\n" && off < len(src) && src[off] != '\n' {
			p := tok{gcSemiOffset(src, off), t, lit}
			if p.off > off {
				pending = &p
				continue
			}
		}
		out = append(out, tok{off, t, lit})
		if t == token.EOF {
			break
		}
	}
	if errs.Len() > 0 {
		return nil, errs[0]
	}
	return out, nil
}

// gcSemiOffset: go/scanner put an inserted semicolon at off, the start of
// a comment; gc puts it at the newline (or EOF) ending the line, or at a
// general comment that spans lines.
func gcSemiOffset(src []byte, off int) int {
	i := off
	for i < len(src) {
		switch {
		case src[i] == ' ' || src[i] == '\t' || src[i] == '\r':
			i++
		case bytes.HasPrefix(src[i:], []byte("//")):
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return len(src)
			}
			return i + j
		case bytes.HasPrefix(src[i:], []byte("/*")):
			j := bytes.Index(src[i+2:], []byte("*/"))
			if j < 0 {
				j = len(src) - i - 2
			}
			if bytes.IndexByte(src[i+2:i+2+j], '\n') >= 0 {
				return i
			}
			i += 2 + j + 2
		default:
			return i // '\n' (or anything else: leave it to the comparison)
		}
	}
	return len(src)
}

func quote(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

func dump(b *bytes.Buffer, src []byte, toks []tok) {
	// line starts, counting a final newline
	lines := []int{0}
	for i, c := range src {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	li := 0
	for _, t := range toks {
		for li+1 < len(lines) && lines[li+1] <= t.off {
			li++
		}
		for li > 0 && lines[li] > t.off {
			li--
		}
		fmt.Fprintf(b, "%d:%d %s", li+1, t.off-lines[li]+1, t.tok)
		switch {
		case t.tok == token.SEMICOLON:
			b.WriteByte(' ')
			quote(b, t.lit)
		case t.tok.IsLiteral() || t.tok == token.COMMENT:
			b.WriteByte(' ')
			quote(b, t.lit)
		}
		b.WriteByte('\n')
	}
}

func readList(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var names []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r ")
		if l != "" && l[0] != '#' {
			names = append(names, l)
		}
	}
	return names
}

// splitDump splits goc's multi-file dump into per-file sections.
func splitDump(data []byte, single string) map[string][]byte {
	m := map[string][]byte{}
	if !bytes.HasPrefix(data, []byte("# FILE ")) {
		m[single] = data
		return m
	}
	for len(data) > 0 {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			nl = len(data)
		}
		name := string(data[len("# FILE "):nl])
		rest := data[min(nl+1, len(data)):]
		end := bytes.Index(rest, []byte("\n# FILE "))
		if end < 0 {
			end = len(rest)
		} else {
			end++
		}
		m[name] = rest[:end]
		data = rest[end:]
	}
	return m
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// firstDiff returns the first differing line of a and b, with its number.
func firstDiff(a, b []byte) string {
	al := strings.Split(string(a), "\n")
	bl := strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("token %d: goc %q, go/scanner %q", i+1, x, y)
		}
	}
	return "?"
}

func main() {
	flag.Parse()
	names := flag.Args()
	if *listFlag != "" {
		names = append(readList(*listFlag), names...)
	}
	if len(names) == 0 {
		fmt.Fprintln(os.Stderr, "usage: tokdump [-compare GOCDUMP | -time] [-list FILE] [FILE...]")
		os.Exit(2)
	}
	srcs := make([][]byte, len(names))
	for i, n := range names {
		var err error
		if srcs[i], err = os.ReadFile(n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	fset := token.NewFileSet()

	if *timeFlag {
		best, ntok := time.Duration(1<<62), 0
		for run := 0; run < *nFlag; run++ {
			fset = token.NewFileSet()
			ntok = 0
			t0 := time.Now()
			for i, n := range names {
				file := fset.AddFile(n, -1, len(srcs[i]))
				var s scanner.Scanner
				s.Init(file, srcs[i], nil, scanner.ScanComments)
				for {
					_, t, _ := s.Scan()
					ntok++
					if t == token.EOF {
						break
					}
				}
			}
			if d := time.Since(t0); d < best {
				best = d
			}
		}
		fmt.Printf("go/scanner: %d files, %d tokens, %.3f s\n", len(names), ntok, best.Seconds())
		return
	}

	var goc map[string][]byte
	if *compareFlag != "" {
		data, err := os.ReadFile(*compareFlag)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		goc = splitDump(data, names[0])
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	passed, failed, skipped := 0, 0, 0
	var b bytes.Buffer
	for i, n := range names {
		b.Reset()
		toks, err := scan(fset, n, srcs[i])
		if goc == nil {
			if len(names) > 1 {
				fmt.Fprintf(w, "# FILE %s\n", n)
			}
			if err != nil {
				fmt.Fprintf(w, "# SKIP %v\n", err)
				continue
			}
			dump(&b, srcs[i], toks)
			w.Write(b.Bytes())
			continue
		}
		if err != nil {
			skipped++
			continue
		}
		dump(&b, srcs[i], toks)
		g, ok := goc[n]
		switch {
		case !ok:
			failed++
			fmt.Fprintf(w, "FAIL %s: no tokens from goc\n", n)
		case !bytes.Equal(g, b.Bytes()):
			failed++
			if failed <= 20 {
				fmt.Fprintf(w, "FAIL %s: %s\n", n, firstDiff(g, b.Bytes()))
			}
		default:
			passed++
		}
	}
	if goc != nil {
		fmt.Fprintf(w, "%d passed, %d failed", passed, failed)
		if skipped > 0 {
			fmt.Fprintf(w, " (%d skipped: go/scanner reports errors)", skipped)
		}
		fmt.Fprintln(w)
		if failed > 0 {
			w.Flush()
			os.Exit(1)
		}
	}
}
