//go:build gc && !purego

package tags
