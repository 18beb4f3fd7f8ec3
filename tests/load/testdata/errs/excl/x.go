//go:build ignore

package excl
