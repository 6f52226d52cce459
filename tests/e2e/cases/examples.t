# Every script in examples/ runs here, so none can go stale (purchase.sh: in approval-chain-example.t).

# demo.sh: the README's main job, a month on the built-in policy ending in the monthly report.
$ LINKCTL_DB=$PWD/demo.db LINKCTL=linkctl bash $SRC/examples/demo.sh > demo.out 2>demo.err; echo $?
> 0
$ grep -c '^Monthly report 2026-10 (as of 2026-11-05, not frozen)$' demo.out
> 1
# The report is the last table: a header and one row per scored department (market, phone, logistics,
# inspection), by name, each score with its bar.
$ sed -n '/^Monthly report 2026-10/,/^$/p' demo.out | awk 'NR > 2 && NF >= 11 {print $1}'
> 市场部
> 电访中心
> 物流中心
> 稽查分局
$ sed -n '/^Monthly report 2026-10/,/^$/p' demo.out | grep -c '  [█▉▊▋▌▍▎▏]'
> 4
$ grep -A1 '^status:' demo.out | head -1
> status:          ok
$ LINKCTL_DB=$PWD/demo.db linkctl list --as lin.xiuying --format tsv --no-header | wc -l
> 44

# daily.sh: filing from notes, approving, round-robin assignment, inboxes.
$ LINKCTL_DB=$PWD/demo.db LINKCTL_NOW=2026-11-02T10:00 bash $SRC/examples/daily.sh > daily.out; echo $?
> 0
$ grep -c '^filed ticket' daily.out
> 3
$ LINKCTL_DB=$PWD/demo.db linkctl list --as lin.xiuying --state assigned --since 2026-11-02 --format tsv --no-header | wc -l
> 3

# crontab: each job's command runs (mail replaced by a stub that keeps the message).
--- FILE bin/mail
#!/bin/sh
cat >> "$HOME/mail.out"
--- END
$ chmod +x bin/mail && mkdir -p reports && grep -v '^[A-Z_]*=' $SRC/examples/crontab | sed -n 's/^[0-9*,-]* *[0-9*,-]* *[0-9*,-]* *[0-9*,-]* *[0-9*,-]* *//p' | grep -v '^#' | grep linkctl | sed 's/\\%/%/g; s|/srv/linkctl/reports|reports|g; s|/srv/linkctl/anchors|anchors|g' > jobs.sh && wc -l < jobs.sh
> 6
$ HOME=$PWD PATH=$PWD/bin:$PATH LINKCTL_DB=$PWD/demo.db LINKCTL_USER=lin.xiuying LINKCTL_NOW=2026-11-02T22:30 bash -e jobs.sh; echo $?
> 0
$ ls reports | wc -l
> 2
# Monday 11-02 is a working day: the inbox job mailed the supervisor's overdue, unescalated tickets;
# the audit job mailed an intact chain's head, and the anchor job the anchor it kept.
$ grep -c '^id  *state  *severity' mail.out
> 1
$ grep -c '^ok	' mail.out
> 1
$ grep -c '^[0-9]*:[0-9a-f]\{64\}$' mail.out anchors
> mail.out:1
> anchors:1
# The next night's audit checks that anchor.
$ HOME=$PWD PATH=$PWD/bin:$PATH LINKCTL_DB=$PWD/demo.db bash -c "$(grep 'audit verify' jobs.sh)" && tail -1 mail.out | cut -f1
> ok

# monthly-export.sh: freeze, then scores, penalties, KPIs and tickets as CSV, and the workbook and page.
$ LINKCTL_DB=$PWD/demo.db LINKCTL_USER=lin.xiuying LINKCTL_NOW=2026-11-05T08:00 bash $SRC/examples/monthly-export.sh 2026-10 out > export.out; echo $?
> 0
$ ls out
> 2026-10-kpis.csv
> 2026-10-penalties.csv
> 2026-10-scores.csv
> 2026-10-tickets.csv
> 2026-10.html
> 2026-10.xlsx
$ head -c 2 out/2026-10.xlsx; echo; grep -c '<h1>2026年10月联动考核通报</h1>' out/2026-10.html
> PK
> 1
# The workbook, read by openpyxl (tests/reports checks every cell): its sheets, one 明细 row per
# penalty of the CSV, each penalty with a ticket also with the ticket's title, and the chart.
$ /usr/bin/python3 -c "import openpyxl, zipfile; wb = openpyxl.load_workbook('out/2026-10.xlsx'); d = wb['明细']; print(*wb.sheetnames); print(d.max_row - 2 == sum(1 for _ in open('out/2026-10-penalties.csv', encoding='utf-8-sig')) - 1); print(all(r[3].value for r in d.iter_rows(min_row=3) if r[2].value is not None)); print('xl/charts/chart1.xml' in zipfile.ZipFile('out/2026-10.xlsx').namelist())"
> 得分 明细 指标
> True
> True
> True
$ head -1 out/2026-10-scores.csv | tr -d '\r' | sed 's/^\xef\xbb\xbf//'
> department,base,approval_overdue,feedback_overdue,review_overdue,rated_fair,rated_unsatisfied,fake_handling,supervisor_reset,score,bonus_deduction
$ LINKCTL_DB=$PWD/demo.db linkctl report monthly --month 2026-10 --format json --as lin.xiuying | grep -o '"frozen":true'
> "frozen":true
# A second run keeps the frozen snapshot.
$ LINKCTL_DB=$PWD/demo.db LINKCTL_USER=lin.xiuying LINKCTL_NOW=2026-11-06T08:00 bash $SRC/examples/monthly-export.sh 2026-10 out2 >/dev/null 2>&1 && cmp out/2026-10-scores.csv out2/2026-10-scores.csv && echo same
> same
# December ends the fourth quarter: the quarter's workbook and page too, October and December frozen.
$ LINKCTL_DB=$PWD/demo.db LINKCTL_USER=lin.xiuying LINKCTL_NOW=2027-01-05T08:00 bash $SRC/examples/monthly-export.sh 2026-12 out3 >/dev/null 2>&1; echo $?; ls out3 | grep Q
> 0
> 2026-Q4.html
> 2026-Q4.xlsx
$ /usr/bin/python3 -c "import openpyxl; ws = openpyxl.load_workbook('out3/2026-Q4.xlsx')['得分']; print(ws.cell(2, 4).value, ws.cell(2, 6).value)"; grep -c '<h1>2026年第4季度联动考核通报</h1>' out3/2026-Q4.html
> 2026年10月 2026年12月
> 1
$ LINKCTL_DB=$PWD/demo.db linkctl report quarterly --quarter 2026-Q4 --format json --as lin.xiuying --today 2027-01-05 | grep -o '"state":"[a-z ]*"' | paste -sd ' '
> "state":"frozen" "state":"computed" "state":"frozen"

# The example policies are valid.
$ linkctl policy check $SRC/examples/four-roles.toml 2>/dev/null | cut -d: -f2
>  ok
$ linkctl policy check $SRC/examples/customer-service.toml 2>/dev/null | cut -d: -f2
>  ok
