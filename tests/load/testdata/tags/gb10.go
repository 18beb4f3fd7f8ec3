// Package doc
//go:build windows
package tags
