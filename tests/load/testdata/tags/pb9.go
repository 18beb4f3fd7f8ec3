// +build linux,!cgo,amd64 arm64,cgo

package tags
