/*
// +build windows
*/

package tags
