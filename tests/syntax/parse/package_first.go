// no package clause
func f() {}
