#!/bin/sh
# Installs Kompas from this folder for the current user, without root:
#   ~/.local/bin/kompas, its menu entry, its icon and the file type of project files (.ron),
#   so a double-click on a project file opens it in Kompas.
# ./install.sh --uninstall removes exactly these again (your project files stay).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${XDG_BIN_HOME:-$HOME/.local/bin}
data=${XDG_DATA_HOME:-$HOME/.local/share}

refresh() {
    # each cache only where its tool is installed; a desktop without them rescans by itself
    if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database "$data/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q "$data/icons/hicolor" || true
    fi
    touch "$data/icons/hicolor" 2>/dev/null || true
}

icons() { (cd "$here/share/icons/hicolor" && find . -name 'kompas.*' | sed 's|^\./||'); }

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin/kompas" "$data/applications/kompas.desktop" "$data/mime/packages/kompas.xml"
    for icon in $(icons); do rm -f "$data/icons/hicolor/$icon"; done
    refresh
    echo "Kompas removed (your project files and $data/kompas are left alone)."
    exit 0
fi

mkdir -p "$bin" "$data/applications" "$data/mime/packages"
install -m 755 "$here/kompas" "$bin/kompas"
# the menu starts programs without the shell's PATH: the entry names the full path
sed "s|^Exec=kompas |Exec=$bin/kompas |" "$here/share/applications/kompas.desktop" \
    > "$data/applications/kompas.desktop"
install -m 644 "$here/share/mime/packages/kompas.xml" "$data/mime/packages/kompas.xml"
for icon in $(icons); do
    mkdir -p "$(dirname "$data/icons/hicolor/$icon")"
    install -m 644 "$here/share/icons/hicolor/$icon" "$data/icons/hicolor/$icon"
done
refresh
echo "Kompas installed: $bin/kompas (and in the menu)."
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "Note: $bin is not on your PATH; add it to start 'kompas' from a terminal." ;;
esac
