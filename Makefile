# stmpy build.  One source tree, several variants, each in build/<variant>/:
#   gil        GIL flavour, optimised (the baseline the STM flavour is measured against)
#   gil-debug  GIL flavour, -O0, libstm API misuse checks on
#   gil-asan   GIL flavour, ASan + UBSan, API checks on
#   stm        STM flavour, optimised
#   stm-debug  STM flavour, -O0, libstm API misuse checks on
# `make` builds the optimised variants; `make test` builds and tests every
# variant (the front-end suites run in the GIL variants only: the compiler
# does not depend on the flavour).

CC      ?= gcc
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
# STMPY_LIBDIR: stmpy's own Python modules (transaction, stmlog), found by
# the interpreter built here without installation.
BASE    := -std=gnu11 -D_GNU_SOURCE $(WARN) -Iinclude -Isrc -pthread -fno-strict-aliasing -g \
           -DSTMPY_LIBDIR=\"$(CURDIR)/lib\"
LDLIBS  := -pthread -lm -lgmp
# The interpreter's REPL edits lines with libedit (src/vm/cli.c); the zlib
# module wraps the system's zlib (src/vm/mod_zlib.c).
LDLIBS_stmpy := -ledit -lz

CFLAGS_gil       := $(BASE) -O2 -DSTM_FLAVOUR_GIL -DSTM_FLAVOUR_NAME=\"gil\"
CFLAGS_gil-debug := $(BASE) -O0 -DSTM_FLAVOUR_GIL -DSTM_FLAVOUR_NAME=\"gil\" -DSTM_DEBUG
CFLAGS_gil-asan  := $(BASE) -O1 -DSTM_FLAVOUR_GIL -DSTM_FLAVOUR_NAME=\"gil\" -DSTM_DEBUG \
                    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS_gil-asan := -fsanitize=address,undefined
# GCC 12's induction-variable optimisation drops the __seg_gs prefix of
# references it strength-reduces (seen in set.c's probe loop): off in the
# STM flavour.
CFLAGS_stm       := $(BASE) -O2 -fno-ivopts -DSTM_FLAVOUR_STM -DSTM_FLAVOUR_NAME=\"stm\"
CFLAGS_stm-debug := $(BASE) -O0 -DSTM_FLAVOUR_STM -DSTM_FLAVOUR_NAME=\"stm\" -DSTM_DEBUG

VARIANTS      := gil gil-debug gil-asan stm stm-debug
GIL_VARIANTS  := gil gil-debug gil-asan
# test_gil checks the GIL's own scheduling: GIL variants only.
ctests_of = $(if $(filter gil%,$(1)),$(CTEST_SRC),$(filter-out tests/stm/test_gil.c,$(CTEST_SRC)))
# The interpreter does not run on the STM flavour yet: no unit tests there.
unit_tests = $(if $(filter gil%,$(1)),$(patsubst tests/unit/%.c,build/$(1)/tests/unit_%,$(UNIT_SRC)))

STM_SRC      := $(wildcard src/stm/*.c)
# Everything of the interpreter but main() goes into libstmpy.a, so that unit
# tests link only the parts they use.
PY_LIB_SRC   := $(wildcard src/compiler/*.c src/vm/*.c src/modules/*.c)
CTEST_SRC    := $(wildcard tests/stm/test_*.c)
UNIT_SRC     := $(wildcard tests/unit/test_*.c)
CBENCH_SRC   := $(wildcard bench/c/*.c)
HEADERS      := $(wildcard include/*.h src/*/*.h src/*.h tests/*/*.h)

.PHONY: all test stress bench demo clean debug asan
.SECONDARY:
all: build/gil/stmpy build/stm/stmpy build/gil/libstm.a build/stm/libstm.a

# One set of rules per variant.
define variant_rules
build/$(1)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $$(dir $$@)
	@echo "CC $(1) $$<"
	@$$(CC) $$(CFLAGS_$(1)) -c $$< -o $$@

build/$(1)/libstm.a: $(patsubst %.c,build/$(1)/obj/%.o,$(STM_SRC))
	@mkdir -p $$(dir $$@)
	@ar rcs $$@.$$$$$$$$ $$^ && mv $$@.$$$$$$$$ $$@

build/$(1)/libstmpy.a: $(patsubst %.c,build/$(1)/obj/%.o,$(PY_LIB_SRC))
	@mkdir -p $$(dir $$@)
	@ar rcs $$@.$$$$$$$$ $$^ && mv $$@.$$$$$$$$ $$@

build/$(1)/stmpy: build/$(1)/obj/src/stmpy.o build/$(1)/libstmpy.a build/$(1)/libstm.a
	@echo "LD $$@"
	@$$(CC) $$(LDFLAGS_$(1)) -o $$@ $$< build/$(1)/libstmpy.a build/$(1)/libstm.a $$(LDLIBS) $$(LDLIBS_stmpy)

build/$(1)/tests/unit_%: build/$(1)/obj/tests/unit/%.o build/$(1)/libstmpy.a build/$(1)/libstm.a
	@mkdir -p $$(dir $$@)
	@$$(CC) $$(LDFLAGS_$(1)) -o $$@ $$< build/$(1)/libstmpy.a build/$(1)/libstm.a $$(LDLIBS)

build/$(1)/tests/%: build/$(1)/obj/tests/stm/%.o build/$(1)/libstm.a
	@mkdir -p $$(dir $$@)
	@$$(CC) $$(LDFLAGS_$(1)) -o $$@ $$< build/$(1)/libstm.a $$(LDLIBS)

build/$(1)/bench/%: build/$(1)/obj/bench/c/%.o build/$(1)/libstm.a
	@mkdir -p $$(dir $$@)
	@$$(CC) $$(LDFLAGS_$(1)) -o $$@ $$< build/$(1)/libstm.a $$(LDLIBS)

build/$(1)/ctests: $(patsubst tests/stm/%.c,build/$(1)/tests/%,$(call ctests_of,$(1))) \
                   $(call unit_tests,$(1))
build/$(1)/cbench: $(patsubst bench/c/%.c,build/$(1)/bench/%,$(CBENCH_SRC))
.PHONY: build/$(1)/ctests build/$(1)/cbench
endef
$(foreach v,$(VARIANTS),$(eval $(call variant_rules,$(v))))

debug: build/gil-debug/stmpy build/gil-debug/ctests
asan:  build/gil-asan/stmpy build/gil-asan/ctests

test: $(foreach v,$(VARIANTS),build/$(v)/stmpy) $(foreach v,$(VARIANTS),build/$(v)/ctests)
	@tools/runtests $(VARIANTS)

# The parallel-Python suite, every program 20 times in each flavour.
stress: build/stm/stmpy build/gil/stmpy
	@tests/stm/py/run stm --repeat 20 && tests/stm/py/run gil --repeat 20

bench: build/gil/cbench build/stm/cbench build/gil/stmpy build/stm/stmpy
	@tools/runbench

# The parallel demo, then the same with a shared counter and the summary of
# its conflict log.
demo: build/stm/stmpy
	@build/stm/stmpy tools/demo.py 12
	@echo
	@STMPY_LOG=build/demo-conflicts.log build/stm/stmpy tools/demo.py 10 --shared
	@echo
	@build/stm/stmpy -m stmlog build/demo-conflicts.log --top 3

clean:
	rm -rf build
