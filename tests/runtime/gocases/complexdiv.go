package main

func div(a, b complex128) complex128 { return a / b }

func main() {
	big := 1e308
	inf := big * 10
	nan := inf - inf
	zero := 0.0
	cs := []complex128{
		0, 1, complex(1, 2), complex(-3, 0.5), complex(zero, -zero), complex(inf, 0), complex(0, inf),
		complex(nan, 0), complex(inf, inf), complex(nan, nan), complex(-inf, 1), complex(1e300, 1e-300),
	}
	for _, a := range cs {
		for _, b := range cs {
			println(a, b, div(a, b))
		}
	}
	var x complex64 = complex(3, 4)
	var y complex64 = complex(1, -1)
	println(x / y)
}
