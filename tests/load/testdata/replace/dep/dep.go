package dep

import "errors"

var E = errors.New("e")
