# report quarterly|yearly --format xlsx|html and --output (issue 17, SPEC 13). The files' contents
# are checked by independent readers in tests/reports/period.sh; here: where they go, atomically,
# and when they are refused.

$ linkctl=linkctl work=$PWD; . $SRC/tests/reports/month.sh

# A workbook (a zip) and a page, into --output, for a quarter and for a year.
$ linkctl report quarterly --quarter 2026-Q4 --format xlsx --output q4.xlsx --as lin.xiuying --today 2026-11-05 && head -c 2 q4.xlsx; echo
> PK
$ linkctl report yearly --year 2026 --format xlsx --output 2026.xlsx --as lin.xiuying --today 2026-11-05 && head -c 2 2026.xlsx; echo
> PK
$ linkctl report quarterly --quarter 2026-Q4 --format html --output q4.html --as lin.xiuying --today 2026-11-05 && grep -c '<title>2026年第4季度联动考核通报</title>' q4.html
> 1
$ linkctl report yearly --year 2026 --format html --as lin.xiuying --today 2026-11-05 | grep -c '<title>2026年度联动考核通报</title>'
> 1
$ grep -c '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;' q4.html
> 2
$ grep -c '<script' q4.html
> 0
[1]

# A workbook is not for a terminal (exit 2, with a hint), for a quarter as for a year; into a pipe it is fine.
$ script -qec "linkctl report quarterly --quarter 2026-Q4 --format xlsx --as lin.xiuying --today 2026-11-05" /dev/null > tty.out; echo $?; tr -d '\r' < tty.out
> 2
> linkctl: error: a workbook is not for a terminal; write it to a file with --output FILE (e.g. --output 2026-10.xlsx) or redirect standard output
$ script -qec "linkctl report yearly --year 2026 --format xlsx --as lin.xiuying --today 2026-11-05" /dev/null > tty.out; echo $?; tr -d '\r' < tty.out
> 2
> linkctl: error: a workbook is not for a terminal; write it to a file with --output FILE (e.g. --output 2026-10.xlsx) or redirect standard output
$ linkctl report quarterly --quarter 2026-Q4 --format xlsx --as lin.xiuying --today 2026-11-05 | head -c 2; echo
> PK

# --output replaces a file only as a whole: a refused command leaves it as it was, and no temporary file stays.
$ cp q4.xlsx before.xlsx && linkctl report quarterly --quarter 2026-Q5 --format xlsx --output q4.xlsx --as lin.xiuying
!~ --quarter 2026-Q5
[2]
$ cmp before.xlsx q4.xlsx && echo unchanged
> unchanged
$ linkctl report yearly --year 2026 --format html --output no/such/dir/2026.html --as lin.xiuying --today 2026-11-05
!~ --output no/such/dir/2026.html: cannot create a file in no/such/dir
[3]
$ ls -A | grep -c '^\.q4\.'
> 0
[1]

# Documents only where they are defined: not for the other verbs that take a quarter.
$ linkctl spotcheck sample --quarter 2026-Q4 --format html --as lin.xiuying
! linkctl: error: --format html is not for 'spotcheck sample': xlsx is for 'report' and 'stats', html for 'report'; use table, tsv, csv or json
[2]
