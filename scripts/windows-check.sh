#!/usr/bin/env bash
# The Windows build, checked here on Linux: cross-builds kompas.exe for x86_64-pc-windows-gnu and
# runs its command line under Wine on both sample projects. Every command's standard output,
# error output, exit code and the files it writes must be byte for byte those of the Linux build
# (both write LF and print the paths they were given). Normalised, because it must be: the
# program's name in the help (kompas.exe on Windows) and a workbook's creation time (see below).
# Then what only Windows does differently: saving over a read-only file and over a file another
# program holds open; and the unit tests and tests/storage.rs, built for Windows, under Wine.
# Exits non-zero on any difference.
#
# Usage: scripts/windows-check.sh [--release] [--window]
#   --release  build the release profile (default: debug, the quicker cross-build; see
#              ARCHITECTURE.md, "Windows")
#   --window   also start the window under Wine and Xvfb at 1024x768 and take a screenshot, to
#              $SHOTS_DIR (default target/windows-check/shots)
#
# Installs what it needs when it is missing (as root, with apt-get): the mingw-w64 linker, Wine
# (64-bit only), and for --window Xvfb and ImageMagick; and the Rust target with rustup.
# Debian's Wine 8 has no bcryptprimitives.dll, which Rust's standard library needs; a test-only
# stand-in (scripts/wine/bcryptprimitives.c) is built beside kompas.exe.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=x86_64-pc-windows-gnu
profile=debug
window=0
for arg in "$@"; do
  case $arg in
    --release) profile=release ;;
    --window) window=1 ;;
    *) echo "usage: $0 [--release] [--window]" >&2; exit 2 ;;
  esac
done
say() { printf '== %s\n' "$*"; }
started=$SECONDS

# ---- what it needs
packages=()
command -v x86_64-w64-mingw32-gcc >/dev/null || packages+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null || packages+=(wine wine64)
if [ "$window" = 1 ]; then
  command -v Xvfb >/dev/null || packages+=(xvfb)
  command -v import >/dev/null || packages+=(imagemagick)
  # what the window needs of Wine's recommended libraries (OpenGL and X11)
  for lib in libgl1 libgl1-mesa-dri libxrandr2 libxcursor1 libxi6 libxrender1 libxfixes3 libxcomposite1 libxinerama1 libxxf86vm1; do
    dpkg -s "$lib" >/dev/null 2>&1 || packages+=("$lib")
  done
fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "missing: ${packages[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
fi
if ! rustup target list --installed | grep -qx "$target"; then
  say "adding the Rust target $target"
  rustup target add "$target"
fi

# ---- build
flag=()
[ "$profile" = release ] && flag=(--release)
t0=$SECONDS
say "cross-building kompas.exe ($profile)"
cargo build --locked "${flag[@]}" --target "$target" --bin kompas
say "cross-build took $((SECONDS - t0)) s"
say "building the Linux kompas to compare with"
cargo build --locked --bin kompas
linux=$root/target/debug/kompas
bin=$root/target/$target/$profile
exe=$bin/kompas.exe
cc=x86_64-w64-mingw32-gcc
for c in bcryptprimitives hold; do
  src=scripts/wine/$c.c
  case $c in
    bcryptprimitives) out=$bin/bcryptprimitives.dll; args=(-shared -O2 -o "$out" "$src" -ladvapi32) ;;
    hold) out=$bin/hold.exe; args=(-O2 -o "$out" "$src") ;;
  esac
  [ "$out" -nt "$src" ] || "$cc" "${args[@]}"
done

# ---- Wine: its own prefix, quiet, no Mono or Gecko to install
export WINEPREFIX=$root/target/windows-check/wine
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$WINEPREFIX"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  t0=$SECONDS
  wineboot -i >/dev/null 2>&1 || true
  wineserver -w
  say "Wine prefix made in $((SECONDS - t0)) s"
fi
# one wineserver for the whole run (each command starts quicker), ended on exit
wineserver -p 60
trap 'wineserver -k 2>/dev/null || true' EXIT

work=$root/target/windows-check/run
rm -rf "$work"
mkdir -p "$work"/{linux,windows}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run NAME ARGS...: runs the command with both builds, each in its own copy of the work folder
# (the samples, a CSV, what the commands write), and keeps stdout, stderr and the exit code
run() {
  local name=$1; shift
  local os dir code
  for os in linux windows; do
    dir=$work/$os
    code=0
    if [ "$os" = linux ]; then
      (cd "$dir/files" && "$linux" "$@" >"$dir/$name.out" 2>"$dir/$name.err") || code=$?
    else
      (cd "$dir/files" && wine "$exe" "$@" >"$dir/$name.out" 2>"$dir/$name.err") || code=$?
    fi
    echo "$code" >"$dir/$name.code"
  done
}

for os in linux windows; do
  mkdir -p "$work/$os/files/out"
  cp sample-projects/*.ron tests/fixtures/csv/cbs-open-data.csv tests/fixtures/csv/simple-dutch.csv "$work/$os/files/"
  # a project file as Notepad or Git on Windows may leave it: CRLF line ends
  sed 's/$/\r/' sample-projects/utrecht-voorbeeld.ron >"$work/$os/files/utrecht-crlf.ron"
done

t0=$SECONDS
say "the command line on both samples, Linux and Windows"
run help --help
run export-help export --help
run overview overview .
run overview-lessons overview . --lessons
for sample in utrecht-voorbeeld regio-rivierenland-voorbeeld; do
  for lang in nl en; do
    run "check-$sample-$lang" check "$sample.ron" --lang "$lang"
    for format in html md csv xlsx docx svg png; do
      run "export-$sample-$lang-$format" export "$sample.ron" --lang "$lang" --format "$format" -o "out/$sample-$lang.$format"
    done
  done
  run "export-$sample-support-csv" export "$sample.ron" --format csv --sections ondersteuning -o "out/$sample-ondersteuning.csv"
done
run import-preview import cbs-open-data.csv --preview --lang en
run import-preview-dutch import simple-dutch.csv --preview
run import-utrecht import cbs-open-data.csv --into utrecht-voorbeeld.ron --indicator "Thuiszitters > 3 maanden" --cycle 1 --column Thuiszitters --region GM0034
run import-rivierenland import simple-dutch.csv --into regio-rivierenland-voorbeeld.ron --indicator "Thuiszitters"
run import-refused import cbs-open-data.csv --into utrecht-voorbeeld.ron --indicator "Thuiszitters > 3 maanden" --column Thuiszitters
# CRLF reads as LF: the same report as from the sample itself
run check-crlf check utrecht-crlf.ron
run export-crlf export utrecht-crlf.ron --format md -o out/utrecht-crlf.md
# names Windows and OneDrive cannot hold are refused on both, with the same message
run export-con export utrecht-voorbeeld.ron --format html -o out/CON.html
run export-aux export utrecht-voorbeeld.ron --format md -o out/aux.md
run export-dot export utrecht-voorbeeld.ron --format html -o "out/verslag.html."
run export-colon export utrecht-voorbeeld.ron --format html -o "out/verslag 14:05.html"
# a long name (about 230 bytes, the temp file beside it must fit too), non-ASCII
long=$(printf 'één-%.0s' $(seq 1 37))verslag.html
run export-long export utrecht-voorbeeld.ron --format html -o "out/$long"
# the same project name in other letters: on Windows the same file, on Linux a new .ron name;
# refused on both
run export-case export utrecht-voorbeeld.ron --format html -o UTRECHT-VOORBEELD.RON

# Two things must be normalised, nothing else:
# - the program's name in the help: clap prints the name it was started as, kompas.exe on Windows;
# - a workbook's creation time (docProps/core.xml), the clock time of the export, which differs
#   between any two runs; and rust_xlsxwriter's zip entries say which system made them (our own
#   Word documents say Unix everywhere), so workbooks are compared part by part.
# The export onto the project's name in capitals is refused on both, for a different reason
# (Windows: it is the input file; Linux: a .ron name): only its exit code is compared.
same_zip() {
  python3 - "$1" "$2" <<'PY'
import re, sys, zipfile
def parts(path):
    z = zipfile.ZipFile(path)
    out = []
    for i in z.infolist():
        data = z.read(i)
        if i.filename == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\1", data)
        out.append((i.filename, data))
    return out
sys.exit(0 if parts(sys.argv[1]) == parts(sys.argv[2]) else 1)
PY
}
# Project files: the items a run adds (an import's measurements) get ids with a prefix drawn at
# random for each editing session (format version 5, so copies never collide), so two runs
# differ in those numbers only. They are compared with every id of ten digits or more replaced
# by its order of first appearance: the same document, item for item and link for link.
same_ron() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def norm(path):
    seen = {}
    text = open(path, "rb").read()
    return re.sub(rb"\b\d{10,}\b", lambda m: b"ID%d" % seen.setdefault(m.group(0), len(seen)), text)
sys.exit(0 if norm(sys.argv[1]) == norm(sys.argv[2]) else 1)
PY
}
say "comparing"
compared=0
for f in "$work"/linux/*.code; do
  name=$(basename "$f" .code)
  for part in out err code; do
    a=$work/linux/$name.$part b=$work/windows/$name.$part
    case $name.$part in
      export-case.out | export-case.err) continue ;;
      help.out | export-help.out) sed -i 's/kompas\.exe/kompas/g' "$b" ;;
    esac
    compared=$((compared + 1))
    cmp -s "$a" "$b" || { fail "$name: the $part differs"; diff "$a" "$b" | head -5 >&2 || true; }
  done
done
# every file written (exports, saved projects and their backups)
while IFS= read -r -d '' f; do
  rel=${f#"$work/linux/files/"}
  compared=$((compared + 1))
  case $rel in
    *.xlsx) same_zip "$f" "$work/windows/files/$rel" || fail "workbook $rel differs" ;;
    *.ron | *.ron.bak) same_ron "$f" "$work/windows/files/$rel" || fail "project $rel differs" ;;
    *) cmp -s "$f" "$work/windows/files/$rel" || fail "file $rel differs" ;;
  esac
done < <(find "$work/linux/files" -type f -print0)
linux_files=$(cd "$work/linux/files" && find . -type f | sort)
windows_files=$(cd "$work/windows/files" && find . -type f | sort)
[ "$linux_files" = "$windows_files" ] || { fail "not the same files written"; diff <(echo "$linux_files") <(echo "$windows_files") >&2 || true; }
# what must have happened at all (so that two equal failures do not pass)
for name in help check-utrecht-voorbeeld-nl export-utrecht-voorbeeld-nl-html export-utrecht-voorbeeld-en-xlsx import-utrecht import-rivierenland export-long check-crlf; do
  [ "$(cat "$work/windows/$name.code")" = 0 ] || fail "$name: exit code $(cat "$work/windows/$name.code")"
done
for name in export-con export-aux export-dot export-colon export-case import-refused; do
  [ "$(cat "$work/windows/$name.code")" = 2 ] || fail "$name: not refused (exit code $(cat "$work/windows/$name.code"))"
done
# the first line names the file
cmp -s <(tail -n +2 "$work/windows/check-crlf.out") <(tail -n +2 "$work/windows/check-utrecht-voorbeeld-nl.out") || fail "the CRLF file checks differently"
cmp -s "$work/windows/files/out/utrecht-crlf.md" "$work/windows/files/out/utrecht-voorbeeld-nl.md" || fail "the CRLF file exports differently"
[ -f "$work/windows/files/utrecht-voorbeeld.ron.bak" ] || fail "no backup after the import"
! grep -q $'\r' "$work/windows/files/utrecht-voorbeeld.ron" || fail "the project saved on Windows has CR"
say "$compared outputs and files compared in $((SECONDS - t0)) s"

say "Windows only: saving over a read-only file and over a file held open"
w=$work/windows/files
save() { (cd "$w" && wine "$exe" import cbs-open-data.csv --into "$1" --indicator "Thuiszitters > 3 maanden" --cycle 1 --column Thuiszitters --region GM0034 >"$work/$2.out" 2>"$work/$2.err") }
cp "$root/sample-projects/utrecht-voorbeeld.ron" "$w/alleen-lezen.ron"
chmod a-w "$w/alleen-lezen.ron" # Wine shows a file without write permission as read-only
if save alleen-lezen.ron readonly; then
  fail "saving over a read-only file was not refused"
else
  grep -q "alleen-lezen" "$work/readonly.err" || fail "the refusal does not say read-only: $(cat "$work/readonly.err")"
fi
cmp -s "$w/alleen-lezen.ron" sample-projects/utrecht-voorbeeld.ron || fail "the read-only file was changed"
chmod u+w "$w/alleen-lezen.ron"
# a read-only backup (copied from a read-only share) does not stop a save
cp "$root/sample-projects/utrecht-voorbeeld.ron" "$w/met-backup.ron"
cp "$root/sample-projects/utrecht-voorbeeld.ron" "$w/met-backup.ron.bak"
chmod a-w "$w/met-backup.ron.bak"
save met-backup.ron readonly-bak || fail "a read-only backup stopped the save: $(cat "$work/readonly-bak.err")"
same_ron "$w/met-backup.ron" "$work/windows/files/utrecht-voorbeeld.ron" || fail "the save beside a read-only backup is not the import's result"
# another program holds the file open without letting it be replaced: Kompas tries for about
# 2.5 s, then says the file is in use; the file stays as it was and no temp file is left
cp "$root/sample-projects/utrecht-voorbeeld.ron" "$w/open.ron"
(cd "$w" && exec wine "$bin/hold.exe" nodelete open.ron 20 >"$work/hold.out" 2>&1) &
hold=$!
for _ in $(seq 100); do grep -q holding "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
grep -q holding "$work/hold.out" || fail "hold.exe did not open the file: $(cat "$work/hold.out")"
t1=$SECONDS
if save open.ron held; then
  fail "saving over a file held open succeeded (Wine replaces no file that is open)"
else
  grep -q "in gebruik door een ander programma" "$work/held.err" || fail "the refusal does not say the file is in use: $(cat "$work/held.err")"
fi
say "the held file was given up after $((SECONDS - t1)) s"
kill "$hold" 2>/dev/null || true
wait "$hold" 2>/dev/null || true
cmp -s "$w/open.ron" sample-projects/utrecht-voorbeeld.ron || fail "the held file was changed"
if ls -A "$w" | grep -q '\.tmp$'; then fail "a temp file was left: $(ls -A "$w" | grep '\.tmp$')"; fi

say "the unit tests and tests/storage.rs, built for Windows, under Wine"
t0=$SECONDS
cargo test --locked "${flag[@]}" --target "$target" --lib --test storage --no-run 2>"$work/tests-build.err" \
  || { cat "$work/tests-build.err" >&2; exit 1; }
cp "$bin/bcryptprimitives.dll" "$bin/deps/"
if ! CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine cargo test --locked "${flag[@]}" --target "$target" --lib --test storage >"$work/tests.out" 2>&1; then
  grep -E "^test .*FAILED|^---- |panicked" "$work/tests.out" >&2 || true
  fail "the tests fail on Windows (all of it in $work/tests.out)"
fi
grep "^test result" "$work/tests.out" || true
say "tests built and run in $((SECONDS - t0)) s"

if [ "$window" = 1 ]; then
  say "the window under Wine and Xvfb at 1024x768"
  shots=${SHOTS_DIR:-$root/target/windows-check/shots}
  mkdir -p "$shots"
  log="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/kompas/kompas.log"
  rm -f "$log"
  mkdir -p "$work/window"
  cp sample-projects/utrecht-voorbeeld.ron "$work/window/"
  # a fresh wineserver: the one of the commands above has no display, and its desktop would
  # leave the window without OpenGL ("Found no glutin configs")
  wineserver -k 2>/dev/null || true
  wineserver -w
  xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
    set -euo pipefail
    cd "$1"
    wine "$2" utrecht-voorbeeld.ron >/dev/null 2>&1 & pid=$!
    sleep 20
    import -window root "$3/wine-1024x768.png"
    kill "$pid" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
  ' _ "$work/window" "$exe" "$shots"
  echo "screenshot: $shots/wine-1024x768.png"
  # a window that could not draw leaves the screen black
  colours=$(convert "$shots/wine-1024x768.png" -format %k info:)
  [ "$colours" -gt 16 ] || fail "the screenshot has $colours colours: the window did not draw"
  if [ -f "$log" ]; then
    say "the log file is in %LOCALAPPDATA%: $(head -n1 "$log")"
  else
    fail "no log file in %LOCALAPPDATA%\\kompas"
  fi
fi

say "done in $((SECONDS - started)) s"
if [ "$failures" -gt 0 ]; then
  echo "windows-check: $failures failure(s)" >&2
  exit 1
fi
echo "windows-check: the Windows build gives the same output as the Linux build"
