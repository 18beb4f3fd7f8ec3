// +build ignore
//go:build linux

package tags
