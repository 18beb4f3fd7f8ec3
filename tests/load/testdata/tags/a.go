package tags

import (
	. "errors"
	s `strings`
	"\x66mt"
	_ "unicode/utf8"
)

var _ = New
var _ = s.ToUpper
var _ = fmt.Sprint
