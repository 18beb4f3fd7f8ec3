//go:build math_big_pure_go && purego

package tags
