// Package generic: a body-less generic function is a type error for vet.
package generic

func f[T any](x T)
