// sechash — reads a dump made of per-file sections, each starting with a
// line "# FILE <path>" (the format of goc's `tool syntax -ast` and of
// tests/oracle/astdump.go), and prints one line per section:
// "<path> <hex MD5 of the section's lines after the header>", the same
// hash that `astdump -hash` prints.  Lines before the first header belong
// to the file named by -name (goc prints no header when given one file);
// with -name, that file's line is printed even if its section is empty,
// unless a header follows at once.
//
// Built by the tests with gc; not part of goc.
package main

import (
	"bufio"
	"crypto/md5"
	"flag"
	"fmt"
	"hash"
	"os"
)

func main() {
	name := flag.String("name", "", "file name for lines before the first header")
	flag.Parse()
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var h hash.Hash
	cur := ""
	empty := false // the section of -name has no line yet
	if *name != "" {
		cur, h, empty = *name, md5.New(), true
	}
	flush := func() {
		if h != nil && !empty {
			fmt.Fprintf(out, "%s %x\n", cur, h.Sum(nil))
		}
	}
	for {
		line, err := in.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// a very long line: hash it piecewise
			if h != nil {
				h.Write(line)
			}
			continue
		}
		if len(line) > 7 && string(line[:7]) == "# FILE " {
			flush()
			cur, h, empty = string(line[7:len(line)-1]), md5.New(), false
			continue
		}
		if len(line) > 0 {
			empty = false
		}
		if h != nil {
			h.Write(line)
		}
		if err != nil {
			break
		}
	}
	empty = false // no header came: print the named file even if empty
	flush()
}
