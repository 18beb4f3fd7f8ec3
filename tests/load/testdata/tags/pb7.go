// +build

package tags
