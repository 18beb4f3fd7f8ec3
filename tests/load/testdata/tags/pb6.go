//+build linux

package tags
