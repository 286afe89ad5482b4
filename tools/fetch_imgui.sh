#!/usr/bin/env bash
# Brings Dear ImGui's sources into the build tree from Debian's source package.
# Debian ships the ImGui core .cpp files only as a source package, so this reads a private
# deb-src list (the machine's own apt setup stays untouched). The version is pinned; when a
# moving suite no longer carries it, the newest 1.92.x the suites offer is used instead and
# the script says so loudly.
#   usage: fetch_imgui.sh DEST_DIR
set -euo pipefail
dest=${1:?usage: fetch_imgui.sh DEST_DIR}
pinned="1.92.2b+ds-1"
if [ -f "$dest/imgui.h" ] && [ -f "$dest/.version" ]; then exit 0; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
for suite in sid forky; do
  echo "deb-src http://deb.debian.org/debian $suite main" >> "$work/sources.list"
done
apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
          -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -q update >/dev/null

version=$pinned
if ! apt-cache "${apt_opts[@]}" showsrc imgui 2>/dev/null | grep -q "^Version: ${pinned}\$"; then
  version=$(apt-cache "${apt_opts[@]}" showsrc imgui | awk '/^Version: 1\.92\./{print $2}' | sort -V | tail -n1)
  [ -n "$version" ] || { echo "fetch_imgui: no Dear ImGui 1.92.x source package found in sid or forky" >&2; exit 1; }
  echo "################################################################" >&2
  echo "# fetch_imgui: pinned imgui $pinned is gone; using $version" >&2
  echo "################################################################" >&2
fi
(cd "$work" && apt-get "${apt_opts[@]}" -q source --download-only "imgui=$version" >/dev/null)
tarball=$(ls "$work"/imgui_*.orig.tar.* | head -n1)
mkdir -p "$work/src" "$dest"
tar -xf "$tarball" -C "$work/src" --strip-components=1
cp "$work"/src/imgui*.cpp "$work"/src/imgui*.h "$work"/src/imconfig.h "$work"/src/imstb_*.h "$dest"/
mkdir -p "$dest/backends"
cp "$work"/src/backends/imgui_impl_opengl3* "$dest/backends/"
echo "$version" > "$dest/.version"
echo "fetch_imgui: Dear ImGui $version in $dest"
