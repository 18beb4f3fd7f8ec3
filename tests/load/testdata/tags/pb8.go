// +buildlinux windows

package tags
