// astdump — the test oracle for goc's AST: parses files with go/parser and
// prints go/ast's tree in the dump format that goc's src/syntax/astdump.c
// prints too, so the two trees can be compared line by line.
//
// Built by the tests with gc (never part of goc):
//
//	GO111MODULE=off go build -o build/oracle/astdump tests/oracle/astdump.go
//
// Usage:
//
//	astdump [-hash] [-posend] [-list FILE] [FILE...]
//
// With no FILE and no -list, the file names are read from standard input,
// one per line.  Many files are handled by one process.
//
// The dump format (the same text is in src/syntax/astdump.c):
//
//	Per file, a header line "# FILE <path as given>".  If go/parser
//	rejects the file, one line "# ERROR <message>" follows and nothing
//	else.  Otherwise the tree follows, in pre-order, one node per line,
//	indented two spaces per depth (the File node has depth 0):
//
//	    [Label: ]Kind[ Field=value]...
//
//	Label is the name of the parent's field holding the node ("Name",
//	"X"), or for an element of a list field the field name and the index
//	("Decls[3]").  The File node has no label.  Kind is go/ast's type name
//	("Ident", "BinaryExpr").  The scalar fields follow in go/ast's field
//	order, each as " Name=value":
//	  - token.Pos: "LINE:COL" of the raw position (go/token
//	    PositionFor(p, false): //line directives are not applied; COL is
//	    the 1-based byte column), or "-" for NoPos;
//	  - string (Ident.Name, BasicLit.Value): '"', then each byte: '"' as
//	    \", '\\' as \\, bytes below 0x20 and 0x7f as \xHH (lowercase hex),
//	    every other byte as is; then '"';
//	  - token.Token (BasicLit.Kind, UnaryExpr.Op, ...): go/token's
//	    Token.String() ("INT", "+", "import", "ILLEGAL");
//	  - bool: "true" or "false";
//	  - ast.ChanDir: its number (1 send, 2 recv, 3 both).
//	Then the children (node and list fields) follow on their own lines, in
//	go/ast's field order.  A nil child is omitted (no line, no label); an
//	empty list prints nothing.  The fields Doc, Comment, Comments, Obj,
//	Scope, Imports and Unresolved are never printed.
//
//	With -posend, each node line ends with " @POS,END", the node's Pos()
//	and End() in the same LINE:COL form (this checks goc's node_pos and
//	node_end; goc prints it when GOC_ASTDUMP_POSEND=1 is set).
//
// With -hash, instead of the dump, one line per file is printed:
// "<path> <hash>" where hash is the hex MD5 of the file's dump lines (the
// lines after the header, each ending in "\n"), or "<path> ERROR" if
// go/parser rejects the file.  tests/oracle/sechash.go computes the same
// hash from goc's output.
//
// The exit status is 0 even if some files fail to parse (the "# ERROR"
// lines tell), 2 on a usage or I/O error.
package main

import (
	"bufio"
	"crypto/md5"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
)

var (
	hashFlag   = flag.Bool("hash", false, "print one MD5 per file instead of the dump")
	posendFlag = flag.Bool("posend", false, "append \" @POS,END\" (Pos() and End()) to each node line")
	listFlag   = flag.String("list", "", "read the file names from this file, one per line")
)

var skipped = map[string]bool{
	"Doc": true, "Comment": true, "Comments": true, "Obj": true,
	"Scope": true, "Imports": true, "Unresolved": true,
}

var (
	posType   = reflect.TypeOf(token.Pos(0))
	tokType   = reflect.TypeOf(token.Token(0))
	dirType   = reflect.TypeOf(ast.ChanDir(0))
	nodeIface = reflect.TypeOf((*ast.Node)(nil)).Elem()
)

type dumper struct {
	w    io.Writer
	fset *token.FileSet
	line []byte
}

func (d *dumper) pos(b []byte, p token.Pos) []byte {
	if !p.IsValid() {
		return append(b, '-')
	}
	pp := d.fset.PositionFor(p, false)
	b = strconv.AppendInt(b, int64(pp.Line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(pp.Column), 10)
}

func quote(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// isNil reports whether v (a pointer or interface field) holds no node.
func isNil(v reflect.Value) bool {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return true
		}
		if v.Kind() == reflect.Pointer {
			return false
		}
		v = v.Elem()
	}
	return false
}

func (d *dumper) node(label string, depth int, n ast.Node) {
	v := reflect.ValueOf(n).Elem()
	t := v.Type()
	b := d.line[:0]
	for i := 0; i < depth; i++ {
		b = append(b, ' ', ' ')
	}
	if label != "" {
		b = append(b, label...)
		b = append(b, ':', ' ')
	}
	b = append(b, t.Name()...)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if skipped[f.Name] {
			continue
		}
		fv := v.Field(i)
		switch {
		case f.Type == posType:
			b = append(b, ' ')
			b = append(b, f.Name...)
			b = append(b, '=')
			b = d.pos(b, token.Pos(fv.Int()))
		case f.Type == tokType:
			b = append(b, ' ')
			b = append(b, f.Name...)
			b = append(b, '=')
			b = append(b, token.Token(fv.Int()).String()...)
		case f.Type == dirType:
			b = append(b, ' ')
			b = append(b, f.Name...)
			b = append(b, '=')
			b = strconv.AppendInt(b, fv.Int(), 10)
		case f.Type.Kind() == reflect.String:
			b = append(b, ' ')
			b = append(b, f.Name...)
			b = append(b, '=')
			b = quote(b, fv.String())
		case f.Type.Kind() == reflect.Bool:
			b = append(b, ' ')
			b = append(b, f.Name...)
			b = append(b, '=')
			b = strconv.AppendBool(b, fv.Bool())
		case f.Type.Kind() == reflect.Pointer, f.Type.Kind() == reflect.Interface, f.Type.Kind() == reflect.Slice:
			// children: printed below
		default:
			panic(fmt.Sprintf("astdump: unknown field kind %s.%s %s", t.Name(), f.Name, f.Type))
		}
	}
	if *posendFlag {
		b = append(b, ' ', '@')
		b = d.pos(b, n.Pos())
		b = append(b, ',')
		b = d.pos(b, n.End())
	}
	b = append(b, '\n')
	d.w.Write(b)
	d.line = b

	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if skipped[f.Name] {
			continue
		}
		fv := v.Field(i)
		switch f.Type.Kind() {
		case reflect.Pointer, reflect.Interface:
			if isNil(fv) {
				continue
			}
			d.node(f.Name, depth+1, fv.Interface().(ast.Node))
		case reflect.Slice:
			if !f.Type.Elem().Implements(nodeIface) {
				panic(fmt.Sprintf("astdump: unknown list %s.%s %s", t.Name(), f.Name, f.Type))
			}
			for j := 0; j < fv.Len(); j++ {
				ev := fv.Index(j)
				if isNil(ev) {
					continue
				}
				d.node(f.Name+"["+strconv.Itoa(j)+"]", depth+1, ev.Interface().(ast.Node))
			}
		}
	}
}

func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r", `\r`), "\n", `\n`)
}

func main() {
	flag.Parse()
	var names []string
	names = append(names, flag.Args()...)
	if *listFlag != "" || len(names) == 0 {
		var r io.Reader = os.Stdin
		if *listFlag != "" {
			f, err := os.Open(*listFlag)
			if err != nil {
				fmt.Fprintln(os.Stderr, "astdump:", err)
				os.Exit(2)
			}
			defer f.Close()
			r = f
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				names = append(names, s)
			}
		}
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	status := 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "astdump:", err)
			status = 2
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if *hashFlag {
			if err != nil {
				fmt.Fprintf(out, "%s ERROR\n", name)
				continue
			}
			h := md5.New()
			bw := bufio.NewWriterSize(h, 1<<16)
			d := &dumper{w: bw, fset: fset}
			d.node("", 0, f)
			bw.Flush()
			fmt.Fprintf(out, "%s %x\n", name, h.Sum(nil))
			continue
		}
		fmt.Fprintf(out, "# FILE %s\n", name)
		if err != nil {
			fmt.Fprintf(out, "# ERROR %s\n", oneLine(err.Error()))
			continue
		}
		d := &dumper{w: out, fset: fset}
		d.node("", 0, f)
	}
	out.Flush()
	os.Exit(status)
}
