package p

// crlf comment
var s = `a
b`
/* block
 */ x
*/
var t = 1 // end
