package tags_test

import "example.com/tags"
