// +build linux
// +build !cgo

package tags
