package p

var a = '\x80' + '\xff' + '\377' + '\U0010ffff' + '\UFFFFFFFF'
