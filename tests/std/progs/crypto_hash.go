package main

import (
	"crypto/md5"
	"crypto/sha256"
	"hash/crc32"
)

func hex(b []byte) string {
	const d = "0123456789abcdef"
	s := make([]byte, 0, 2*len(b))
	for _, c := range b {
		s = append(s, d[c>>4], d[c&15])
	}
	return string(s)
}

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	s := sha256.Sum256(data)
	println(hex(s[:]))
	m := md5.Sum(data)
	println(hex(m[:]))
	println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
	big := make([]byte, 1<<16)
	for i := range big {
		big[i] = byte(i * 7)
	}
	s = sha256.Sum256(big)
	println(hex(s[:]))
}
