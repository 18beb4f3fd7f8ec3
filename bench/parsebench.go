// parsebench — the go/parser side of bench/parse.sh: reads and parses
// each file of a list with go/parser (comments kept), one after the
// other, keeping nothing across files (a fresh FileSet each), and prints
// the number of files, bytes and parse errors.  Built with gc; not part
// of goc.
//
// Usage: parsebench [-mode parsecomments|skipobj] -list FILE
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"strings"
)

func main() {
	list := flag.String("list", "", "file with one path per line")
	mode := flag.String("mode", "parsecomments", "parsecomments: parser.ParseComments; skipobj: also SkipObjectResolution")
	flag.Parse()
	m := parser.ParseComments
	if *mode == "skipobj" {
		m |= parser.SkipObjectResolution
	}
	f, err := os.Open(*list)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parsebench:", err)
		os.Exit(2)
	}
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			names = append(names, s)
		}
	}
	f.Close()
	nbytes, nerr := 0, 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsebench:", err)
			os.Exit(2)
		}
		nbytes += len(src)
		if _, err := parser.ParseFile(token.NewFileSet(), name, src, m); err != nil {
			nerr++
		}
	}
	fmt.Printf("%d files, %d bytes, %d with errors\n", len(names), nbytes, nerr)
}
