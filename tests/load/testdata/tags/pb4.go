// +build windows
package tags
