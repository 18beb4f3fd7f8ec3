// Package unnamed: unnamed arguments and results, and FP offsets without a name.
package unnamed

func f(int64, int32, string) (int64, bool)
func g(int64) int64
func h(_ int64, _ int32) (_ int64)
