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
	l := &loader{ctx: ctx, fset: token.NewFileSet(), pkgs: map[string]*types.Package{}, sizes: newGCSizes(goarch)}
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

// gcSizes: types.Sizes with the rules of gc's compiler rather than go/types'
// StdSizes: a struct's size is rounded up to its alignment, and a zero-size
// final field of a non-empty struct takes one byte.  This is what
// unsafe.Sizeof evaluates to in programs gc compiles, and what goc's checker
// computes (src/types/sizes.c).
type gcSizes struct {
	std      types.Sizes // StdSizes for the word size and basic kinds
	wordSize int64
}

func newGCSizes(goarch string) *gcSizes {
	return &gcSizes{std: types.SizesFor("gc", goarch), wordSize: 8}
}

func roundUp(x, a int64) int64 { return (x + a - 1) / a * a }

func (s *gcSizes) Alignof(t types.Type) int64 {
	switch u := t.Underlying().(type) {
	case *types.Array:
		return s.Alignof(u.Elem())
	case *types.Struct:
		if u.NumFields() == 0 {
			return s.std.Alignof(t) // sync/atomic.align64 and empty structs
		}
		max := int64(1)
		for i := 0; i < u.NumFields(); i++ {
			if a := s.Alignof(u.Field(i).Type()); a > max {
				max = a
			}
		}
		return max
	}
	return s.std.Alignof(t)
}

func (s *gcSizes) Offsetsof(fields []*types.Var) []int64 {
	offsets := make([]int64, len(fields))
	var o int64
	for i, f := range fields {
		o = roundUp(o, s.Alignof(f.Type()))
		offsets[i] = o
		o += s.Sizeof(f.Type())
	}
	return offsets
}

func (s *gcSizes) Sizeof(t types.Type) int64 {
	switch u := t.Underlying().(type) {
	case *types.Array:
		if u.Len() <= 0 {
			return 0
		}
		return s.Sizeof(u.Elem()) * u.Len()
	case *types.Struct:
		n := u.NumFields()
		if n == 0 {
			return 0
		}
		fields := make([]*types.Var, n)
		for i := range fields {
			fields[i] = u.Field(i)
		}
		offsets := s.Offsetsof(fields)
		last := s.Sizeof(fields[n-1].Type())
		if last == 0 && offsets[n-1] > 0 {
			last = 1
		}
		return roundUp(offsets[n-1]+last, s.Alignof(t))
	}
	return s.std.Sizeof(t)
}
