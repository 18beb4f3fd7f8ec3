//go:build oracle
