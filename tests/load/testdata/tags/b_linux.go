package tags

import "os"

var _ = os.Args
