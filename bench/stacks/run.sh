#!/bin/bash
# run.sh — builds and runs the goroutine-stack prototype (stackproto.c)
# against goc's runtime.  Usage: bench/stacks/run.sh [NGOROUTINES]
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
make -s runtime >/dev/null || exit 2
O=build/bench-stacks
mkdir -p $O
F="-std=gnu11 -O2 -Iruntime -ffreestanding -fno-pic -fno-pie -fno-stack-protector -mno-red-zone -ffixed-r14 -fno-omit-frame-pointer -fcf-protection=none -Wall -Wextra -Wno-unused-parameter"
gcc $F -c -o $O/stackproto.o bench/stacks/stackproto.c &&
	gcc $F -c -o $O/switch.o bench/stacks/switch.S &&
	gcc -static -nostdlib -nostartfiles -no-pie -o $O/stackproto $O/stackproto.o $O/switch.o build/runtime/libgocrt.a || exit 2
$O/stackproto "$@"
echo "exit status $?"
