#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every C++ file is formatted as .clang-format says (clang-format from Debian's clang-format package).
# Usage: format.sh SOURCE-DIR     (to fix: clang-format -i on the files it names)
set -uo pipefail
src=$1
cd "$src" || exit 2
command -v clang-format >/dev/null || { echo "format: clang-format is not installed (apt-get install clang-format)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find lib cmd tests bench -name '*.[ch]pp')
bad=0
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || { echo "not formatted: $f"; bad=$((bad + 1)); }
done
echo "format: ${#files[@]} files checked against .clang-format ($(clang-format --version | grep -o 'version [0-9.]*')): $([ $bad = 0 ] && echo all formatted || echo "$bad not formatted")"
[ $bad = 0 ]
