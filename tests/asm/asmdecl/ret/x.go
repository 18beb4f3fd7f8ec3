// Package ret: RET without writing the result.
package ret

func none(x int64) int64
func written(x int64) int64
func twoRets(x int64) int64
func tail(x int64) int64
func named(x int64) (r int64)
func retunderscore(x int64) (ret_x int64, y int64)
func internal(x int64) int64
func internalok(x int64) int64
func later(x int64) int64
func dataReset(x int64) int64
func multi(x int64) (int64, int64)
