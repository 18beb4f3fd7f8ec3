// reduce — a line-deletion reducer for the programs of tests/fuzz/goprog.sh.
// Usage: reduce FILE TEST-CMD...
// Runs TEST-CMD... FILE.try and keeps a deletion when it exits 0 (the
// failure is still there).  Deletes runs of lines whose braces balance,
// longest first, until no single deletion is kept; writes the result back
// to FILE.  Built by the tests with gc; not part of goc.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func balanced(lines []string) bool {
	d := 0
	for _, l := range lines {
		d += strings.Count(l, "{") - strings.Count(l, "}")
		if d < 0 {
			return false
		}
	}
	return d == 0
}

func main() {
	file := os.Args[1]
	cmd := os.Args[2:]
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	try := file + ".try"
	test := func(ls []string) bool {
		os.WriteFile(try, []byte(strings.Join(ls, "\n")+"\n"), 0o644)
		c := exec.Command(cmd[0], append(cmd[1:], try)...)
		return c.Run() == nil
	}
	tries := 0
	for changed := true; changed; {
		changed = false
		for size := len(lines) / 2; size >= 1; size /= 2 {
			for i := 0; i+size <= len(lines); {
				chunk := lines[i : i+size]
				if !balanced(chunk) || strings.HasPrefix(strings.TrimSpace(chunk[0]), "package ") {
					i++
					continue
				}
				cand := append(append([]string{}, lines[:i]...), lines[i+size:]...)
				tries++
				if test(cand) {
					lines = cand
					changed = true
				} else {
					i += 1 + size/2
				}
			}
		}
	}
	os.Remove(try)
	os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	fmt.Fprintf(os.Stderr, "reduce: %d lines after %d tries\n", len(lines), tries)
}
