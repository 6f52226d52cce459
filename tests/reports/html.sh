#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# report monthly --format html rendered by an independent reader, headless Chromium (Debian's
# chromium): the page loads with no console message (nothing blocked, nothing fetched), its
# screenshot is not blank and shows the chart's bars, and in the browser's DOM the title is
# the month's 通报 and a ticket title holding <script> is text, not an element.
#
# Usage: html.sh /path/to/linkctl
set -euo pipefail
linkctl=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
reports_dir=$(cd "$(dirname "$0")" && pwd)  # reportcheck.py
command -v chromium >/dev/null || { echo "html: chromium is missing (make deps installs it)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-html.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
. "$SRC/tests/reports/month.sh"
L --as lin.xiuying --today 2026-11-05 report monthly --month 2026-10 --format html --output month.html

# Two browser runs (each takes seconds to start): a screenshot with the console logged, and the DOM.
browse() { timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" "$@"; }
browse --window-size=1000,1400 --screenshot="$work/page.png" --enable-logging=stderr --v=0 "file://$work/month.html" \
  >/dev/null 2>console.txt
browse --dump-dom "file://$work/month.html" >dom.html 2>/dev/null

PYTHONDONTWRITEBYTECODE=1 LINKCTL_REPORTS_DIR=$reports_dir /usr/bin/python3 - <<'PY'
import os, re, sys
sys.path.insert(0, os.environ["LINKCTL_REPORTS_DIR"])
from reportcheck import Page, check, pixels, summary

console = [l for l in open("console.txt", encoding="utf-8", errors="replace") if ":CONSOLE" in l]
check(not console, "no console message: " + "".join(console[:3]))

w, h, px = pixels("page.png")
colours = set(px)
ink = sum(1 for p in px if p != (255, 255, 255))
check(w == 1000 and h == 1400, f"the screenshot is the window's size ({w}x{h})")
check(len(colours) > 50, f"the screenshot is not blank: {len(colours)} colours")
check(ink > len(px) // 100, f"the page has ink: {ink} of {len(px)} pixels")
check(sum(1 for p in px if p == (0x2f, 0x6f, 0xb0)) > 500, "the chart's score bars are drawn (#2f6fb0)")
check(sum(1 for p in px if p == (0xd9, 0x53, 0x4f)) > 50, "the chart's deductions are drawn (#d9534f)")

page = Page()
page.feed(open("dom.html", encoding="utf-8").read())
check("script" not in page.tags, "no script element in the DOM")
check(page.text.get("title", "").strip() == "2026年10月联动考核通报", f"the title: {page.text.get('title')!r}")
check("2026年10月联动考核通报" in page.text.get("h1", ""), "the heading")
check('<script>alert(1)</script> & "引号"' in page.text.get("td", ""), "a title with <script> shows as text")
check('=HYPERLINK("http://x","y")' in page.text.get("td", ""), "a formula-like title shows as text")
check(page.tags.count("rect") >= 6, f"the SVG chart has a bar and a deduction per department ({page.tags.count('rect')})")
check(page.tags.count("table") == 3, "score, KPI and penalty tables")
for name in ("市场部", "物流中心", "稽查分局"):
    check(name in page.text.get("td", ""), f"{name} in the tables")

sys.exit(summary("html"))
PY
