#!/usr/bin/env bash
# Builds the Windows release from Linux: Koteihyo.exe (the editor, a GUI program with the
# icon and version resource) and koteihyo-cli.exe (the same program as a console program),
# cross-compiled for x86_64-pc-windows-gnu with Debian's mingw-w64; then
#   dist/Koteihyo-VERSION-windows-portable.zip  (unzip anywhere and run, no installation)
#   dist/Koteihyo-VERSION-setup.exe              (per-user NSIS installer, no administrator)
# Needs: the rustup target x86_64-pc-windows-gnu; apt: mingw-w64 nsis zip.
# A release build of the GUI stack takes 15–25 minutes on two cores the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
target_dir=${CARGO_TARGET_DIR:-target}

cargo build --release --locked --target "$target" --features console-binary --bins
built="$target_dir/$target/release"

stage=dist/windows/Koteihyo-$version
rm -rf "$stage"
mkdir -p "$stage/examples"
cp "$built/koteihyo.exe" "$stage/Koteihyo.exe"
cp "$built/koteihyo-cli.exe" "$stage/koteihyo-cli.exe"
x86_64-w64-mingw32-strip "$stage/Koteihyo.exe" "$stage/koteihyo-cli.exe"
cp examples/*.ron "$stage/examples/"
sed 's/$/\r/' packaging/windows/README.txt > "$stage/README.txt"

# The programs must need no DLL beyond Windows' own (no libgcc, libwinpthread beside them).
for exe in "$stage"/*.exe; do
    x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' |
        while read -r dll; do
            case "$dll" in
                lib*) echo "windows: error: $exe needs $dll" >&2; exit 1 ;;
            esac
        done
done

zip_path=dist/Koteihyo-$version-windows-portable.zip
rm -f "$zip_path"
(cd dist/windows && zip -q -r -X "../$(basename "$zip_path")" "Koteihyo-$version")

# The installer's own icon comes from the stage; it is not installed.
cp assets/icons/koteihyo.ico "$stage/koteihyo.ico"
setup=dist/Koteihyo-$version-setup.exe
makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DSTAGE="$(realpath "$stage")" -DOUTFILE="$(realpath -m "$setup")" \
    packaging/windows/installer.nsi
rm "$stage/koteihyo.ico"

ls -l "$stage"/*.exe "$zip_path" "$setup"
