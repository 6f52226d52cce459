# SPDX-License-Identifier: MIT
# Thin wrapper over CMake. `make demo` and `make test` work on a fresh Debian 12
# machine as root: they install the packages that are missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 20
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
# What building needs (libxlsxwriter-dev writes the workbooks, gettext compiles the catalogs),
# and what only the tests need: the sqlite3 CLI, clang for the fuzzers, PostgreSQL and
# pgbouncer, lintian (with dpkg-dev and man-db, for the package test), a zh_CN locale's sources,
# the independent readers tests/reports uses (python3-openpyxl; chromium with a CJK font), strace
# (the lock-window test) and tmux (the real-terminal test). No test installs anything itself
# while others run. `make demo` installs the first, `make deps` both.
BUILD_PACKAGES = cmake g++ make pkg-config libcli11-dev libsqlitecpp-dev libfmt-dev libtoml11-dev doctest-dev \
                 libsqlite3-dev nlohmann-json3-dev libssl-dev libutf8proc-dev libpq-dev libxlsxwriter-dev gettext
TEST_PACKAGES  = sqlite3 clang libclang-rt-14-dev clang-format lintian dpkg-dev man-db postgresql-15 pgbouncer locales \
                 python3-openpyxl chromium fonts-wqy-microhei strace tmux
# Line tables only (-g1): enough for backtraces, perf and the sanitizers' reports, and a
# third less compile time than full debug information (the test run builds twice).
DEBUG_INFO = -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1"
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build-deps build asan fuzz demo test unit e2e bench install clean screenshot

all: build

# Installs the Debian packages that are missing: build-deps what building needs, deps that
# and what the tests need.
install-packages = @missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

build-deps:
	$(call install-packages,$(BUILD_PACKAGES))

deps:
	$(call install-packages,$(BUILD_PACKAGES) $(TEST_PACKAGES))

build: build-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKCTL_WERROR=ON $(DEBUG_INFO)
	cmake --build $(BUILD) -j $(JOBS)

# The same code under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: build-deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DLINKCTL_SANITIZE=ON -DLINKCTL_WERROR=ON $(DEBUG_INFO)
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# libFuzzer targets (clang, ASan+UBSan): the policy loader, the CSV reader, the date/time parsers.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKCTL_FUZZ=ON -DLINKCTL_TESTS=OFF $(DEBUG_INFO)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_policy fuzz_csv fuzz_dates
	bash tests/fuzz/run.sh $(CURDIR)/$(FUZZ_BUILD) $(FUZZ_SECONDS)

# The main job on the built-in policy: a demo month ending in the monthly report.
demo: build
	LINKCTL=$(CURDIR)/$(BUILD)/linkctl bash examples/demo.sh

# The README's picture of the monthly page (docs/report-2026-10.png): the demo month as HTML,
# rendered by headless Chromium (chromium and fonts-wqy-microhei, for the Chinese text, come from TEST_PACKAGES).
screenshot: deps build
	bash docs/screenshot.sh $(BUILD)/linkctl docs/report-2026-10.png

# Every test, in the plain build and the sanitizer build (each on SQLite and on a throwaway
# PostgreSQL cluster), then each fuzz target for FUZZ_SECONDS; prints each phase's and suite's duration.
test: deps build asan
	bash tests/run-all.sh $(BUILD) $(ASAN_BUILD) $(JOBS)

unit: build
	$(BUILD)/tests/unit_tests

# Benchmarks (see bench/run.sh): hyperfine, taskwarrior and python3 come from Debian.
bench: deps
	$(SUDO) apt-get install -y --no-install-recommends hyperfine taskwarrior python3 time sqlite3 >/dev/null
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKCTL_WERROR=ON -DLINKCTL_BENCH=ON $(DEBUG_INFO)
	cmake --build $(BUILD) -j $(JOBS)
	bash bench/run.sh $(BUILD)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

# The Debian package (build/linkctl_VERSION_ARCH.deb): binary, man page, completions, examples.
.PHONY: package
package: build
	@command -v dpkg-shlibdeps >/dev/null || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends dpkg-dev; }
	cd $(BUILD) && cpack -G DEB
