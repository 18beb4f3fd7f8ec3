package tags

import "bufio"
