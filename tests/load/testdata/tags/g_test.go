package tags

import "testing"
