//go:build linux && !cgo

package tags
