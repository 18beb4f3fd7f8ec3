package tags

// #include <stdio.h>
import "C"

import "io"
