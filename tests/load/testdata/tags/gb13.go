//go:buildlinux

package tags
