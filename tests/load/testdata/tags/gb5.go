//go:build go1.19 && !go1.20

package tags
