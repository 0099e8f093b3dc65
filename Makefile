# ties: build, test, demo.  `make` builds build/ties; `make check` runs every
# test, also under ASan+UBSan; `make demo` installs what is missing, builds and
# runs the main job on the bundled sample.
VERSION := 0.1.0
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := sqlite3 libutf8proc zlib
SAN ?=
OPT ?= -O2

CFLAGS_BASE := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g $(OPT) \
  -Iinclude -Isrc -DTIES_VERSION='"$(VERSION)"' \
  -DTIES_DATADIR='"$(abspath data)"' -DTIES_INDEX='"$(abspath $(BUILD))/ties-index.txt"' \
  -DTIES_BGCACHE='"$(abspath $(BUILD))/ties-bg.bin"' \
  $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) \
  $(shell $(PKG_CONFIG) --static --libs mupdf 2>/dev/null) -lharfbuzz \
  -lwordnet -lpthread -lm

ifeq ($(SAN),1)
  CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
endif
# SAN=fuzz: clang's libFuzzer instrumentation plus ASan+UBSan (make fuzz).
ifeq ($(SAN),fuzz)
  CFLAGS_BASE += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
    -fno-sanitize-recover=all -Wno-error
  LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(CFLAGS_BASE) $(CFLAGS)

LIB_SRC := $(sort $(wildcard src/util/*.c src/read/*.c src/extract/*.c src/store/*.c \
  src/query/*.c src/export/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS := $(wildcard include/ties/*.h src/*/*.h)

.PHONY: all check check-quick check-quick-parts check-asan check-plain check-valgrind test demo demo-run deps clean \
  format bench fuzz \
  fuzz-smoke fuzz-bins
all: $(BUILD)/ties $(UNIT_BIN) $(BUILD)/ties-index.txt $(BUILD)/ties-bg.bin

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libties.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/ties: $(CLI_OBJ) $(BUILD)/libties.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libties.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libties.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libties.a $(LIBS) -lcmocka

# The extractor's lexicon index (WordNet, iso-codes, geonames cities), mapped at run time.
GEONAMES := $(shell $(PKG_CONFIG) --exists geonames 2>/dev/null && echo 1)
$(BUILD)/ties-index.txt: tools/mkindex.c src/extract/extract_int.h $(BUILD)/libties.a
	@mkdir -p $(BUILD)/tools
	$(CC) $(ALL_CFLAGS) $(if $(GEONAMES),-DHAVE_GEONAMES $(shell $(PKG_CONFIG) --cflags geonames)) \
	  $(LDFLAGS) -o $(BUILD)/tools/mkindex $< $(BUILD)/libties.a $(LIBS) \
	  $(if $(GEONAMES),$(shell $(PKG_CONFIG) --libs geonames))
	ASAN_OPTIONS=detect_leaks=0 $(BUILD)/tools/mkindex /usr/share/wordnet /usr/share/iso-codes/json \
	  /usr/share/dict/words > $@.tmp && mv $@.tmp $@

# The text repair's background tables, counted once here and mapped at run
# time (a process whose sources differ from these counts them itself).
BG_SOURCES := $(wildcard /usr/share/wordnet/data.* /usr/share/wordnet/*.exc \
  /usr/share/dictd/gcide.dict.dz)
$(BUILD)/ties-bg.bin: tools/mkbg.c $(BUILD)/libties.a $(BG_SOURCES)
	@mkdir -p $(BUILD)/tools
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $(BUILD)/tools/mkbg $< $(BUILD)/libties.a $(LIBS)
	ASAN_OPTIONS=detect_leaks=0 $(BUILD)/tools/mkbg $@.tmp && mv $@.tmp $@

deps:
	sh scripts/install-deps.sh

# Every test: the plain build, the same suite under ASan+UBSan, each fuzz
# target for a few seconds, then the unit programs and CLI cases under
# valgrind.  This is what CI runs (.ci/run).  `make check-quick` skips valgrind.
check: deps
	@rm -f build/summary build-asan/summary $(FUZZ_BUILD)/summary build-valgrind/summary
	@$(MAKE) --no-print-directory check-quick-parts; a=$$?; \
	 $(MAKE) --no-print-directory check-valgrind; c=$$?; \
	 cat build/summary build-asan/summary $(FUZZ_BUILD)/summary build-valgrind/summary 2>/dev/null | \
	   awk '{p+=$$1; f+=$$3; k+=$$5} END {printf "check: %d passed, %d failed, %d skipped\n", p, f, k}'; \
	 [ $$a -eq 0 ] && [ $$c -eq 0 ]

check-quick: deps
	@rm -f build/summary build-asan/summary $(FUZZ_BUILD)/summary
	@$(MAKE) --no-print-directory check-quick-parts; a=$$?; \
	 cat build/summary build-asan/summary $(FUZZ_BUILD)/summary 2>/dev/null | \
	   awk '{p+=$$1; f+=$$3; k+=$$5} END {printf "check-quick: %d passed, %d failed, %d skipped\n", p, f, k}'; \
	 [ $$a -eq 0 ]

check-quick-parts:
	@$(MAKE) --no-print-directory check-plain; a=$$?; \
	 $(MAKE) --no-print-directory check-asan; b=$$?; \
	 $(MAKE) --no-print-directory fuzz-smoke; d=$$?; \
	 [ $$a -eq 0 ] && [ $$b -eq 0 ] && [ $$d -eq 0 ]

check-plain: all
	sh tests/run.sh $(BUILD)

check-asan:
	$(MAKE) BUILD=build-asan SAN=1 OPT=-O1 all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh build-asan

test: check-plain

# Lays out every C source and header with the committed .clang-format
# (tests/scripts/format.sh checks that nothing differs).
format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

# Unit programs and CLI cases under valgrind (no invalid access, no leak).
check-valgrind: all
	sh tests/valgrind.sh $(BUILD) build-valgrind

# Fuzzing: every tests/fuzz/fuzz-*.c is a libFuzzer target, built with clang
# into $(FUZZ_BUILD).  `make fuzz` runs each for FUZZ_SECONDS (niced);
# `make fuzz-smoke` (part of check) runs each for a few seconds.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_BIN := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz-*.c))

$(BUILD)/fuzz/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(BUILD)/libties.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(BUILD)/libties.a $(LIBS)

fuzz-bins:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang SAN=fuzz OPT=-O1 $(FUZZ_BIN) \
	  $(FUZZ_BUILD)/ties-index.txt

fuzz: fuzz-bins
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-bins
	sh tests/fuzz/run.sh --smoke $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

# The main job on the bundled sample (a scrambled two-column report written
# for this project): repair the reading order, extract actors and evidence-
# backed relations, store them, answer a link question, export a graph page.
# The link flags come from pkg-config when this Makefile is read, so on a
# fresh machine the build runs in a second make, after deps installed them.
demo: deps
	@$(MAKE) --no-print-directory demo-run

demo-run: all
	@echo "== ties read samples/brief-demo.txt (first paragraphs)"
	@./$(BUILD)/ties read samples/brief-demo.txt | head -n 5
	@echo "== ties extract samples/brief-demo.txt"
	@./$(BUILD)/ties extract samples/brief-demo.txt
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@echo "== ties add (knowledge base $(BUILD)/demo.db)"
	@./$(BUILD)/ties add --db $(BUILD)/demo.db samples/brief-demo.clean.txt
	@echo "== ties show \"SCB\""
	@./$(BUILD)/ties show --db $(BUILD)/demo.db SCB
	@./$(BUILD)/ties export --db $(BUILD)/demo.db --format html -o $(BUILD)/demo.html
	@echo "== interactive graph written to $(BUILD)/demo.html"

clean:
	rm -rf build build-asan build-*
