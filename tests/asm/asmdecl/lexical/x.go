// Package lexical: the text as vet reads it: CR LF, bytes that are not
// UTF-8, odd spacing, several references on a line, no final newline.
package lexical

func f(x int64, y int32) (r int64)
func g(x int64)
func h(é int64, ÿx int64)
