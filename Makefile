# hearsay -- build, test, evaluate, benchmark.
#
#   make            library (build/libhearsay.a, .so) and CLI (build/hearsay)
#   make example    set-up + run hearsay on examples/klain-taliban.txt
#   make test       set-up + every test (unit, golden, CLI, PolNeAR floor)
#   make eval       score PolNeAR dev and the example with ../shared/eval/score.py
#   make bench      throughput on a corpus built from PolNeAR train
#   make asan       the test suite under AddressSanitizer + UBSan
#   make valgrind   the unit tests, then the command, under valgrind memcheck
#   make fuzz       build the libFuzzer harnesses (fuzz/fuzz_*.c) into build-fuzz/
#                   and run each for FUZZ_SECONDS (default 60); see docs/HARDENING.md
#
# Sources are found by wildcard: a new src/*.c joins the core library, a new
# cli/*.c the command, a new index/*.c the index library, a new
# tests/unit/test_*.c becomes a test binary.

CC      ?= cc
BUILD   ?= build
SHARED  ?= ../shared
OPT     ?= -O3
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -Iinclude -Isrc -D_GNU_SOURCE
# x86-64 only: the popcnt instruction (every x86-64 processor since 2008),
# for the cue classifier's sparse weight table (src/model.h); no -march
ARCH_CFLAGS ?= $(if $(filter x86_64-%,$(shell $(CC) -dumpmachine)),-mpopcnt)
ALLCFLAGS = -std=c11 $(WARN) $(CFLAGS) $(ARCH_CFLAGS) $(EXTRA_CFLAGS)

CORE_SRC  := $(sort $(wildcard src/*.c))
INDEX_SRC := $(sort $(wildcard index/*.c))
CLI_SRC   := $(sort $(wildcard cli/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))

CORE_OBJ  := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/model_data.o
MODEL     ?= data/hearsay.model
INDEX_OBJ := $(INDEX_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

CLI_LIBS  := -ljson-c -lz -lzstd -lsqlite3 -lmicrohttpd -lpthread -lm


.PHONY: FORCE all deps example test unit cli-test eval bench asan valgrind clean model fuzz fuzz-build fuzz-jsonl
all: $(BUILD)/libhearsay.a $(BUILD)/libhearsay.so $(BUILD)/hearsay

deps:
	@./scripts/deps.sh

$(BUILD)/%.o: %.c $(wildcard include/*.h src/*.h index/*.h cli/*.h) $(wildcard src/*.inc)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -fPIC -fvisibility=hidden -MMD -c $< -o $@

# the trained model, compiled into the library (tools/bin2c.c)
$(BUILD)/tools/bin2c: tools/bin2c.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $<

# regenerated whenever MODEL's content (or MODEL itself) changes
$(BUILD)/gen/model_data.c: $(BUILD)/tools/bin2c FORCE
	@mkdir -p $(dir $@)
	@$(BUILD)/tools/bin2c hs_model_data $(wildcard $(MODEL)) > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; echo "model: $(MODEL)"; fi

FORCE:

$(BUILD)/gen/model_data.o: $(BUILD)/gen/model_data.c
	$(CC) $(ALLCFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

# make model: trains the cue classifier on PolNeAR train (all of it; see
# scripts/split.sh for the validation split used while developing)
$(BUILD)/hearsay-train: tools/train.c $(BUILD)/libhearsay.a
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -o $@ $< $(BUILD)/libhearsay.a -lm

TRAIN_DIR ?= $(SHARED)/data/polnear/train
model: $(BUILD)/hearsay-train
	$(BUILD)/hearsay-train --epochs 5 --heads --stem-cands 3 --start --end --cue-runs 4 --start-runs 4 --filter-runs 4 --filter --filter-threshold -3 --out $(MODEL) $(TRAIN_DIR)

$(BUILD)/libhearsay.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libhearsay.so: $(CORE_OBJ)
	$(CC) -shared $(CFLAGS) $(EXTRA_CFLAGS) -o $@ $^

$(BUILD)/libhearsay_index.a: $(INDEX_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/hearsay: $(CLI_OBJ) $(BUILD)/libhearsay_index.a $(BUILD)/libhearsay.a
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libhearsay_index.a $(BUILD)/libhearsay.a $(CLI_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libhearsay.a $(BUILD)/libhearsay_index.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(ALLCFLAGS) -MMD -o $@ $< $(BUILD)/libhearsay_index.a $(BUILD)/libhearsay.a $(CLI_LIBS)

example: deps all
	$(BUILD)/hearsay extract --date 2021-09-01 examples/klain-taliban.txt

# The README's test command. Prints "N passed, N failed" last.
test: deps all $(UNIT_BIN)
	@SHARED=$(SHARED) BUILD=$(BUILD) ./tests/run.sh

unit: $(UNIT_BIN)

eval: all
	@SHARED=$(SHARED) BUILD=$(BUILD) ./scripts/eval.sh

bench: all
	@SHARED=$(SHARED) BUILD=$(BUILD) ./bench/bench.sh

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

valgrind: all $(UNIT_BIN)
	@BUILD=$(BUILD) VALGRIND=1 ./tests/run.sh unit
	@BUILD=$(BUILD) ./tests/valgrind-cli.sh

# Fuzzing: clang with libFuzzer, ASan and UBSan; the library is built again
# into build-fuzz/ with coverage instrumentation.
FUZZ_SECONDS ?= 60
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZERS   ?= $(patsubst fuzz/%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ_LIBS := -ljson-c -lz -lzstd -lsqlite3 -lpthread -lm

fuzz-build: deps
	$(MAKE) BUILD=build-fuzz CC=clang OPT=-O1 EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    $(FUZZERS:%=build-fuzz/%)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) SHARED=$(SHARED) ./fuzz/run.sh $(FUZZERS)

$(BUILD)/fuzz_%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) tests/unit/invariants.h $(BUILD)/libhearsay.a $(BUILD)/libhearsay_index.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit -Ifuzz $(ALLCFLAGS) -fsanitize=fuzzer -MMD -o $@ $< $(BUILD)/libhearsay_index.a $(BUILD)/libhearsay.a $(FUZZ_LIBS)

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# tests/unit/test_cli_io.c compiles the CLI's sources in; rebuild it when
# they change.
$(BUILD)/tests/test_cli_io: $(wildcard cli/*.c cli/*.h)

# fuzz/fuzz_jsonl.c (the CLI's JSON Lines reader) alone.
fuzz-jsonl:
	$(MAKE) fuzz FUZZERS=fuzz_jsonl
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -Iinclude -D_GNU_SOURCE fuzz/fuzz_jsonl.c -o build-fuzz/fuzz_jsonl \
	  -ljson-c -lz -lzstd
	for f in tests/fixtures/cli/*.jsonl; do b=$$(basename $$f); \
	  cp $$f build-fuzz/seeds/fuzz_jsonl/$$b; \
	  gzip -c $$f > build-fuzz/seeds/fuzz_jsonl/$$b.gz; \
	  zstd -q -c $$f > build-fuzz/seeds/fuzz_jsonl/$$b.zst; done
	build-fuzz/fuzz_jsonl -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -artifact_prefix=build-fuzz/fuzz_jsonl- \
	  build-fuzz/corpus/fuzz_jsonl build-fuzz/seeds/fuzz_jsonl
