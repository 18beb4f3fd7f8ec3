// Package testfiles: declarations in the package's own _test.go files
// count (go vet vets a package with its tests); an external test's do not.
package testfiles

func f(x int64) int64
