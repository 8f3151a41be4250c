#!/usr/bin/env bash
# Builds dist/koteihyo_VERSION_amd64.deb with Debian's own dpkg-deb (no cargo-deb to install):
# the binary, the icon in every size, the .desktop file, the AppStream metainfo and the
# roadmap MIME type, depending on a Japanese font package. Install: sudo apt install ./dist/….deb
# Needs: dpkg-dev (dpkg-shlibdeps) for the library dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
target_dir=${CARGO_TARGET_DIR:-target}
arch=$(dpkg --print-architecture)

# DEB_PROFILE=dev packages a debug build (a quick local try of the packaging, never to ship).
profile=${DEB_PROFILE:-release}
cargo build --profile "$profile" --locked --bin koteihyo
built_dir=$target_dir/$([ "$profile" = dev ] && echo debug || echo "$profile")

root=dist/deb/koteihyo_${version}_$arch
rm -rf "$root"
install -Dm755 "$built_dir/koteihyo" "$root/usr/bin/koteihyo"
strip "$root/usr/bin/koteihyo"
install -Dm644 assets/linux/koteihyo.desktop "$root/usr/share/applications/koteihyo.desktop"
install -Dm644 assets/linux/koteihyo.metainfo.xml "$root/usr/share/metainfo/koteihyo.metainfo.xml"
install -Dm644 assets/linux/koteihyo-mime.xml "$root/usr/share/mime/packages/koteihyo.xml"
install -Dm644 assets/icons/koteihyo.svg "$root/usr/share/icons/hicolor/scalable/apps/koteihyo.svg"
for png in assets/icons/hicolor/*.png; do
    size=$(basename "$png" .png)
    install -Dm644 "$png" "$root/usr/share/icons/hicolor/$size/apps/koteihyo.png"
done
install -Dm644 /dev/stdin "$root/usr/share/doc/koteihyo/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: koteihyo

Files: *
License: MIT or Apache-2.0
COPYRIGHT

# The shared libraries the binary links, as dpkg-shlibdeps finds them (it wants a debian/
# folder); the window's X11, GL and Vulkan libraries are loaded at run time, so named here.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/debian"
printf 'Source: koteihyo\n\nPackage: koteihyo\nArchitecture: any\n' > "$scratch/debian/control"
shlibs=$(cd "$scratch" && dpkg-shlibdeps -O "$OLDPWD/$root/usr/bin/koteihyo" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
depends="${shlibs:+$shlibs, }libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0, libgl1, libegl1, fonts-noto-cjk | fonts-ipaexfont-gothic"

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: koteihyo
Version: $version
Architecture: $arch
Maintainer: Koteihyo project <koteihyo@users.noreply.invalid>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: $depends
Recommends: libvulkan1, mesa-vulkan-drivers, zenity
Section: editors
Priority: optional
Description: 工程表エディタ — editor for Japanese policy roadmaps (工程表)
 Draft, compare (新旧対照表) and print policy roadmaps to PDF, offline.
 The command line (koteihyo check, fmt, export, diff) is included.
CONTROL

mkdir -p dist
deb=dist/koteihyo_${version}_$arch.deb
dpkg-deb --root-owner-group --build "$root" "$deb"
ls -l "$deb"
