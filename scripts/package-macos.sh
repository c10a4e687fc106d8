#!/usr/bin/env bash
# Builds the macOS package from a clean checkout into dist/:
#   dist/Kompas.app                     the bundle (Info.plist from packaging/macos, the icon)
#   dist/Kompas-VERSION-macos.dmg       the disk image, with a link to Applications
# On macOS only (cargo, hdiutil, codesign; the release workflow runs it on macos-latest).
#   --universal      one binary for Apple silicon and Intel (builds both targets, lipo)
#   --binary PATH    package this kompas binary instead of building one
#   --app-only       stop after the bundle: works on Linux too, to check the bundle's layout
# The bundle is signed ad hoc, not with a Developer ID, and not notarised: on first start macOS
# asks to confirm (right-click > Open, or System Settings > Privacy & Security > Open Anyway).
set -euo pipefail
cd "$(dirname "$0")/.."

universal=0
app_only=0
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --universal) universal=1; shift ;;
        --app-only) app_only=1; shift ;;
        --binary) binary="$2"; shift 2 ;;
        *) echo "usage: $0 [--universal] [--binary PATH] [--app-only]" >&2; exit 2 ;;
    esac
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

if [ -z "$binary" ]; then
    if [ "$universal" = 1 ]; then
        rustup target add aarch64-apple-darwin x86_64-apple-darwin
        for target in aarch64-apple-darwin x86_64-apple-darwin; do
            cargo build --release --locked --target "$target"
        done
        mkdir -p target/universal-apple-darwin/release
        binary=target/universal-apple-darwin/release/kompas
        lipo -create -output "$binary" \
            target/aarch64-apple-darwin/release/kompas target/x86_64-apple-darwin/release/kompas
    else
        cargo build --release --locked
        binary=target/release/kompas
    fi
fi
[ -f "$binary" ] || { echo "no $binary" >&2; exit 1; }

mkdir -p dist
app=dist/Kompas.app
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$binary" "$app/Contents/MacOS/kompas"
chmod 755 "$app/Contents/MacOS/kompas"
cp assets/icon/kompas.icns "$app/Contents/Resources/kompas.icns"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"
if command -v plutil >/dev/null; then plutil -lint "$app/Contents/Info.plist"; fi
if command -v codesign >/dev/null; then codesign --force --deep --sign - "$app"; fi
echo "bundle: $app"
[ "$app_only" = 1 ] && exit 0

command -v hdiutil >/dev/null || { echo "hdiutil is macOS's: use --app-only elsewhere" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="dist/Kompas-$version-macos.dmg"
rm -f "$dmg"
hdiutil create -volname "Kompas $version" -srcfolder "$stage" -ov -format UDZO "$dmg"
ls -l "$dmg"
