# ties: build, test, demo.  `make` builds build/ties; `make check` runs every
# test, also under ASan+UBSan; `make demo` installs what is missing, builds and
# runs the main job on the bundled sample.
VERSION := 0.1.0
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := sqlite3 libutf8proc
SAN ?=
OPT ?= -O2

CFLAGS_BASE := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g $(OPT) \
  -Iinclude -Isrc -DTIES_VERSION='"$(VERSION)"' \
  -DTIES_DATADIR='"$(abspath data)"' \
  $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) \
  $(shell $(PKG_CONFIG) --static --libs mupdf 2>/dev/null) -lharfbuzz \
  -lwordnet -lpthread -lm

ifeq ($(SAN),1)
  CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
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

.PHONY: all check check-asan check-plain test demo deps clean format bench fuzz
all: $(BUILD)/ties $(UNIT_BIN)

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

deps:
	sh scripts/install-deps.sh

# Every test: the plain build, then the same suite under ASan+UBSan.
check: deps
	@rm -f build/summary build-asan/summary
	@$(MAKE) --no-print-directory check-plain; a=$$?; \
	 $(MAKE) --no-print-directory check-asan; b=$$?; \
	 cat build/summary build-asan/summary 2>/dev/null | \
	   awk '{p+=$$1; f+=$$3; k+=$$5} END {printf "check: %d passed, %d failed, %d skipped\n", p, f, k}'; \
	 [ $$a -eq 0 ] && [ $$b -eq 0 ]

check-plain: all
	sh tests/run.sh $(BUILD)

check-asan:
	$(MAKE) BUILD=build-asan SAN=1 OPT=-O1 all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh build-asan

test: check-plain

demo: deps all
	./$(BUILD)/ties read samples/brief-demo.clean.txt

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(UNIT_SRC) $(HEADERS)

clean:
	rm -rf build build-asan build-*
