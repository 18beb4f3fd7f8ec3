package user

import (
	_ "example.com/errs/empty"
	_ "example.com/errs/excl"
	_ "example.com/errs/multi"
	_ "example.com/errs/bad"
	_ "example.com/errs/badtag"
)
