package tags

//go:build windows
