//go:build cgo

package tags
