package b

import _ "example.com/cyc/c"
