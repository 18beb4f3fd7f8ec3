// Long import block beyond the first read.
package tags

import (
	"math" // comment
	/* c */ "math/bits"; "bytes"
)

import "io"

func f() {}
