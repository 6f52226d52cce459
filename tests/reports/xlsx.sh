#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# report monthly --format xlsx and stats --format xlsx, read back by an independent reader
# (Debian's python3-openpyxl): every cell of 得分, 明细 and 指标 equals the CSV report, the
# --detail rows and the stats rows one for one, numbers typed as numbers, a formula-like
# title stays text, the chart part is there, and a frozen month's workbook does not move.
#
# Usage: xlsx.sh /path/to/linkctl
set -euo pipefail
linkctl=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
reports_dir=$(cd "$(dirname "$0")" && pwd)  # reportcheck.py
py=/usr/bin/python3 # Debian's, with python3-openpyxl (not a python3 earlier on PATH)
"$py" -c 'import openpyxl' 2>/dev/null || { echo "xlsx: python3-openpyxl is missing (make deps installs it)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
. "$SRC/tests/reports/month.sh"
sup() { L --as lin.xiuying --today 2026-11-05 "$@"; }

sup report monthly --month 2026-10 --format csv >scores.csv
sup report monthly --month 2026-10 --detail --format csv >detail.csv
sup stats --month 2026-10 --format csv >stats.csv
sup report monthly --month 2026-10 --format xlsx --output open.xlsx
sup stats --month 2026-10 --format xlsx >stats.xlsx # to a pipe: allowed
sup report monthly --month 2026-10 --freeze --format xlsx --output frozen.xlsx 2>/dev/null
# A late, back-dated finding in October: the frozen month's workbook keeps its values.
L --as lin.xiuying --today 2026-10-30 spotcheck record 4 --finding fake >/dev/null
L --as lin.xiuying --today 2026-12-01 report monthly --month 2026-10 --format xlsx --output later.xlsx

PYTHONDONTWRITEBYTECODE=1 LINKCTL_REPORTS_DIR=$reports_dir "$py" - <<'PY'
import os, re, sys, zipfile
sys.path.insert(0, os.environ["LINKCTL_REPORTS_DIR"])
from reportcheck import check, read_csv, same_as_csv, summary
import openpyxl

# Chinese heading -> CSV column, written out here independently of linkctl's code.
SCORES = {"部门代码": "department", "基础分": "base", "审批超时": "approval_overdue", "反馈超时": "feedback_overdue",
          "复核超时": "review_overdue", "评价一般": "rated_fair", "评价不满意": "rated_unsatisfied",
          "虚假办理": "fake_handling", "督办重置": "supervisor_reset", "得分": "score", "奖金扣减(元)": "bonus_deduction"}
DETAIL = {"月份": "month", "部门代码": "department", "规则": "rule", "扣分": "points", "扣奖金(元)": "yuan",
          "工单": "ticket", "日期": "date", "说明": "detail"}
STATS = {"部门代码": "department", "发起": "filed", "接收": "received", "审批及时率(%)": "approval_on_time",
         "反馈及时率(%)": "feedback_on_time", "复核及时率(%)": "review_on_time",
         "答复天数中位数": "median_days_to_answer", "满意": "satisfied", "一般": "fair", "不满意": "unsatisfied",
         "重置": "resets", "督办": "escalations"}

wb = openpyxl.load_workbook("open.xlsx")
check(wb.sheetnames == ["得分", "明细", "指标"], f"sheets {wb.sheetnames}")
ws = wb["得分"]
title = ws["A1"].value
for part in ("2026年10月", "截至 2026-11-05", "未冻结", "政策 v1"):
    check(part in title, f"得分 title {title!r} says {part}")
check(ws.freeze_panes == "A3", f"得分 freezes its title and header rows ({ws.freeze_panes})")
header, rows = same_as_csv(ws, read_csv("scores.csv"), SCORES, "得分")
names = [r["部门"].value for r in rows]
check(names == ["市场部", "物流中心", "稽查分局"], f"得分 names departments {names}")
width = ws.column_dimensions["A"].width
check(width is not None and width >= 8, f"得分 column A fits 4 CJK characters' width ({width})")

ws = wb["明细"]
check(ws.freeze_panes == "A3", "明细 freezes its header rows")
header, rows = same_as_csv(ws, read_csv("detail.csv"), DETAIL, "明细")
titles = {r["工单"].value: r["标题"] for r in rows if r["工单"].value is not None}
t1 = titles.get(1)
check(t1 is not None and t1.value == '=HYPERLINK("http://x","y")' and t1.data_type == "s",
      f"a formula-like title is text: {t1 and (t1.value, t1.data_type)}")
t2 = titles.get(2)
check(t2 is not None and t2.value == '<script>alert(1)</script> & "引号"', f"a title with <script> is kept: {t2 and t2.value}")
check(titles.get(3) is not None and titles[3].value == "虚拟客户", "titles come from their tickets")
width = ws.column_dimensions[openpyxl.utils.get_column_letter(header.index("标题") + 1)].width
check(width is not None and width >= 30, f"明细 标题 column is wide enough ({width})")

same_as_csv(wb["指标"], read_csv("stats.csv"), STATS, "指标")

with zipfile.ZipFile("open.xlsx") as z:
    names = z.namelist()
    check("xl/charts/chart1.xml" in names, "the workbook has a chart part")
    chart = z.read("xl/charts/chart1.xml").decode() if "xl/charts/chart1.xml" in names else ""
    check("<c:barChart>" in chart and "得分" in chart, "the chart is a bar chart of 得分")

only = openpyxl.load_workbook("stats.xlsx")
check(only.sheetnames == ["指标"], f"stats --format xlsx has the KPI sheet alone ({only.sheetnames})")
same_as_csv(only["指标"], read_csv("stats.csv"), STATS, "stats 指标")

frozen, later = openpyxl.load_workbook("frozen.xlsx"), openpyxl.load_workbook("later.xlsx")
check("已冻结" in frozen["得分"]["A1"].value and "政策 v1" in frozen["得分"]["A1"].value,
      f"a frozen month says so: {frozen['得分']['A1'].value!r}")
for name in ("得分", "明细"):
    a = [[c for c in r] for r in frozen[name].iter_rows(values_only=True)]
    b = [[c for c in r] for r in later[name].iter_rows(values_only=True)]
    check(a == b, f"the frozen month's {name} sheet is the same after a back-dated change")
check(frozen["得分"]["A1"].value == later["得分"]["A1"].value, "and so is its title")

sys.exit(summary("xlsx"))
PY
