package tags

import "syscall"
