package a

import _ "example.com/cyc/b"
