package p

var a﻿b = 1
