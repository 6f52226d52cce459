#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the zh_CN.UTF-8 locale into DIR without root (localedef from libc-bin, the
# definitions from Debian's `locales` package), for the tests that run linkctl under
# LANG=zh_CN.UTF-8 LOCPATH=DIR as a Chinese user's machine would: CI has only C and C.UTF-8.
#
# Usage: make_locale.sh DIR
set -euo pipefail
dir=${1:?usage: make_locale.sh DIR}
if [ -f "$dir/zh_CN.UTF-8/LC_MESSAGES/SYS_LC_MESSAGES" ] && [ -f "$dir/zh_CN.UTF-8/LC_CTYPE" ]; then
  echo "make_locale: $dir/zh_CN.UTF-8 is there already"
  exit 0
fi
command -v localedef >/dev/null || { echo "make_locale: no localedef (libc-bin)"; exit 1; }
[ -f /usr/share/i18n/locales/zh_CN ] || { echo "make_locale: no /usr/share/i18n/locales/zh_CN; install Debian's locales package (make deps does)"; exit 1; }
mkdir -p "$dir"
rm -rf "$dir/zh_CN.UTF-8.tmp"
# localedef exits 1 on mere warnings; the locale is usable when its files are written.
localedef -i zh_CN -f UTF-8 "$dir/zh_CN.UTF-8.tmp" >"$dir/localedef.log" 2>&1 || true
if [ ! -f "$dir/zh_CN.UTF-8.tmp/LC_CTYPE" ]; then
  cat "$dir/localedef.log"
  echo "make_locale: localedef did not build zh_CN.UTF-8"
  exit 1
fi
rm -rf "$dir/zh_CN.UTF-8"
mv "$dir/zh_CN.UTF-8.tmp" "$dir/zh_CN.UTF-8"
# The proof that it works: a program started with it reports the locale's own words.
day=$(LC_ALL= LANG=zh_CN.UTF-8 LOCPATH="$dir" locale day | cut -d';' -f2)
[ "$day" = 星期一 ] || { echo "make_locale: LANG=zh_CN.UTF-8 LOCPATH=$dir does not load the locale (Monday is '$day')"; exit 1; }
echo "make_locale: built zh_CN.UTF-8 in $dir (Monday: $day)"
