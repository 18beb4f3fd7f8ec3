//go:build mytag

package tags

import "sort"
