//go:build linux &&

package badtag
