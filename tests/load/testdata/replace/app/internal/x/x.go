// Package x is internal.
package x

import "strings"

var X = strings.ToUpper("x")
