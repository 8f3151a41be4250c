#!/usr/bin/env bash
# Reruns the checks of the Windows build under Wine, and the renderer fallback test, on Linux:
#  1. koteihyo-cli.exe check and export (PDF) under Wine; the PDF's text (pdftotext) must equal
#     the Linux build's;
#  2. the installer installs and uninstalls silently (/S) in a fresh Wine prefix: programs,
#     Start-menu shortcut, .ron association, uninstall entry, and all of it gone afterwards;
#  3. Koteihyo.exe opens the example under Wine + Xvfb (screenshot dist/verify/wine-editor.png);
#  4. Linux: with Vulkan hidden, wgpu fails and the editor opens with glow (screenshot
#     dist/verify/fallback-glow.png); forced to wgpu alone, it fails and says so.
# Run packaging/windows.sh first. Needs: wine, mingw-w64, xvfb, imagemagick (import), xdotool, poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
stage=dist/windows/Koteihyo-$version
setup=dist/Koteihyo-$version-setup.exe
out=dist/verify
font=${FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
example=examples/roadblocks-after.ron
display=${VERIFY_DISPLAY:-:73}
rm -rf "$out"
mkdir -p "$out"
user=${USER:-$(id -un)}
export WINEPREFIX=$PWD/$out/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
failed=0
fail() { echo "verify: FAIL: $*"; failed=1; }
pass() { echo "verify: ok: $*"; }

Xvfb "$display" -screen 0 1500x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 2
wineboot --init >/dev/null 2>&1 || true
# Rust's standard library needs bcryptprimitives.dll (ProcessPrng), which Windows 10 and 11
# have and Debian 12's Wine 8 lacks: give this test prefix a stand-in (packaging/wine/).
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    packaging/wine/bcryptprimitives.c -ladvapi32 -Wl,--kill-at

echo "== 1. command line under Wine"
if wine "$stage/koteihyo-cli.exe" --version; then pass "--version"; else fail "--version"; fi
if wine "$stage/koteihyo-cli.exe" check "$example"; then pass "check $example"; else fail "check"; fi
wine "$stage/koteihyo-cli.exe" export "$example" -o "$out/after-wine.pdf" --font "$font" || fail "export under Wine"
# The Linux program to compare with and to test the fallback: LINUX_KOTEIHYO, else a debug build.
if [ -z "${LINUX_KOTEIHYO:-}" ]; then
    cargo build --quiet --locked --bin koteihyo
    LINUX_KOTEIHYO="${CARGO_TARGET_DIR:-target}/debug/koteihyo"
fi
"$LINUX_KOTEIHYO" export "$example" -o "$out/after-linux.pdf" --font "$font"
pdftotext "$out/after-wine.pdf" "$out/after-wine.txt"
pdftotext "$out/after-linux.pdf" "$out/after-linux.txt"
ls -l "$out"/after-*.pdf
if cmp -s "$out/after-wine.txt" "$out/after-linux.txt"; then
    pass "pdftotext equal ($(wc -c < "$out/after-linux.txt") bytes of text)"
else
    fail "pdftotext differs"; diff "$out/after-linux.txt" "$out/after-wine.txt" | head -20
fi
if cmp -s "$out/after-wine.pdf" "$out/after-linux.pdf"; then pass "the PDFs are byte-identical"; fi

echo "== 2. installer, silent"
programs="$WINEPREFIX/drive_c/users/$user/AppData/Local/Programs/Koteihyo"
wine "$setup" /S
for file in Koteihyo.exe koteihyo-cli.exe Uninstall.exe examples/roadblocks-after.ron; do
    if [ -f "$programs/$file" ]; then pass "installed $file"; else fail "missing $file"; fi
done
shortcut=$(find "$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu" -name '*.lnk' | head -1)
if [ -n "$shortcut" ]; then pass "Start-menu shortcut: ${shortcut##*/}"; else fail "no Start-menu shortcut"; fi
if wine reg query 'HKCU\Software\Classes\Koteihyo.Roadmap\shell\open\command' /ve 2>/dev/null | grep -q 'Koteihyo.exe'; then
    pass ".ron open command: $(wine reg query 'HKCU\Software\Classes\Koteihyo.Roadmap\shell\open\command' /ve | tr -d '\r' | grep -o '".*')"
else fail "no open command"; fi
if wine reg query 'HKCU\Software\Classes\.ron' /ve 2>/dev/null | grep -q Koteihyo.Roadmap; then pass ".ron -> Koteihyo.Roadmap"; else fail ".ron not associated"; fi
wine "$programs/koteihyo-cli.exe" check "$example" >/dev/null && pass "installed koteihyo-cli.exe runs"
wine "$programs/Uninstall.exe" /S
sleep 3 # the uninstaller copies itself to %TEMP% and runs from there
wineserver -w
if [ -e "$programs" ]; then fail "left behind: $(find "$programs")"; else pass "uninstalled: folder gone"; fi
if [ -z "$(find "$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu" -name '*.lnk')" ]; then pass "shortcut gone"; else fail "shortcut left"; fi
if wine reg query 'HKCU\Software\Classes\Koteihyo.Roadmap' >/dev/null 2>&1; then fail "ProgID left"; else pass "association gone"; fi

echo "== 3. the editor under Wine + Xvfb"
# A fresh Wine prefix has no Japanese font (Windows has Yu Gothic and Meiryo): lend it Noto CJK.
cp "$font" "$WINEPREFIX/drive_c/windows/Fonts/"
wine "$stage/Koteihyo.exe" "$example" >"$out/wine-editor.log" 2>&1 &
editor=$!
sleep "${WINE_WAIT:-40}"
import -window root "$out/wine-editor.png"
if xdotool search --name '工程表エディタ' >/dev/null; then pass "a window named 工程表エディタ is open (see $out/wine-editor.png)"; else fail "no editor window under Wine (see $out/wine-editor.log)"; fi
kill "$editor" 2>/dev/null || true
wineserver -k || true

echo "== 3b. under Wine, wgpu forced to Vulkan and Vulkan hidden: the message box (dist/verify/wine-message.png)"
KOTEIHYO_RENDERER=wgpu WGPU_BACKEND=vulkan VK_ICD_FILENAMES=/nonexistent wine "$stage/Koteihyo.exe" "$example" >"$out/wine-message.log" 2>&1 &
editor=$!
sleep "${WINE_WAIT_BOX:-25}"
import -window root "$out/wine-message.png"
if xdotool search --name 'Koteihyo cannot open its window' >/dev/null; then
    pass "the message box 工程表エディタを開けません / Koteihyo cannot open its window is shown"
else fail "no message box (see $out/wine-message.png, $out/wine-message.log)"; fi
kill "$editor" 2>/dev/null || true
wineserver -k || true

echo "== 4. renderer fallback (Linux, Vulkan hidden)"
binary=$LINUX_KOTEIHYO
VK_ICD_FILENAMES=/nonexistent WGPU_BACKEND=vulkan "$binary" "$example" >"$out/fallback.log" 2>&1 &
editor=$!
sleep 12
import -window root "$out/fallback-glow.png"
if kill -0 "$editor" 2>/dev/null && grep -q 'wgpu renderer failed' "$out/fallback.log"; then
    pass "wgpu failed, the editor opened with glow (see $out/fallback-glow.png)"
else fail "fallback: $(cat "$out/fallback.log")"; fi
kill "$editor" 2>/dev/null || true
set +e
KOTEIHYO_RENDERER=wgpu VK_ICD_FILENAMES=/nonexistent WGPU_BACKEND=vulkan timeout 20 "$binary" "$example" >"$out/forced.log" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && grep -q 'window could not be opened' "$out/forced.log"; then
    pass "KOTEIHYO_RENDERER=wgpu alone fails with exit $status and a message"
else fail "forced wgpu: exit $status, $(cat "$out/forced.log")"; fi

if [ "$failed" -eq 0 ]; then echo "verify: all passed"; else echo "verify: some checks FAILED"; exit 1; fi
