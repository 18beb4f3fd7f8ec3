//go:build unix

package tags
