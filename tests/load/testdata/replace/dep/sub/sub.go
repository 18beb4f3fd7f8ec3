package sub

import "example.com/dep"

var Y = dep.E
