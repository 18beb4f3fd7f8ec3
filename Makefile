# goc — a Go toolchain in C.  `make` builds bin/goc; `make test` runs every
# test; `make demo` installs what is missing, builds, and shows goc at work.

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter
LDFLAGS ?=
LDLIBS  ?=
LDLIBS  += -lmpfr -lgmp -lm

# Every stage's sources, in pipeline order (see docs/architecture.md).
SRCS := $(wildcard src/base/*.c) $(wildcard src/syntax/*.c) $(wildcard src/load/*.c) $(wildcard src/types/*.c) $(wildcard src/ssa/*.c) $(wildcard src/amd64/*.c) $(wildcard src/asm/*.c) $(wildcard src/link/*.c) $(wildcard src/gen/*.c) $(wildcard src/ssagen/*.c) $(wildcard src/driver/*.c)
HDRS := $(wildcard src/*/*.h) $(wildcard src/*/*.inc)
OBJS := $(SRCS:src/%.c=build/obj/%.o)
ASAN_OBJS := $(SRCS:src/%.c=build/asan/%.o)
# the fuzz target needs only the front end
FUZZ_SRCS := $(wildcard src/base/*.c) $(wildcard src/syntax/*.c) tests/fuzz/fuzz_syntax.c

ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: all asan test demo deps fuzz bench clean check-warnings runtime std-tests gc-stress install

all: bin/goc runtime

# The runtime linked into every Go program: freestanding C (no libc), see
# docs/runtime.md for the flags.  R14 holds the current goroutine
# (-ffixed-r14: gcc only, which is why the runtime is built with gcc).
RT_CC     ?= gcc
RT_CFLAGS := -std=gnu11 -O2 -ffreestanding -nostdlib -fno-pic -fno-pie \
	-fno-stack-protector -mno-red-zone -ffixed-r14 -fcf-protection=none \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-fno-omit-frame-pointer \
	-Wall -Wextra -Wno-unused-parameter
RT_SRCS := $(wildcard runtime/*.c) $(wildcard runtime/*.S)
RT_HDRS := $(wildcard runtime/*.h)
RT_OBJS := $(patsubst runtime/%,build/runtime/%.o,$(basename $(RT_SRCS)))
runtime: build/runtime/libgocrt.a
build/runtime/libgocrt.a: $(RT_OBJS)
	rm -f $@
	ar rcs $@ $(RT_OBJS)
build/runtime/%.o: runtime/%.c $(RT_HDRS)
	@mkdir -p $(dir $@)
	$(RT_CC) $(RT_CFLAGS) -c -o $@ $<
build/runtime/%.o: runtime/%.S
	@mkdir -p $(dir $@)
	$(RT_CC) $(RT_CFLAGS) -c -o $@ $<

bin/goc: $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# Sanitizer build (ASan + UBSan): the test suite runs it too.
asan: bin/goc-asan
bin/goc-asan: $(ASAN_OBJS)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)
build/asan/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter $(ASAN_FLAGS) -c -o $@ $<

# libFuzzer target for the scanner and parser (clang).
bin/fuzz-syntax: $(FUZZ_SRCS) $(HDRS)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -o $@ $(FUZZ_SRCS) $(LDLIBS)

FUZZTIME ?= 600
fuzz: bin/fuzz-syntax
	tests/fuzz/run.sh $(FUZZTIME)

deps:
	scripts/deps.sh

demo: deps
	$(MAKE) all
	@echo; echo '== goc tool syntax -tokens examples/hello.go (first lines)'
	bin/goc tool syntax -tokens examples/hello.go | head -12
	@echo; echo '== goc tool syntax -ast examples/hello.go (first lines)'
	bin/goc tool syntax -ast examples/hello.go | head -12
	@echo; echo '== goc tool check -types examples/generic.go'
	bin/goc tool check -types examples/generic.go
	@echo; echo '== goc build -o build/hello examples/hello.go && build/hello'
	bin/goc build -o build/hello examples/hello.go
	build/hello
	@echo; echo '== goc run examples/hello.go'
	bin/goc run examples/hello.go
	@echo; echo '== goc run examples/generic.go'
	bin/goc run examples/generic.go
	@echo; echo '== goc env'
	bin/goc env

# Warning-free under both compilers (-Wall -Wextra -Werror), built aside
# in build/warn-* so that bin/goc is left alone.
check-warnings:
	@for cc in gcc clang; do \
		for f in $(SRCS); do \
			o=build/warn-$$cc/$${f#src/}; mkdir -p $$(dirname $$o); \
			$$cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Werror -c -o $$o.o $$f || exit 1; \
		done; echo "$$cc: no warnings"; \
	done
	@for cc in gcc clang; do \
		flags="$(filter-out -ffixed-r14 -fno-tree-loop-distribute-patterns,$(RT_CFLAGS))"; \
		[ $$cc = gcc ] && flags="$(RT_CFLAGS)"; \
		for f in $(RT_SRCS); do \
			o=build/warn-$$cc/runtime/$$(basename $$f).o; mkdir -p $$(dirname $$o); \
			$$cc $$flags -Werror -c -o $$o $$f || exit 1; \
		done; echo "$$cc: runtime: no warnings"; \
	done

test: deps
	tests/run.sh

# make install [PREFIX=/usr/local] [DESTDIR=]: PREFIX/bin/goc and goc's own
# files in PREFIX/lib/goc (the runtime archive, the overlay packages); the
# installed goc finds them from its own location (goc env GOCROOT)
PREFIX ?= /usr/local
GOCLIB = $(DESTDIR)$(PREFIX)/lib/goc
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(GOCLIB)/build/runtime $(GOCLIB)/runtime
	install -m 755 bin/goc $(DESTDIR)$(PREFIX)/bin/goc
	install -m 644 build/runtime/libgocrt.a $(GOCLIB)/build/runtime/libgocrt.a
	install -m 644 runtime/*.go $(GOCLIB)/runtime/
	cd overlay && find . -type f -name '*.go' -exec install -D -m 644 {} $(GOCLIB)/overlay/{} \;

# the standard library's own tests of 60 packages (issue 10's list), about 15 minutes
std-tests: all
	PKGTESTS_ALL=1 tests/std/pkgtests.sh

# the collector's long campaign: GOROOT/test's run tests and 200 random
# programs with a collection at every 1% of heap growth (GOGC=1), each
# cycle's marking verified (GODEBUG=gccheckmark=1)
gc-stress: all
	GOGC=1 GODEBUG=gccheckmark=1 tests/backend/run.sh
	GOGC=1 GODEBUG=gccheckmark=1 GOPROG_STD=10 tests/fuzz/goprog.sh 200 7000

bench: all
	bench/parse.sh
	bench/check.sh
	bench/compile.sh
	bench/code.sh
	bench/gc.sh

clean:
	rm -rf build bin
