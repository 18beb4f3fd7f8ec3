package testfiles

func g(x int32) int32

func h(x int64) int64 { return f(x) }
