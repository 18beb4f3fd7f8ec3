// Copyright 2022.
// Use of this file.

//go:build !linux

// Package doc.
package tags
