//go:build goexperiment.regabiargs

package tags
