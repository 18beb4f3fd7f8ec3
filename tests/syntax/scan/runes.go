package p

var (
	a = ''
	b = 'ab'
	c = '\q'
	d = '\400'
	e = '\x4g'
	f = '\uD800'
	g = '\U00110000'
	h = '\'' + '"' + '\"'
	i = '\u00e9' + 'é' + '\377' + '\xff' + '\U0010FFFF'
)
