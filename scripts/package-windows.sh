#!/usr/bin/env bash
# Builds the Windows packages from a clean checkout into dist/:
#   dist/Kompas-VERSION-setup.exe          the installer (NSIS: per user, no admin rights)
#   dist/Kompas-VERSION-windows-x64.zip    the portable program (kompas.exe and README.md)
#
# On Linux it cross-builds kompas.exe for x86_64-pc-windows-gnu (release, about 5 minutes on
# 2 cores) and needs, once:
#   rustup target add x86_64-pc-windows-gnu
#   apt-get install gcc-mingw-w64-x86-64 nsis      # the linker and windres; makensis
# On a Windows runner (the release workflow) give the exe that `cargo build --release` made:
#   scripts/package-windows.sh --exe target/release/kompas.exe
# with NSIS's makensis on PATH. The zip is written with Python's zipfile (python3 or python).
set -euo pipefail
cd "$(dirname "$0")/.."

exe=""
while [ $# -gt 0 ]; do
    case "$1" in
        --exe) exe="$2"; shift 2 ;;
        *) echo "usage: $0 [--exe PATH/kompas.exe]" >&2; exit 2 ;;
    esac
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
# the installer's numeric version (NSIS wants x.y.z.w): any pre-release suffix dropped
numeric=${version%%-*}

if [ -z "$exe" ]; then
    target=x86_64-pc-windows-gnu
    command -v x86_64-w64-mingw32-gcc >/dev/null \
        || { echo "needs: apt-get install gcc-mingw-w64-x86-64" >&2; exit 1; }
    rustup target list --installed | grep -qx "$target" \
        || { echo "needs: rustup target add $target" >&2; exit 1; }
    start=$(date +%s)
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        cargo build --release --locked --target "$target"
    echo "cross-build: $(( $(date +%s) - start )) s"
    exe="target/$target/release/kompas.exe"
fi
[ -f "$exe" ] || { echo "no $exe" >&2; exit 1; }
command -v makensis >/dev/null || { echo "needs makensis (apt-get install nsis)" >&2; exit 1; }

mkdir -p dist
dist=$(cd dist && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/Kompas-$version"
cp "$exe" "$stage/Kompas-$version/kompas.exe"
cp README.md "$stage/Kompas-$version/"
# MinGW's build keeps the symbol table in the exe (37 -> 29 MB without); MSVC's keeps it in a
# .pdb beside it, so a Windows runner's exe is lean already (and has no MinGW strip)
if command -v x86_64-w64-mingw32-strip >/dev/null; then
    x86_64-w64-mingw32-strip "$stage/Kompas-$version/kompas.exe"
fi
exe_abs="$stage/Kompas-$version/kompas.exe"

# Git Bash on Windows: makensis.exe wants Windows paths
native() { if command -v cygpath >/dev/null; then cygpath -w "$1"; else printf '%s\n' "$1"; fi; }
setup="$dist/Kompas-$version-setup.exe"
# a 64-bit installer where this NSIS has the stubs for it (Debian's does)
amd64=()
for stubs in /usr/share/nsis/Stubs /usr/local/share/nsis/Stubs; do
    if [ -f "$stubs/lzma_solid-amd64-unicode" ]; then amd64=(-DAMD64); break; fi
done
makensis -V2 -INPUTCHARSET UTF8 "${amd64[@]}" "-DEXE=$(native "$exe_abs")" "-DVERSION=$numeric" \
    "-DOUTFILE=$(native "$setup")" "$(native "$PWD/packaging/windows/kompas.nsi")"

zip="$dist/Kompas-$version-windows-x64.zip"
rm -f "$zip"
python=$(command -v python3 || command -v python)
(cd "$stage" && "$python" -m zipfile -c "$zip" "Kompas-$version")

ls -l "$setup" "$zip"
