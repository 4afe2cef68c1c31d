# 党支部工作台 (partyoffice)
#
#   make run      build and start the app (installs the GUI build packages on Debian/Ubuntu)
#   make test     gofmt check, go vet, all tests with -race (what CI runs)
#   make build    bin/partyoffice, the real GUI binary
#   make windows  bin/partyoffice.exe through fyne package (icon, version), cross-compiled with mingw-w64
#   make dist     dist/: Windows installer (NSIS) and portable zip, Linux tar.xz
#   make install  the Linux package under ~/.local
#   make bench    speed and size measures against baselines from the same run (bench-go: go test -bench)
#   make pgtest   the store tests on a throwaway PostgreSQL server (.ci/with-postgres.sh)
#   make faulttest | font | icon | clean
#
# Every go command gets its tags here, explicitly: migrated_fynedo for Fyne's threading
# model (FyneApp.toml [Migrations] fyneDo = true is only read by the fyne CLI), ci for tests
# (Fyne's software driver: no display, no OpenGL).

GO       ?= go
TAGS     := migrated_fynedo
CI_TAGS  := ci,$(TAGS)
# What ships (make dist, measured by make bench) also drops Fyne's 4.2 MB emoji font: the UI's
# every character is in the bundled Noto Sans SC subset (ui/core/glyphs_test.go checks it).
REL_TAGS := $(TAGS),no_emoji
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

.PHONY: all deps deps-test version run build test bench bench-go faulttest font icon clean

all: build

deps:
	$(call apt_ensure,$(GUI_DEBS))

deps-test:
	$(call apt_ensure,$(TEST_DEBS))

# version: resources/appinfo/appinfo.go from FyneApp.toml (the test there fails when they differ).
version:
	cd resources/appinfo && $(GO) generate

run: deps version
	$(GO) run -tags $(TAGS) $(PKG) $(ARGS)

build: deps version
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
	.ci/with-postgres.sh sh -c '$(GO) test -tags $(CI_TAGS) '"$$race"' -count=1 -timeout 15m ./... && \
	  if [ -n "$$PARTYOFFICE_TEST_PG" ]; then \
	    echo "store tests again, on PostgreSQL: $(GO) test $(PG_TEST_PKGS)"; \
	    PARTYOFFICE_TEST_BACKEND=postgres $(GO) test -tags $(CI_TAGS) -count=1 -timeout 15m $(PG_TEST_PKGS) && \
	    PARTYOFFICE_TEST_BACKEND=postgres $(GO) test -tags $(CI_TAGS) -count=1 $(PG_EXPORT_TEST); \
	  else echo "PostgreSQL tests SKIPPED: no server could be installed or started"; fi'

# The store's test suite runs a second time with every store on the throwaway
# PostgreSQL server of .ci/with-postgres.sh (no -race: the race detector was
# run on the same code in the SQLite pass).
PG_TEST_PKGS := ./data/ ./data/datatest/
# The exports of the demo written from both backends and compared (about 5 s).
PG_EXPORT_TEST := -run TestBothBackendsGiveTheSameExports ./reports/

# Tests against PostgreSQL only (both passes of the store suite, no GUI tests).
.PHONY: pgtest
pgtest:
	.ci/with-postgres.sh sh -c '$(GO) test -tags $(CI_TAGS) -count=1 ./data/... && \
	  PARTYOFFICE_TEST_BACKEND=postgres $(GO) test -tags $(CI_TAGS) -count=1 $(PG_TEST_PKGS) && \
	  PARTYOFFICE_TEST_BACKEND=postgres $(GO) test -tags $(CI_TAGS) -count=1 $(PG_EXPORT_TEST)'

# The server benchmark of issue 16: district statistics over 100 branches × ~46 people on a
# throwaway PostgreSQL server, beside one branch's statistics × 100 measured in the same run.
.PHONY: pgbench
pgbench:
	.ci/with-postgres.sh $(GO) test -tags $(CI_TAGS) -count=1 -run '^$$' -bench DistrictStatistics100Branches -benchtime 5x ./reports/

# make bench: the shipped measures (import, export, check, size), each beside its baseline measured
# in the same run (cmd/bench/benchrun). BEFORE=path/to/older/partyoffice measures that build too.
# make bench-go: the package micro-benchmarks (go test -bench).
BENCH_BIN := bin/bench
BEFORE   ?=

bench: deps version
	@mkdir -p $(BENCH_BIN)
	$(GO) build -tags $(REL_TAGS) -trimpath -ldflags "-s -w" -o $(BENCH_BIN)/partyoffice $(PKG)
	$(GO) build -tags $(TAGS) -trimpath -ldflags "-s -w" -o $(BENCH_BIN)/barewindow ./cmd/bench/barewindow
	$(GO) build -o $(BENCH_BIN)/bareexcel ./cmd/bench/bareexcel
	$(GO) build -o $(BENCH_BIN)/benchdata ./cmd/bench/benchdata
	$(GO) build -o $(BENCH_BIN)/benchrun ./cmd/bench/benchrun
	$(BENCH_BIN)/benchrun -app $(BENCH_BIN)/partyoffice $(if $(BEFORE),-before $(BEFORE))

bench-go:
	$(GO) test -tags $(CI_TAGS) -run=^$$ -bench=. -benchmem ./...

# Tests with the fault tag inject failures (full disk, locked database, crash mid-write).
faulttest:
	$(GO) test -tags $(CI_TAGS),fault -count=1 -run '^TestFault' ./data/

# ---- Packages (make dist) ----------------------------------------------------------------
# FyneApp.toml is the single source of name, app ID and version: `fyne package` writes them
# into the .exe's file properties and the .desktop file, the program reads the same
# file's [Details] through resources/appinfo (generated by make version) for `partyoffice version`,
# 帮助 → 关于, the handover manifest and the exports. fyne package reads
# FyneApp.toml from the package folder and bumps its Build on every run, so it packages from a
# generated copy there (not committed) whose icon path points back to resources/.
FYNE_VERSION := v1.7.4
FYNE     := $(shell $(GO) env GOPATH)/bin/fyne
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APPNAME  := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_TOML := $(PKG)/FyneApp.toml
DIST     := dist
SETUP    := $(DIST)/partyoffice-$(VERSION)-setup.exe
PORTABLE := $(DIST)/partyoffice-$(VERSION)-windows-portable.zip
TARBALL  := $(DIST)/partyoffice-$(VERSION)-linux-amd64.tar.xz
DIST_DEBS := nsis zip xz-utils desktop-file-utils

.PHONY: dist dist-deps fyne-cli pkg-toml windows linux-package install uninstall

dist: windows linux-package
	@$(MAKE) --no-print-directory $(SETUP) $(PORTABLE)
	@ls -l $(DIST)

dist-deps:
	$(call apt_ensure,$(DIST_DEBS) $(WIN_DEBS) $(GUI_DEBS))

fyne-cli:
	@test -x $(FYNE) || { echo "installing fyne $(FYNE_VERSION)"; $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION); }

pkg-toml:
	@sed 's#^\( *Icon *= *"\)#\1../../#' FyneApp.toml > $(PKG_TOML)
	@printf '\n[LinuxAndBSD]\n  GenericName = "Party branch office"\n  Comment = "党支部党员名册、发展党员、三会一课"\n  Categories = ["Office"]\n  Keywords = ["党支部", "党员", "名册", "三会一课"]\n' >> $(PKG_TOML)

# bin/partyoffice.exe through fyne package: icon, version and 党支部工作台 as product name and
# file description (from FyneApp.toml), -s -w. The stack-protector flags fyne adds need
# libssp linked statically with Debian's mingw (stack-notes), and the .exe may import
# nothing but the DLLs every Windows has.
windows: dist-deps fyne-cli pkg-toml version
	@mkdir -p bin
	cd $(PKG) && CGO_LDFLAGS="-l:libssp.a" CC=$(WIN_CC) GOOS=windows GOARCH=amd64 \
	  $(FYNE) package -os windows -release -tags no_emoji
	mv "$(PKG)/$(APPNAME).exe" $(EXE)
	@dlls=$$(x86_64-w64-mingw32-objdump -p $(EXE) | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -u); \
	echo "$(EXE) imports:" $$dlls; \
	bad=$$(echo "$$dlls" | grep -viE '^($(WIN_SYSTEM_DLLS))\.dll$$' | grep -v '^$$' || true); \
	if [ -n "$$bad" ]; then \
	  echo "error: $(EXE) needs DLLs that Windows does not ship: $$bad"; exit 1; \
	fi; \
	echo "ok: only system DLLs"
	@types=$$(x86_64-w64-mingw32-objdump -p $(EXE) | sed -n 's/^[0-9a-f]*   Entry: ID: 0x0*\([0-9a-f]*\),.*/\1/p' | tr '\n' ' '); \
	echo "$(EXE) resource types: $$types(3 icon, e icon group, 10 version, 18 manifest)"; \
	for t in 3 e 10; do echo " $$types" | grep -q " $$t " || { echo "error: no resource of type 0x$$t in $(EXE)"; exit 1; }; done
	@strings -el $(EXE) | grep -qx '$(VERSION).[0-9]*' || { echo "error: version $(VERSION) not in $(EXE)"; exit 1; }
	@echo "ok: icon and version $(VERSION) resources"

$(SETUP): $(EXE) resources/packaging/windows/installer.nsi resources/icon.png
	@mkdir -p $(DIST) build
	$(GO) run ./resources/packaging/ico resources/icon.png build/partyoffice.ico
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$(VERSION) -DEXE=$(abspath $(EXE)) \
	  -DICON=$(abspath build/partyoffice.ico) -DOUTFILE=$(abspath $@) resources/packaging/windows/installer.nsi

# The portable zip: the .exe alone (it keeps its data under %APPDATA% like the installed one).
$(PORTABLE): $(EXE)
	@mkdir -p $(DIST) build/portable/$(APPNAME)
	cp $(EXE) "build/portable/$(APPNAME)/partyoffice.exe"
	rm -f $@ && cd build/portable && zip -qr $(abspath $@) "$(APPNAME)"

# The Linux tarball from fyne package -os linux: binary, .desktop file, icon and a Makefile
# with user-install; the .desktop file must pass desktop-file-validate. fyne packages the binary
# built here, the one make bench measures (fyne's own build recompiles all of cgo with other
# flags: many minutes).
LINUX_BIN := build/linux-bin/partyoffice

linux-package: dist-deps fyne-cli pkg-toml version
	@mkdir -p $(DIST) $(dir $(LINUX_BIN))
	$(GO) build -tags $(REL_TAGS) -trimpath -ldflags "-s -w" -o $(LINUX_BIN) $(PKG)
	cd $(PKG) && $(FYNE) package -os linux -release --exe $(abspath $(LINUX_BIN))
	mv "$(PKG)/$(APPNAME).tar.xz" $(TARBALL)
	@rm -rf build/linux && mkdir -p build/linux && tar -xJf $(TARBALL) -C build/linux
	desktop-file-validate $$(find build/linux -name '*.desktop')
	@echo "ok: $(TARBALL) ($$(tar -tJf $(TARBALL) | tr '\n' ' '))"

# make install: the Linux package under ~/.local (bin, applications, icons).
install: linux-package
	$(MAKE) -C build/linux/partyoffice user-install
	@echo "installed: ~/.local/bin/partyoffice and the 开始菜单 entry $(APPNAME)"

uninstall:
	@test -f build/linux/partyoffice/Makefile || { echo "run make install first"; exit 1; }
	$(MAKE) -C build/linux/partyoffice user-uninstall

.PHONY: win-deps
win-deps:
	$(call apt_ensure,$(WIN_DEBS))

font:
	bash resources/fonts/make-font.sh

icon:
	$(GO) run resources/icon/gen.go -o resources/icon.png

clean:
	rm -rf bin build $(DIST) $(PKG_TOML)
	rm -f *.test *.out *.prof coverage.* cpu.pprof mem.pprof
