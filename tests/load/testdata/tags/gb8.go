/* a block
   comment */
//go:build ignore

package tags
