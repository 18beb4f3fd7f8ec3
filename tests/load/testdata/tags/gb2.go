//go:build (amd64 || arm64) && !windows

package tags
