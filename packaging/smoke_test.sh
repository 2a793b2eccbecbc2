#!/usr/bin/env bash
# Smoke-test the built bundle dist/parts-journal/ offscreen, with nothing from the source tree
# or a venv on the path. Each step prints ok/FAIL; the script exits non-zero if any step failed.
#
# 1. `parts-journal --version` prints the version (and how long the bundle takes to start).
# 2. `parts-journal demo` creates the sample vault (real Argon2id calibration, SQLCipher).
# 3. `parts-journal check` passes every integrity check on it.
# 4. `parts-journal --vault DIR` (the GUI) starts offscreen and is still running, without any
#    error output, after a few seconds at the unlock screen; it is then stopped (SIGTERM). It
#    cannot be unlocked from outside, so its own exit status is not the test.
# 5. `parts-journal-smoke` (bundled beside it) unlocks the same vault through the real unlock
#    screen, renders the main window, checks it is not blank, locks and exits 0.
# 6. Where Xvfb is installed, step 5 again on a real X server (the xcb platform plugin, the one
#    X11 desktops use); skipped with a note otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

DIST=${DIST:-dist/parts-journal}
BIN="$DIST/parts-journal"
SMOKE="$DIST/parts-journal-smoke"
GUI_SECONDS=${GUI_SECONDS:-8}
export QT_QPA_PLATFORM=offscreen
# Nothing from the developer's environment may leak in and make a broken bundle look fine.
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export PATH=/usr/bin:/bin

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pj-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Settings and the default vault location go to the scratch folder, never the user's own.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
mkdir -p "$HOME"
failed=0
ok()   { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failed=1; }
now()  { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [ ! -x "$BIN" ]; then
    echo "FAIL  no $BIN; run packaging/build.sh first"
    exit 1
fi
echo "bundle: $DIST ($(du -sh "$DIST" | cut -f1), $(find "$DIST" -type f | wc -l) files)"

t0=$(now)
version=$("$BIN" --version 2>&1) && [ -n "$version" ] \
    && ok "--version: $version ($(secs "$t0" "$(now)") s)" || fail "--version: $version"
t0=$(now)
"$BIN" --version >/dev/null 2>&1
ok "--version again, warm cache: $(secs "$t0" "$(now)") s"

printf 'smoke test passphrase\n' > "$WORK/pass"
t0=$(now)
if out=$("$BIN" demo --vault "$WORK/vault" --passphrase-file "$WORK/pass" 2>&1); then
    ok "demo: $(echo "$out" | head -1) ($(secs "$t0" "$(now)") s)"
else
    fail "demo: $out"
fi

t0=$(now)
if out=$("$BIN" check --vault "$WORK/vault" --passphrase-file "$WORK/pass" 2>&1); then
    ok "check: $(echo "$out" | tail -1) ($(secs "$t0" "$(now)") s)"
else
    fail "check (exit $?): $out"
fi

"$BIN" --vault "$WORK/vault" >"$WORK/gui.out" 2>"$WORK/gui.err" &
gui=$!
sleep "$GUI_SECONDS"
# The offscreen platform says it cannot raise windows or pass size hints; that is not an error.
errors=$(grep -v -e 'does not support propagateSizeHints' -e 'does not support raise' \
    "$WORK/gui.err" || true)
if kill -0 "$gui" 2>/dev/null && [ -z "$errors" ]; then
    ok "GUI: still running at the unlock screen after ${GUI_SECONDS} s, no errors"
else
    fail "GUI: exited early or printed errors: $errors"
fi
kill -TERM "$gui" 2>/dev/null
wait "$gui" 2>/dev/null
echo "      (stopped with SIGTERM as planned; its exit status was $?)"

if PJ_SMOKE_T0=$(now) "$SMOKE" --vault "$WORK/vault" --passphrase-file "$WORK/pass" \
        --out "$WORK/main.png" >"$WORK/smoke.out" 2>"$WORK/smoke.err"; then
    ok "main window: $(paste -sd ';' "$WORK/smoke.out" | sed 's/;/; /g')"
    if [ -n "${SMOKE_SCREENSHOT:-}" ]; then cp "$WORK/main.png" "$SMOKE_SCREENSHOT"; fi
else
    fail "main window (exit $?): $(cat "$WORK/smoke.out" "$WORK/smoke.err")"
fi

if command -v Xvfb >/dev/null; then
    Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.err" &
    xvfb=$!
    for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
    if [ -s "$WORK/display" ] && PJ_SMOKE_T0=$(now) DISPLAY=":$(cat "$WORK/display")" \
            QT_QPA_PLATFORM=xcb "$SMOKE" --vault "$WORK/vault" --passphrase-file "$WORK/pass" \
            >"$WORK/x11.out" 2>"$WORK/x11.err"; then
        ok "main window on X11 (Xvfb): $(paste -sd ';' "$WORK/x11.out" | sed 's/;/; /g')"
    else
        fail "main window on X11 (Xvfb): $(cat "$WORK/x11.out" "$WORK/x11.err" "$WORK/xvfb.err")"
    fi
    kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
else
    echo "skip  main window on X11: Xvfb is not installed (apt-get install xvfb)"
fi

if [ "$failed" = 0 ]; then echo "smoke test passed"; else echo "smoke test FAILED"; fi
exit "$failed"
