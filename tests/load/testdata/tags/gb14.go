//go:build !(windows || darwin) && (gc || gccgo)

package tags
