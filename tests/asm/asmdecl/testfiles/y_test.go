package testfiles_test

func k(x int64) int64
