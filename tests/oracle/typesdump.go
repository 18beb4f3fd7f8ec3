// typesdump prints the package-level objects of Go packages as go/types
// sees them, in the format of `goc tool check -types` (see
// src/types/types.h): one "package PATH" line, then one line per object
// sorted by name, methods of each defined type after it.
//
// Packages are loaded from source with go/build (GOROOT, vendoring, tags
// purego and math_big_pure_go, CGO_ENABLED=0 as goc does) and checked with
// go/types (gc's sizes for GOARCH, function bodies ignored).
//
// Usage: typesdump [-bodies] [-time] importpath...
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

var (
	bodies = flag.Bool("bodies", false, "check function bodies too")
	timing = flag.Bool("time", false, "print time and peak memory to stderr, no dump")
	quiet  = flag.Bool("q", false, "no dump")
)

type loader struct {
	ctx   build.Context
	fset  *token.FileSet
	pkgs  map[string]*types.Package // by resolved path
	sizes types.Sizes
}

func (l *loader) Import(path string) (*types.Package, error) { return l.ImportFrom(path, "", 0) }

func (l *loader) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := l.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if p := l.pkgs[bp.ImportPath]; p != nil {
		return p, nil
	}
	return l.check(bp)
}

func (l *loader) check(bp *build.Package) (*types.Package, error) {
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(l.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer:         l,
		Sizes:            l.sizes,
		IgnoreFuncBodies: !*bodies,
		Error:            func(err error) { fmt.Fprintln(os.Stderr, err) },
	}
	pkg, _ := conf.Check(bp.ImportPath, l.fset, files, nil)
	l.pkgs[bp.ImportPath] = pkg
	return pkg, nil
}

func dump(pkg *types.Package) {
	qf := types.RelativeTo(pkg)
	fmt.Printf("package %s\n", pkg.Path())
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		switch o := obj.(type) {
		case *types.Const:
			fmt.Printf("const %s %s = %s\n", name, types.TypeString(o.Type(), qf), o.Val().ExactString())
		case *types.Var:
			fmt.Printf("var %s %s\n", name, types.TypeString(o.Type(), qf))
		case *types.Func:
			fmt.Printf("func %s %s\n", name, types.TypeString(o.Type(), qf))
		case *types.TypeName:
			if o.IsAlias() {
				fmt.Printf("type %s = %s\n", name, types.TypeString(o.Type(), qf))
				continue
			}
			named, ok := o.Type().(*types.Named)
			if !ok {
				fmt.Printf("type %s %s\n", name, types.TypeString(o.Type(), qf))
				continue
			}
			var tp strings.Builder
			if l := named.TypeParams(); l.Len() > 0 {
				// the same as TypeString's parameter list
				s := types.TypeString(named, qf)
				tp.WriteString(s[strings.Index(s, "["):])
			}
			fmt.Printf("type %s%s %s\n", name, tp.String(), types.TypeString(named.Underlying(), qf))
			var ms []*types.Func
			for i := 0; i < named.NumMethods(); i++ {
				ms = append(ms, named.Method(i))
			}
			sort.Slice(ms, func(i, j int) bool { return ms[i].Name() < ms[j].Name() })
			for _, m := range ms {
				sig := m.Type().(*types.Signature)
				recv := "?"
				if sig.Recv() != nil {
					recv = types.TypeString(sig.Recv().Type(), qf)
				}
				fmt.Printf("method %s.%s %s\n", recv, m.Name(), types.TypeString(sig, qf))
			}
		case *types.Builtin:
			fmt.Printf("builtin %s\n", name)
		default:
			fmt.Printf("%T %s\n", obj, name)
		}
	}
}

func main() {
	flag.Parse()
	ctx := build.Default
	ctx.CgoEnabled = false
	ctx.BuildTags = append(ctx.BuildTags, "purego", "math_big_pure_go")
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = runtime.GOARCH
	}
	l := &loader{ctx: ctx, fset: token.NewFileSet(), pkgs: map[string]*types.Package{}, sizes: types.SizesFor("gc", goarch)}
	start := time.Now()
	cwd, _ := os.Getwd()
	rc := 0
	var done []*types.Package
	for _, path := range flag.Args() {
		p, err := l.ImportFrom(path, cwd, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			rc = 1
			continue
		}
		done = append(done, p)
	}
	if *timing {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(os.Stderr, "go/types: %d packages in %v, heap sys %d MB\n", len(l.pkgs), time.Since(start), ms.Sys>>20)
		os.Exit(rc)
	}
	if !*quiet {
		for _, p := range done {
			dump(p)
		}
	}
	os.Exit(rc)
}
