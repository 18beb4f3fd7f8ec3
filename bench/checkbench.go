// checkbench — the go/types side of bench/check.sh: loads the named
// packages and their dependencies from source with go/build (GOROOT and
// its vendor directory, CGO_ENABLED=0, tags purego and math_big_pure_go,
// as goc's loader does) and type-checks each exactly once with go/types,
// function bodies included (gc's sizes for GOARCH), one package after the
// other.  Prints the number of packages, files and type errors; -pkgs FILE
// writes the import paths checked, one a line, so that the benchmark can
// verify both sides checked the same set.  Built with gc; not part of goc.
//
// Usage: checkbench [-pkgs FILE] [-list FILE] [importpath...]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"strings"
)

type loader struct {
	ctx    build.Context
	fset   *token.FileSet
	byPath map[string]*types.Package // import path as written (std: resolution is the same from every directory)
	pkgs   map[string]*types.Package // by resolved path
	sizes  types.Sizes
	nfiles int
	nerr   int
}

func (l *loader) Import(path string) (*types.Package, error) { return l.ImportFrom(path, "", 0) }

func (l *loader) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		l.pkgs["unsafe"] = types.Unsafe
		return types.Unsafe, nil
	}
	if p := l.byPath[path]; p != nil {
		return p, nil
	}
	bp, err := l.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	p := l.pkgs[bp.ImportPath]
	if p == nil {
		p = l.check(bp)
	}
	l.byPath[path] = p
	return p, nil
}

func (l *loader) check(bp *build.Package) *types.Package {
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(l.fset, bp.Dir+"/"+name, nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			l.nerr++
			continue
		}
		files = append(files, f)
	}
	l.nfiles += len(files)
	conf := types.Config{
		Importer: l,
		Sizes:    l.sizes,
		Error: func(err error) {
			if l.nerr < 20 {
				fmt.Fprintln(os.Stderr, err)
			}
			l.nerr++
		},
	}
	pkg, _ := conf.Check(bp.ImportPath, l.fset, files, nil)
	l.pkgs[bp.ImportPath] = pkg
	return pkg
}

func main() {
	list := flag.String("list", "", "file of import paths, one a line")
	pkgsOut := flag.String("pkgs", "", "write the import paths checked to this file")
	flag.Parse()
	paths := flag.Args()
	if *list != "" {
		f, err := os.Open(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, "checkbench:", err)
			os.Exit(2)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				paths = append(paths, s)
			}
		}
		f.Close()
	}
	ctx := build.Default
	ctx.CgoEnabled = false
	ctx.BuildTags = append(ctx.BuildTags, "purego", "math_big_pure_go")
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = runtime.GOARCH
	}
	l := &loader{ctx: ctx, fset: token.NewFileSet(), byPath: map[string]*types.Package{},
		pkgs: map[string]*types.Package{}, sizes: types.SizesFor("gc", goarch)}
	cwd, _ := os.Getwd()
	rc := 0
	for _, path := range paths {
		if _, err := l.ImportFrom(path, cwd, 0); err != nil {
			fmt.Fprintln(os.Stderr, err)
			rc = 1
		}
	}
	if *pkgsOut != "" {
		var names []string
		for p := range l.pkgs {
			names = append(names, p)
		}
		sort.Strings(names)
		if err := os.WriteFile(*pkgsOut, []byte(strings.Join(names, "\n")+"\n"), 0o666); err != nil {
			fmt.Fprintln(os.Stderr, "checkbench:", err)
			rc = 1
		}
	}
	fmt.Printf("%d packages, %d files, %d errors\n", len(l.pkgs), l.nfiles, l.nerr)
	if l.nerr > 0 {
		rc = 1
	}
	os.Exit(rc)
}
