#!/usr/bin/env bash
# Builds the Linux packages from a clean checkout into dist/:
#   dist/kompas_VERSION-1_amd64.deb             Debian/Ubuntu (cargo-deb; metadata in Cargo.toml)
#   dist/kompas-VERSION-x86_64-linux.tar.gz     any distribution: unpack, ./install.sh (per user)
# Needs cargo-deb (`cargo install cargo-deb --locked`, once) and dpkg (Debian, Ubuntu).
# The release build takes several minutes on 2 cores; --no-build packages what is in
# target/release.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = "--no-build" ] && build=0
command -v cargo-deb >/dev/null || { echo "needs: cargo install cargo-deb --locked" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
arch=$(uname -m)
if [ "$build" = 1 ]; then
    start=$(date +%s)
    cargo build --release --locked
    echo "release build: $(( $(date +%s) - start )) s"
fi
mkdir -p dist

# the .deb (cargo-deb strips the binary and compresses it with xz)
cargo deb --no-build --locked --output dist/

# the tarball: the program, install.sh and the same desktop entry, MIME type and icons
name="kompas-$version-$arch-linux"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/share/applications" "$root/share/mime/packages" "$root/examples"
cp target/release/kompas "$root/kompas"
strip "$root/kompas"
cp packaging/linux/install.sh README.md "$root/"
cp packaging/linux/kompas.desktop "$root/share/applications/"
cp packaging/linux/kompas-mime.xml "$root/share/mime/packages/kompas.xml"
for png in assets/icon/kompas-[0-9]*.png; do
    size=${png#assets/icon/kompas-}
    size=${size%.png}
    mkdir -p "$root/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$root/share/icons/hicolor/${size}x${size}/apps/kompas.png"
done
mkdir -p "$root/share/icons/hicolor/scalable/apps"
cp assets/icon/kompas.svg "$root/share/icons/hicolor/scalable/apps/kompas.svg"
cp sample-projects/*.ron "$root/examples/"
tar -C "$stage" --owner=0 --group=0 -czf "dist/$name.tar.gz" "$name"

ls -l dist/*.deb "dist/$name.tar.gz"
