package nope
