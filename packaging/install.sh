#!/usr/bin/env bash
# Install (or uninstall) the Parts Journal bundle this script sits in, for one user or
# system-wide. It copies the program and its menu entry, icon and file types; it never reads,
# moves or deletes a journal (your vault folder is not part of the program).
#
#   ./install.sh                      # for you: ~/.local/lib/parts-journal, ~/.local/bin, ...
#   sudo ./install.sh --prefix /usr/local
#   ./install.sh --uninstall          # removes the program, keeps every journal
set -euo pipefail

APP_ID=org.partsjournal.PartsJournal
PREFIX="$HOME/.local"
ACTION=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
LIB="$PREFIX/lib/parts-journal"
SHARE="$PREFIX/share"

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
    command -v update-desktop-database >/dev/null \
        && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null \
        && gtk-update-icon-cache -qtf "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$LIB"
    rm -f "$PREFIX/bin/parts-journal" \
          "$SHARE/applications/$APP_ID.desktop" \
          "$SHARE/metainfo/$APP_ID.metainfo.xml" \
          "$SHARE/mime/packages/$APP_ID.xml" \
          "$SHARE/icons/hicolor/"*/apps/"$APP_ID".{png,svg}
    refresh
    echo "Parts Journal is uninstalled. Your journals were not touched."
    exit 0
fi

if [ ! -x "$HERE/parts-journal" ]; then
    echo "install.sh: run me from the unpacked bundle (next to parts-journal)" >&2
    exit 1
fi
mkdir -p "$LIB" "$PREFIX/bin"
rm -rf "$LIB"
cp -a "$HERE" "$LIB"
rm -rf "$LIB/share" "$LIB/install.sh"
ln -sfn "$LIB/parts-journal" "$PREFIX/bin/parts-journal"
# The menu entry names the program by its full path, so it works without ~/.local/bin on PATH.
install -d "$SHARE/applications"
sed -e "s|^Exec=parts-journal|Exec=$PREFIX/bin/parts-journal|" \
    -e "s|^TryExec=parts-journal|TryExec=$PREFIX/bin/parts-journal|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$HERE/share/mime/packages/$APP_ID.xml" "$SHARE/mime/packages/$APP_ID.xml"
(cd "$HERE/share" && find icons -name "$APP_ID.*" -type f) | while read -r icon; do
    install -Dm644 "$HERE/share/$icon" "$SHARE/$icon"
done
refresh
echo "Parts Journal is installed: $PREFIX/bin/parts-journal (and in your applications menu)."
