package p

func f() {
	if {
	}
	if ; {
	}
}
