#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# report quarterly|yearly --format xlsx|html (issue 17), read back by independent readers:
# openpyxl finds every cell of 得分 and 明细 equal to the period's CSV and --detail CSV, numbers
# typed as numbers, the month sources stated below the scores; the chart part (parsed as XML)
# is a clustered column chart with one series per begun month (as the JSON report lists them)
# and one point per department. Headless Chromium renders the quarter's page (no console
# message, not blank, the months' bars drawn, hostile titles as text) and prints the year's
# page on A4.
#
# Usage: period.sh /path/to/linkctl
set -euo pipefail
linkctl=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
reports_dir=$(cd "$(dirname "$0")" && pwd)  # reportcheck.py
py=/usr/bin/python3 # Debian's, with python3-openpyxl (not a python3 earlier on PATH)
"$py" -c 'import openpyxl' 2>/dev/null || { echo "period: python3-openpyxl is missing (make deps installs it)"; exit 1; }
command -v chromium >/dev/null || { echo "period: chromium is missing (make deps installs it)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-period.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
. "$SRC/tests/reports/month.sh"
# October frozen; in November ticket 5 approved a day late (market -1), its title hostile too.
L --as lin.xiuying --today 2026-11-05 report monthly --month 2026-10 --freeze >/dev/null 2>&1
f 2026-11-09 delivery-late '十一月 <b>粗体</b> & =1+2'; as zhang.wei 2026-11-10 approve 5
sup() { L --as lin.xiuying --today 2026-11-20 "$@"; }

sup report quarterly --quarter 2026-Q4 --format csv >q4.csv
sup report quarterly --quarter 2026-Q4 --detail --format csv >q4-detail.csv
sup report quarterly --quarter 2026-Q4 --format json >q4.json
sup report quarterly --quarter 2026-Q4 --format xlsx --output q4.xlsx
sup report quarterly --quarter 2026-Q4 --format html --output q4.html
sup report yearly --year 2026 --format csv >y.csv
sup report yearly --year 2026 --detail --format csv >y-detail.csv
sup report yearly --year 2026 --format json >y.json
sup report yearly --year 2026 --format xlsx >y.xlsx # to a pipe: allowed
sup report yearly --year 2026 --format html --output y.html

browse() { timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" "$@"; }
browse --window-size=1000,1600 --screenshot="$work/page.png" --enable-logging=stderr --v=0 "file://$work/q4.html" \
  >/dev/null 2>console.txt
browse --dump-dom "file://$work/q4.html" >q4-dom.html 2>/dev/null
browse --dump-dom "file://$work/y.html" >y-dom.html 2>/dev/null
browse --print-to-pdf="$work/y.pdf" --no-pdf-header-footer "file://$work/y.html" >/dev/null 2>&1

PYTHONDONTWRITEBYTECODE=1 LINKCTL_REPORTS_DIR=$reports_dir "$py" - <<'PY'
import csv, json, os, re, sys, zipfile
sys.path.insert(0, os.environ["LINKCTL_REPORTS_DIR"])
from reportcheck import Page, check, pixels, read_csv, same_as_csv, summary
import xml.etree.ElementTree as ET
import openpyxl

# Chinese heading -> CSV column, written out here independently of linkctl's code.
RULES = {"审批超时": "approval_overdue", "反馈超时": "feedback_overdue", "复核超时": "review_overdue",
         "评价一般": "rated_fair", "评价不满意": "rated_unsatisfied", "虚假办理": "fake_handling",
         "督办重置": "supervisor_reset", "奖金扣减(元)": "bonus_deduction"}
DETAIL = {"月份": "month", "部门代码": "department", "规则": "rule", "扣分": "points", "扣奖金(元)": "yuan",
          "工单": "ticket", "日期": "date", "说明": "detail"}
MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")

def score_mapping(csv_rows):
    m = {"部门代码": "department", "基础分": "base", "取自冻结快照的月份": "frozen_months", **RULES}
    for col in csv_rows[0]:
        if (g := MONTH.match(col)):
            m[f"{g[1]}年{g[2]}月"] = col
    return m

def notes(ws):
    return [r[0] for r in ws.iter_rows(min_row=3, max_col=1, values_only=True) if isinstance(r[0], str)]

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
def chart_of(path):
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        check(names == ["xl/charts/chart1.xml"], f"{path}: one chart part ({names})")
        return ET.fromstring(z.read(names[0])) if names else None

def check_chart(path, report, scores_csv):
    root = chart_of(path)
    if root is None:
        return
    bar = root.find(".//c:barChart", NS)
    check(bar is not None, f"{path}: a bar chart")
    if bar is None:
        return
    check(bar.find("c:barDir", NS).get("val") == "col", f"{path}: vertical columns")
    check(bar.find("c:grouping", NS).get("val") == "clustered", f"{path}: clustered (grouped) columns")
    begun = [m["month"] for m in report["months"] if m["state"] != "not begun"]
    series = bar.findall("c:ser", NS)
    check(len(series) == len(begun), f"{path}: {len(series)} series, {len(begun)} months have begun")
    for ser, month in zip(series, begun):
        name = "".join(t.text or "" for t in ser.findall("c:tx//c:v", NS))
        check(name == f"{month[:4]}年{month[5:]}月", f"{path}: series named {name!r} for {month}")
        f = ser.find("c:val/c:numRef/c:f", NS).text
        g = re.match(r"^'?得分'?!\$([A-Z]+)\$3:\$\1\$([0-9]+)$", f)
        check(g is not None and int(g[2]) - 2 == len(scores_csv),
              f"{path}: {month}'s values {f} are one per department ({len(scores_csv)})")
        cat = ser.find("c:cat//c:f", NS).text
        check(re.match(rf"^'?得分'?!\$A\$3:\$A\${len(scores_csv) + 2}$", cat) is not None,
              f"{path}: {month}'s categories {cat} are the department names")
        cache = ser.find("c:val/c:numRef/c:numCache", NS)
        check(cache is not None and int(cache.find("c:ptCount", NS).get("val")) == len(scores_csv),
              f"{path}: {month} has a point per department")
        if cache is not None:
            pts = {int(p.get("idx")): float(p.find("c:v", NS).text) for p in cache.findall("c:pt", NS)}
            want = {i: float(r[month]) for i, r in enumerate(scores_csv) if r[month] != ""}
            check(pts == want, f"{path}: {month}'s cached points {pts} are the CSV's {want}")

# ---- the quarter's workbook
q4, q4_detail, q4_json = read_csv("q4.csv"), read_csv("q4-detail.csv"), json.load(open("q4.json"))
check([m["state"] for m in q4_json["months"]] == ["frozen", "computed", "not begun"],
      f"the scenario: October frozen, November computed, December not begun ({q4_json['months']})")
wb = openpyxl.load_workbook("q4.xlsx")
check(wb.sheetnames == ["得分", "明细"], f"sheets {wb.sheetnames}")
ws = wb["得分"]
title = ws["A1"].value
for part in ("2026年第4季度", "已冻结：10月", "截至 2026-11-20 重新计算：11月", "未开始：12月"):
    check(part in title, f"得分 title {title!r} says {part}")
check(ws.freeze_panes == "A3", f"得分 freezes its title and header rows ({ws.freeze_panes})")
header, rows = same_as_csv(ws, q4, score_mapping(q4), "q4 得分")
names = [r["部门"].value for r in rows]
check(names == ["市场部", "物流中心", "稽查分局"], f"得分 names departments {names}")
check(rows[0]["2026年12月"].value is None, "a month not begun is an empty cell")
width = ws.column_dimensions["A"].width
check(width is not None and width >= 8, f"得分 column A fits 4 CJK characters' width ({width})")
lines = notes(ws)
check(any(l.startswith("2026年10月：已冻结") and "政策 v1" in l for l in lines), f"October frozen, policy v1: {lines}")
check(any(l.startswith("2026年11月：未冻结，截至 2026-11-20 重新计算") for l in lines), f"November afresh: {lines}")
check(any(l.startswith("2026年12月：未开始") for l in lines), f"December not begun: {lines}")

ws = wb["明细"]
check(ws.freeze_panes == "A3", "明细 freezes its header rows")
header, rows = same_as_csv(ws, q4_detail, DETAIL, "q4 明细")
check({r["月份"].value for r in rows} == {"2026-10", "2026-11"}, "明细 has October's and November's penalties")
titles = {r["工单"].value: r["标题"] for r in rows if r["工单"].value is not None}
t1 = titles.get(1)
check(t1 is not None and t1.value == '=HYPERLINK("http://x","y")' and t1.data_type == "s",
      f"a formula-like title is text: {t1 and (t1.value, t1.data_type)}")
t5 = titles.get(5)
check(t5 is not None and t5.value == "十一月 <b>粗体</b> & =1+2", f"November's ticket title: {t5 and t5.value}")
check_chart("q4.xlsx", q4_json, q4)

# ---- the year's workbook
y, y_json = read_csv("y.csv"), json.load(open("y.json"))
wb = openpyxl.load_workbook("y.xlsx")
check(wb.sheetnames == ["得分", "明细"], f"year sheets {wb.sheetnames}")
check("2026年度" in wb["得分"]["A1"].value, f"year title {wb['得分']['A1'].value!r}")
same_as_csv(wb["得分"], y, score_mapping(y), "year 得分")
same_as_csv(wb["明细"], read_csv("y-detail.csv"), DETAIL, "year 明细")
check(len(notes(wb["得分"])) >= 12, "the year states each of its twelve months")
check_chart("y.xlsx", y_json, y)
check(sum(m["state"] != "not begun" for m in y_json["months"]) == 11, "eleven months of 2026 have begun")

# ---- the quarter's page in Chromium
console = [l for l in open("console.txt", encoding="utf-8", errors="replace") if ":CONSOLE" in l]
check(not console, "no console message: " + "".join(console[:3]))

w, h, px = pixels("page.png")
check(len(set(px)) > 50, f"the screenshot is not blank: {len(set(px))} colours")
check(sum(1 for p in px if p != (255, 255, 255)) > len(px) // 100, "the page has ink")
check(sum(1 for p in px if p == (0x2f, 0x6f, 0xb0)) > 500, "October's bars are drawn (#2f6fb0)")
check(sum(1 for p in px if p == (0xe0, 0x8a, 0x2c)) > 500, "November's bars are drawn (#e08a2c)")

page = Page()
page.feed(open("q4-dom.html", encoding="utf-8").read())
check("script" not in page.tags and "b" not in page.tags, "no script (nor b) element in the DOM")
check(page.text.get("title", "").strip() == "2026年第4季度联动考核通报", f"the title: {page.text.get('title')!r}")
check("2026年第4季度联动考核通报" in page.text.get("h1", ""), "the heading")
td = page.text.get("td", "")
check('<script>alert(1)</script> & "引号"' in td, "a title with <script> shows as text")
check("十一月 <b>粗体</b> & =1+2" in td, "a title with <b> shows as text")
for name in ("市场部", "物流中心", "稽查分局"):
    check(name in td, f"{name} in the tables")
legend = page.text.get("text", "")
check("2026年10月" in legend and "2026年11月" in legend and "2026年12月" not in legend,
      "the chart's legend names the months that have begun")
check(page.tags.count("rect") >= 3 * 2 + 2, f"a bar per department and month, and the legend ({page.tags.count('rect')})")
li = page.text.get("li", "")
check("已冻结" in li and "政策 v1" in li and "重新计算" in li and "未开始" in li, f"the month sources: {li!r}")

year = Page()
year.feed(open("y-dom.html", encoding="utf-8").read())
check(year.text.get("title", "").strip() == "2026年度联动考核通报", f"the year's title: {year.text.get('title')!r}")
check(all(f"2026年{m:02d}月" in year.text.get("text", "") for m in range(1, 12)), "the year's legend names 11 months")

pdf = open("y.pdf", "rb").read()
check(pdf.startswith(b"%PDF"), "the year's page prints to PDF")
boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]", pdf)
check(boxes and all(abs(float(a) - 595.3) < 1.5 and abs(float(b) - 841.9) < 1.5 for a, b in boxes),
      f"printed on A4 (595x842 pt): {boxes[:2]}")

sys.exit(summary("period"))
PY
