#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package with cpack, runs lintian on it (any error or warning
# fails the test) and checks what it installs: the binary runs and reports its
# version, the man page renders, the changelog and copyright are there, the bash
# completion loads, the examples are there. As root, and when no linkctl package
# is installed, it also installs the package with dpkg -i and removes it again
# with dpkg -r.
#
# Usage: deb.sh BUILD-DIR
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CMakeCache.txt" ]; then
  echo "usage: $0 BUILD-DIR (a configured CMake build directory)" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-deb.XXXXXX")
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then dpkg -r linkctl >/dev/null 2>&1 || echo "deb: could not remove the linkctl package" >&2; fi
  rm -rf "$work"
}
trap cleanup EXIT
unset LINKCTL_DB LINKCTL_USER LINKCTL_FORMAT LINKCTL_NOW
export LC_ALL=C.UTF-8

fail() { echo "deb: FAILED: $*"; exit 1; }
as_root() { [ "$(id -u)" = 0 ]; }

# dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS) and dpkg-parsechangelog are in dpkg-dev, man(1) in man-db.
for tool in dpkg-shlibdeps:dpkg-dev man:man-db lintian:lintian; do
  command -v "${tool%%:*}" >/dev/null && continue
  as_root || fail "${tool%%:*} is missing; install ${tool#*:}"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${tool#*:}"; } >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "could not install ${tool#*:}"; }
done

# The package, built in a directory of its own (cpack -B) so that runs never share files.
if ! (cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  fail "cpack -G DEB failed"
fi
deb=$(find "$work/out" -maxdepth 1 -name 'linkctl_*.deb')
[ -n "$deb" ] && [ "$(wc -l <<<"$deb")" = 1 ] || fail "expected one linkctl_*.deb in $work/out, found: ${deb:-none}"
field() { dpkg-deb -f "$deb" "$1"; }
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
[ "$(field Package)" = linkctl ] || fail "Package is '$(field Package)', not linkctl"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version (project())"
[ "$(field Section)" = utils ] || fail "Section is '$(field Section)', not utils"
depends=$(field Depends)
# A default build links its libraries statically (LINKCTL_STATIC_DEPS) and needs only libc;
# the package of every shared library it does link must be declared.
needed=$(ldd "$build/linkctl" | awk '$3 ~ /^\// { print $3 }' | while read -r so; do
  dpkg -S "$(readlink -f "$so")" 2>/dev/null || dpkg -S "$so" 2>/dev/null; done | cut -d: -f1 | sort -u)
for pkg in libc6 $needed; do
  grep -q "$pkg" <<<"$depends" || fail "Depends lacks $pkg (dpkg-shlibdeps): $depends"
done
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB; Package linkctl, Version $version, Section utils"
echo "depends (dpkg-shlibdeps): $depends"
maintainer=$(cache LINKCTL_PACKAGE_MAINTAINER)
[ -n "$maintainer" ] && [ "$(field Maintainer)" = "$maintainer" ] ||
  fail "Maintainer is '$(field Maintainer)', not LINKCTL_PACKAGE_MAINTAINER '$maintainer'"
echo "maintainer (LINKCTL_PACKAGE_MAINTAINER): $maintainer"

# Debian's own checker: no error and no warning (informational tags are printed, not counted).
# As root lintian warns that it runs as root unless told --allow-root.
if ! lintian --allow-root --fail-on error,warning --display-info "$deb" >"$work/lintian.log" 2>&1; then
  cat "$work/lintian.log"
  fail "lintian reports errors or warnings"
fi
if [ -s "$work/lintian.log" ]; then sed 's/^/lintian: /' "$work/lintian.log"; fi
echo "$(lintian --version): no errors, no warnings"

# --- unpacked into a throwaway root --------------------------------------------------------
root=$work/root
dpkg -x "$deb" "$root"
files=(
  usr/bin/linkctl
  usr/share/man/man1/linkctl.1.gz
  usr/share/man/zh_CN/man1/linkctl.1.gz
  usr/share/locale/zh_CN/LC_MESSAGES/linkctl.mo
  usr/share/bash-completion/completions/linkctl
  usr/share/zsh/vendor-completions/_linkctl
  usr/share/fish/vendor_completions.d/linkctl.fish
  usr/share/doc/linkctl/README.md
  usr/share/doc/linkctl/changelog.gz
  usr/share/doc/linkctl/copyright
)
for f in "${files[@]}"; do [ -s "$root/$f" ] || fail "the package lacks /$f"; done
echo "dpkg -x: $(find "$root" -type f | wc -l) files; binary, man pages (English, Chinese), message catalog, changelog, copyright, bash/zsh/fish completions and README in place"

# The gzipped files hold their sources unchanged; the changelog's latest entry is this version.
zcat "$root/usr/share/man/man1/linkctl.1.gz" | cmp -s - "$src/man/linkctl.1" || fail "linkctl.1.gz is not man/linkctl.1"
zcat "$root/usr/share/doc/linkctl/changelog.gz" >"$work/changelog"
cmp -s "$work/changelog" "$src/packaging/debian/changelog" || fail "changelog.gz is not packaging/debian/changelog"
logged=$(dpkg-parsechangelog -l "$work/changelog" -S Version) || fail "dpkg-parsechangelog cannot read the changelog"
[ "$logged" = "$version" ] || fail "the changelog's latest entry is $logged, not $version: add an entry to packaging/debian/changelog"
cmp -s "$root/usr/share/doc/linkctl/copyright" "$src/packaging/debian/copyright" || fail "copyright is not packaging/debian/copyright"
echo "changelog.gz: latest entry $logged; copyright and man page as in the source tree"

check_version() {  # check_version BINARY
  local out
  out=$("$1" --version) || fail "$1 --version failed"
  [[ $out =~ ^linkctl\ ${version//./\\.}\ \(schema\ [0-9]+\)$ ]] || fail "$1 --version printed '$out'"
  echo "$out"
}
echo "linkctl --version: $(check_version "$root/usr/bin/linkctl")"

page=$(MANPAGER=cat MANWIDTH=100 man -l "$root/usr/share/man/man1/linkctl.1.gz" 2>"$work/man.err") || { cat "$work/man.err"; fail "man -l failed"; }
for want in NAME SYNOPSIS COMMANDS "EXIT STATUS" "completion bash|zsh|fish"; do
  grep -qF -- "$want" <<<"$page" || fail "the rendered man page lacks '$want'"
done
echo "man -l: $(wc -l <<<"$page") lines rendered, with NAME, SYNOPSIS, COMMANDS, EXIT STATUS and completion"
zcat "$root/usr/share/man/zh_CN/man1/linkctl.1.gz" | cmp -s - "$src/man/zh_CN/linkctl.1" || fail "zh_CN/man1/linkctl.1.gz is not man/zh_CN/linkctl.1"
page=$(MANPAGER=cat MANWIDTH=100 man -l "$root/usr/share/man/zh_CN/man1/linkctl.1.gz" 2>"$work/man.err") || { cat "$work/man.err"; fail "man -l (zh_CN) failed"; }
for want in 名称 命令 退出码 定时任务 流程复位; do
  grep -qF -- "$want" <<<"$page" || fail "the rendered Chinese man page lacks '$want'"
done
echo "man -l (zh_CN): $(wc -l <<<"$page") lines rendered, with 名称, 命令, 退出码 and 定时任务"
# The packaged binary speaks Chinese from the packaged catalog (LINKCTL_LOCALEDIR points it at the
# unpacked one) under zh_CN.UTF-8: the locale of tests/i18n/make_locale.sh (LINKCTL_TEST_LOCPATH, else built here).
locales=${LINKCTL_TEST_LOCPATH:-$work/locales}
[ -n "${LINKCTL_TEST_LOCPATH:-}" ] || bash "$src/tests/i18n/make_locale.sh" "$locales" >"$work/locale.log" 2>&1 ||
  { cat "$work/locale.log"; fail "cannot build the zh_CN.UTF-8 locale"; }
# (All of the help, then its first line: "| head -1" may close the pipe while linkctl still
# writes, and under pipefail that SIGPIPE would end this script without a word.)
said=$(LINKCTL_LOCALEDIR="$root/usr/share/locale" LC_ALL= LANG=zh_CN.UTF-8 LOCPATH="$locales" "$root/usr/bin/linkctl" --help) ||
  fail "the packaged linkctl --help failed under zh_CN.UTF-8"
said=${said%%$'\n'*}
[[ $said == *联动信息* ]] || fail "the packaged catalog does not translate linkctl --help: $said"
echo "message catalog: linkctl --help in Chinese from /usr/share/locale/zh_CN/LC_MESSAGES/linkctl.mo"

completion=$root/usr/share/bash-completion/completions/linkctl
spec=$(bash -c 'source "$1" && complete -p linkctl' _ "$completion") || fail "sourcing the bash completion failed"
[ "$spec" = "complete -F _linkctl linkctl" ] || fail "complete -p linkctl printed '$spec'"
offered=$(bash -c 'source "$1"; COMP_WORDS=(linkctl rep); COMP_CWORD=1; _linkctl; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$offered" = report ] || fail "the bash completion offers '$offered' for 'linkctl rep'"
cmp -s "$completion" "$build/completions/linkctl.bash" || fail "the installed bash completion differs from the built one"
echo "bash completion: $spec; 'linkctl rep' completes to '$offered'"

examples=$root/usr/share/doc/linkctl/examples
diff <(cd "$src/examples" && find . -type f | sort) <(cd "$examples" && find . -type f | sort) ||
  fail "the installed examples differ from $src/examples"
for script in "$src"/examples/*.sh; do
  [ ! -x "$script" ] || [ -x "$examples/$(basename "$script")" ] || fail "examples/$(basename "$script") lost its execute bit"
done
echo "examples: $(find "$examples" -type f | wc -l) files in /usr/share/doc/linkctl/examples, the same as examples/"

# --- really installed, then removed ---------------------------------------------------------
if ! as_root; then
  echo "dpkg -i: skipped (not root)"
elif dpkg-query -W -f='${Status}' linkctl 2>/dev/null | grep -q 'ok installed' || [ -e /usr/bin/linkctl ]; then
  echo "dpkg -i: skipped (a linkctl package or /usr/bin/linkctl is already installed)"
else
  # dpkg refuses to run while apt or another dpkg holds its lock: wait for it a while.
  for attempt in $(seq 30); do
    if dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then installed=1; break; fi
    grep -qi lock "$work/dpkg.log" || break
    sleep 2
  done
  if [ "$installed" = 0 ]; then
    cat "$work/dpkg.log"
    dpkg -r linkctl >/dev/null 2>&1 || true
    fail "dpkg -i failed"
  fi
  check_version /usr/bin/linkctl >/dev/null
  [ "$(command -v linkctl)" = /usr/bin/linkctl ] || [ "$(PATH=/usr/bin:/bin command -v linkctl)" = /usr/bin/linkctl ] ||
    fail "linkctl is not found on PATH after dpkg -i"
  man_path=$(man -w linkctl) || fail "man -w linkctl does not find the installed page"
  owned=$(dpkg -L linkctl | wc -l)
  dpkg -r linkctl >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -r linkctl failed"; }
  installed=0
  [ ! -e /usr/bin/linkctl ] || fail "/usr/bin/linkctl is still there after dpkg -r"
  echo "dpkg -i: installed ($owned paths), /usr/bin/linkctl --version ok, man -w linkctl: $man_path; dpkg -r: removed"
fi
echo "deb: all checks passed"
