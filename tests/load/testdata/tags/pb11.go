// +build bad-tag linux

package tags
