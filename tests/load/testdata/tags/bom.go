//go:build windows

package tags
