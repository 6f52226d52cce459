#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the README's picture of the monthly page (make screenshot): the demo month
# (examples/demo.sh) published with `report monthly --format html`, rendered by headless Chromium.
#
# Usage: docs/screenshot.sh /path/to/linkctl docs/report-2026-10.png
set -euo pipefail
linkctl=$(readlink -f "$1")
out=$(readlink -f "$2")
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-screenshot.XXXXXX")
trap 'rm -rf "$work"' EXIT
LINKCTL_DB=$work/demo.db LINKCTL="$linkctl" bash "$src/examples/demo.sh" >/dev/null
LINKCTL_DB=$work/demo.db "$linkctl" --as lin.xiuying --today 2026-11-05 report monthly --month 2026-10 \
  --format html --output "$work/2026-10.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1000,1250 --screenshot="$out" "file://$work/2026-10.html" 2>/dev/null
echo "wrote $out"
