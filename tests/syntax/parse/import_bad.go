package p

import x
import "a b"
import .
