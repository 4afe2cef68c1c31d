# 党支部工作台 (partyoffice)
#
#   make run      build and start the app (installs the GUI build packages on Debian/Ubuntu)
#   make test     gofmt check, go vet, all tests with -race (what CI runs)
#   make build    bin/partyoffice, the real GUI binary
#   make windows  bin/partyoffice.exe, cross-compiled with mingw-w64
#   make bench    the measures of docs/performance.md against their baselines (bench-go: go test -bench)
#   make faulttest | font | icon | clean
#
# Every go command gets its tags here, explicitly: migrated_fynedo for Fyne's threading
# model (FyneApp.toml [Migrations] fyneDo = true is only read by the fyne CLI), ci for tests
# (Fyne's software driver: no display, no OpenGL).

GO       ?= go
TAGS     := migrated_fynedo
CI_TAGS  := ci,$(TAGS)
PKG      := ./cmd/partyoffice
BIN      := bin/partyoffice
EXE      := bin/partyoffice.exe
ARGS     ?=

# Debian/Ubuntu packages: cgo + OpenGL/X11 headers for the GUI, a C compiler for -race,
# mingw-w64 for the Windows cross build.
GUI_DEBS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_DEBS := gcc
WIN_CC   := x86_64-w64-mingw32-gcc
WIN_DEBS := gcc-mingw-w64-x86-64

# DLLs every Windows installation has; the .exe may import nothing else.
WIN_SYSTEM_DLLS := kernel32|user32|gdi32|opengl32|shell32|ole32|oleaut32|winmm|imm32|msvcrt|ws2_32|advapi32|ntdll|comdlg32|comctl32|dwmapi|shcore|setupapi|version|uxtheme|crypt32|bcrypt|secur32|userenv|winspool|shlwapi|iphlpapi|dnsapi|powrprof|mswsock|dbghelp|ucrtbase|api-ms-win-[a-z0-9-]+

# apt_ensure PACKAGES: install the missing ones on Debian/Ubuntu; quick when all are present.
define apt_ensure
	@missing=""; \
	if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    echo "installing:$$missing"; \
	    $$sudo apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	else \
	  echo "note: not Debian/Ubuntu; make sure these (or their equivalents) are installed: $(1)"; \
	fi
endef

.PHONY: all deps deps-test run build test bench bench-go faulttest windows font icon clean

all: build

deps:
	$(call apt_ensure,$(GUI_DEBS))

deps-test:
	$(call apt_ensure,$(TEST_DEBS))

run: deps
	$(GO) run -tags $(TAGS) $(PKG) $(ARGS)

build: deps
	@mkdir -p bin
	$(GO) build -tags $(TAGS) -o $(BIN) $(PKG)
	@echo "built $(BIN)"

test: deps-test
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then \
	  echo "gofmt: these files are not formatted (run gofmt -w on them):"; \
	  echo "$$unformatted"; exit 1; \
	fi
	$(GO) vet -tags $(CI_TAGS) ./...
	@race=-race; \
	if ! command -v $${CC:-gcc} >/dev/null 2>&1; then \
	  race=""; echo "note: no C compiler found, running the tests without -race"; \
	fi; \
	if [ -n "$$race" ]; then export CGO_ENABLED=1; fi; \
	echo "$(GO) test -tags $(CI_TAGS) $$race -count=1 -timeout 15m ./..."; \
	$(GO) test -tags $(CI_TAGS) $$race -count=1 -timeout 15m ./...

# make bench: the shipped measures of docs/performance.md, each beside its baseline measured
# in the same run (bench/benchrun). BEFORE=path/to/older/partyoffice measures that build too.
# make bench-go: the package micro-benchmarks (go test -bench).
BENCH_BIN := bin/bench
BEFORE   ?=

bench: deps
	@mkdir -p $(BENCH_BIN)
	$(GO) build -tags $(TAGS) -trimpath -ldflags "-s -w" -o $(BENCH_BIN)/partyoffice $(PKG)
	$(GO) build -tags $(TAGS) -trimpath -ldflags "-s -w" -o $(BENCH_BIN)/barewindow ./bench/barewindow
	$(GO) build -o $(BENCH_BIN)/bareexcel ./bench/bareexcel
	$(GO) build -o $(BENCH_BIN)/benchdata ./bench/benchdata
	$(GO) build -o $(BENCH_BIN)/benchrun ./bench/benchrun
	$(BENCH_BIN)/benchrun -app $(BENCH_BIN)/partyoffice $(if $(BEFORE),-before $(BEFORE))

bench-go:
	$(GO) test -tags $(CI_TAGS) -run=^$$ -bench=. -benchmem ./...

# Tests with the fault tag inject failures (full disk, locked database, crash mid-write).
faulttest:
	$(GO) test -tags $(CI_TAGS),fault -count=1 -run '^TestFault' ./data/

windows:
	@if ! command -v $(WIN_CC) >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory win-deps; \
	fi
	@mkdir -p bin
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WIN_CC) \
	  $(GO) build -tags $(TAGS) -ldflags "-H=windowsgui -s -w" -o $(EXE) $(PKG)
	@dlls=$$(x86_64-w64-mingw32-objdump -p $(EXE) | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -u); \
	echo "$(EXE) imports:" $$dlls; \
	bad=$$(echo "$$dlls" | grep -viE '^($(WIN_SYSTEM_DLLS))\.dll$$' | grep -v '^$$' || true); \
	if [ -n "$$bad" ]; then \
	  echo "error: $(EXE) needs DLLs that Windows does not ship: $$bad"; exit 1; \
	fi; \
	echo "ok: only system DLLs"

.PHONY: win-deps
win-deps:
	$(call apt_ensure,$(WIN_DEBS))

font:
	bash resources/fonts/make-font.sh

icon:
	$(GO) run resources/icon/gen.go -o resources/icon.png

clean:
	rm -rf bin
	rm -f *.test *.out *.prof coverage.* cpu.pprof mem.pprof
