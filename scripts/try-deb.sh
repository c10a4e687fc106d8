#!/usr/bin/env bash
# Installs the .deb in a clean Debian (bookworm, minbase) chroot and starts it: the command
# line (--help, check and export on the packaged sample), the MIME type and desktop entry as
# the desktop's caches see them, and, with --window, the window under Xvfb at 1024x768 with a
# screenshot to dist/deb-window.png. Needs root and debootstrap (apt-get install debootstrap);
# the chroot is made once in $KOMPAS_CHROOT (default /var/tmp/kompas-deb-chroot) and copied for
# each run, so every run starts clean.
#   scripts/try-deb.sh dist/kompas_0.1.0-1_amd64.deb [--window]
set -euo pipefail
deb=$(realpath "$1")
window=0
[ "${2:-}" = "--window" ] && window=1
base=${KOMPAS_CHROOT:-/var/tmp/kompas-deb-chroot}
if [ ! -x "$base/bin/sh" ]; then
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian
fi
root=$(mktemp -d /var/tmp/kompas-deb-try.XXXXXX)
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
cp -a "$base/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

in_root apt-get update -qq
# shellcheck disable=SC2016 # dpkg-query's own format, not the shell's
before=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >/dev/null
# shellcheck disable=SC2016
after=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
echo "installed: kompas and $((after - before - 1)) packages it depends on"
in_root dpkg -L kompas | grep -E 'bin/|applications/|mime/|scalable|256x256'

in_root kompas --help | head -n 3
in_root kompas check /usr/share/doc/kompas/examples/utrecht-voorbeeld.ron | head -n 5
in_root kompas export /usr/share/doc/kompas/examples/utrecht-voorbeeld.ron --format md \
    -o /tmp/rapport.md
echo "export: $(in_root wc -c < "$root/tmp/rapport.md") bytes of Markdown"

# what a desktop would see: the shared MIME database and the desktop entry's cache (their
# triggers run when these packages come in after Kompas, as on any desktop)
in_root apt-get install -y -qq --no-install-recommends shared-mime-info desktop-file-utils \
    >/dev/null
in_root desktop-file-validate /usr/share/applications/kompas.desktop
grep -q 'application/x-kompas-project=kompas.desktop' \
    "$root/usr/share/applications/mimeinfo.cache"
grep -q 'application/x-kompas-project:\*\.ron' "$root/usr/share/mime/globs2"
grep -q 'application/x-kompas-project' "$root/usr/share/mime/magic"
echo "desktop entry and MIME type registered: *.ron and the magic -> kompas.desktop"

if [ "$window" = 1 ]; then
    in_root apt-get install -y -qq --no-install-recommends xvfb xauth x11-utils imagemagick \
        >/dev/null
    cat > "$root/tmp/window.sh" <<'EOF'
kompas /usr/share/doc/kompas/examples/utrecht-voorbeeld.ron &
pid=$!
sleep 8
kill -0 "$pid"
id=$(xwininfo -root -tree | awk '/— Kompas"/ {print $1; exit}')
xprop -id "$id" WM_CLASS _NET_WM_NAME
xprop -id "$id" -f _NET_WM_ICON 32c _NET_WM_ICON | cut -c1-60
import -window root /tmp/window.png
kill "$pid"
EOF
    in_root xvfb-run -a -s "-screen 0 1024x768x24" sh -e /tmp/window.sh
    mkdir -p dist
    cp "$root/tmp/window.png" dist/deb-window.png
    echo "screenshot: dist/deb-window.png"
fi
echo "the .deb installs and starts in a clean Debian bookworm"
