#!/usr/bin/env bash
# Build the one-folder Linux bundle dist/parts-journal/ with PyInstaller.
#
# Uses its own venv under build/ (never the developer's .venv), so the bundle holds only the
# app's runtime dependencies. Needs Python 3.11+ with its shared library (python3-dev on Debian)
# and access to PyPI the first time. Re-running reuses the venv; `make clean` removes it.
#
#   packaging/build.sh            # or: make package (which also runs smoke_test.sh)
#   PYTHON=python3.12 packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
PYINSTALLER_VERSION=${PYINSTALLER_VERSION:-6.22.3}
VENV=build/package-venv
DIST=dist/parts-journal
APP_ID=org.partsjournal.PartsJournal

started=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating the build venv in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
echo "==> installing PyInstaller $PYINSTALLER_VERSION and Parts Journal into the build venv"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "pyinstaller==$PYINSTALLER_VERSION"
# A regular (not editable) install, so the bundle does not point back into the source tree;
# forced, so a changed module is picked up even though the version number is the same. The
# stale-copy folders setuptools leaves in build/ would otherwise resurrect deleted modules.
rm -rf build/lib build/bdist.*
"$VENV/bin/python" -m pip install --quiet .
"$VENV/bin/python" -m pip install --quiet --force-reinstall --no-deps .

echo "==> rendering the icons (they are committed; this checks they are current)"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py >/dev/null
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1 \
        && ! git diff --quiet -- resources/icons; then
    echo "warning: resources/icons changed when re-rendered; commit the new PNGs" >&2
fi

echo "==> running PyInstaller"
rm -rf "$DIST"
QT_QPA_PLATFORM=offscreen "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/parts-journal.spec

echo "==> adding the desktop integration files"
install -Dm644 "packaging/$APP_ID.desktop" "$DIST/share/applications/$APP_ID.desktop"
install -Dm644 "packaging/$APP_ID.metainfo.xml" "$DIST/share/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "packaging/$APP_ID.xml" "$DIST/share/mime/packages/$APP_ID.xml"
install -Dm644 "resources/icons/$APP_ID.svg" \
    "$DIST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in resources/icons/hicolor/*/apps/"$APP_ID".png; do
    install -Dm644 "$png" "$DIST/share/${png#resources/}"
done
install -Dm755 packaging/install.sh "$DIST/install.sh"

size=$(du -sh "$DIST" | cut -f1)
echo "==> built $DIST ($size) in $(( $(date +%s) - started )) s"
