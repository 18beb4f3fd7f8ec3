// +build !!linux

package tags
