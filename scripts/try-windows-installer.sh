#!/usr/bin/env bash
# Runs the Windows installer under Wine (Debian's wine64; a 64-bit installer, which
# scripts/package-windows.sh makes with Debian's nsis) in a fresh Wine prefix, silently as IT
# would (/S), and checks what it leaves: the program, the start menu entry, the association
# and the Settings > Apps entry under HKCU; then that the uninstaller removes all of it; then
# the same with another program already owning .ron, which must keep it.
#   scripts/try-windows-installer.sh dist/Kompas-0.1.0-setup.exe
set -euo pipefail
setup=$(realpath "$1")
command -v wine >/dev/null || { echo "needs wine (apt-get install wine64)" >&2; exit 1; }
WINEPREFIX=$(mktemp -d /tmp/kompas-wine.XXXXXX)
export WINEPREFIX WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
wine wineboot -i >/dev/null 2>&1

home=""
for h in "$WINEPREFIX"/drive_c/users/*; do
    [ "$(basename "$h")" = Public ] || { home=$h; break; }
done
dir="$home/AppData/Local/Programs/Kompas"
lnk="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Kompas.lnk"
classes='HKCU\Software\Classes'
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Kompas'

has_key() { wine reg query "$1" >/dev/null 2>&1; }
value() { wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v v="$2" '$1 == v {print $3}'; }
default() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | awk '/REG_SZ/ {sub(/.*REG_SZ[ \t]+/, ""); print}'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

install() {
    wine "$setup" /S
    [ -f "$dir/kompas.exe" ] || fail "no $dir/kompas.exe"
    [ -f "$dir/uninstall.exe" ] || fail "no uninstaller"
    [ -f "$lnk" ] || fail "no start menu entry"
    has_key "$classes\\Kompas.Project\\shell\\open\\command" || fail "no open command"
    case "$(default "$classes\\Kompas.Project\\shell\\open\\command")" in
        *'\Kompas\kompas.exe" "%1"') ;;
        *) fail "open command: $(default "$classes\\Kompas.Project\\shell\\open\\command")" ;;
    esac
    wine reg query "$classes\\.ron\\OpenWithProgids" /v Kompas.Project >/dev/null 2>&1 \
        || fail "not under Open with"
    [ "$(value "$uninstall_key" DisplayName)" = Kompas ] || fail "not in Settings > Apps"
}

uninstall() {
    wine "$dir/uninstall.exe" /S
    # the uninstaller copies itself away and finishes in the background: wait for it
    for _ in $(seq 60); do [ -d "$dir" ] || break; sleep 0.5; done
    wineserver -w
    [ ! -d "$dir" ] || fail "the uninstaller left $dir: $(ls "$dir")"
    [ ! -f "$lnk" ] || fail "the uninstaller left the start menu entry"
    for key in "$classes\\Kompas.Project" "$classes\\Applications\\kompas.exe" "$uninstall_key"; do
        ! has_key "$key" || fail "the uninstaller left $key"
    done
    ! wine reg query "$classes\\.ron\\OpenWithProgids" /v Kompas.Project >/dev/null 2>&1 \
        || fail "the uninstaller left Kompas under Open with"
}

# 1. nothing owns .ron: Kompas becomes its default, and all of it goes again
install
[ "$(default "$classes\\.ron")" = Kompas.Project ] || fail ".ron is not Kompas's"
echo "installed: $(cd "$dir" && echo *) + start menu, association, Settings > Apps"
uninstall
! has_key "$classes\\.ron" || fail "the uninstaller left .ron"
echo "uninstalled: nothing left"

# 2. an editor owns .ron already: it keeps it, Kompas is only added under Open with
wine reg add "$classes\\.ron" /ve /d Editor.ron /f >/dev/null
install
[ "$(default "$classes\\.ron")" = Editor.ron ] || fail "the installer took .ron from its owner"
uninstall
[ "$(default "$classes\\.ron")" = Editor.ron ] || fail "the uninstaller removed the owner's .ron"
echo "with another owner of .ron: kept by the installer and the uninstaller"
echo "the installer installs per user and uninstalls cleanly"
