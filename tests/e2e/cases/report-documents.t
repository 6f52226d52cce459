# report monthly --format xlsx|html and --output (SPEC 13; issue 14). The files' contents are
# checked by independent readers in tests/reports; here: where they go, atomically, and when not.

$ linkctl=linkctl work=$PWD; . $SRC/tests/reports/month.sh

# A workbook (a zip) and a page, into --output.
$ linkctl report monthly --month 2026-10 --format xlsx --output 2026-10.xlsx --as lin.xiuying --today 2026-11-05 && head -c 2 2026-10.xlsx; echo
> PK
$ linkctl report monthly --month 2026-10 --format html --output 2026-10.html --as lin.xiuying --today 2026-11-05 && grep -c '<title>2026年10月联动考核通报</title>' 2026-10.html
> 1
$ grep -c '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;' 2026-10.html
> 2
$ grep -c '<script' 2026-10.html
> 0
[1]
$ linkctl stats --month 2026-10 --format xlsx --output kpis.xlsx --as lin.xiuying --today 2026-11-05 && head -c 2 kpis.xlsx; echo
> PK

# A workbook is not for a terminal (exit 2, with a hint); into a pipe it is fine.
$ script -qec "linkctl report monthly --month 2026-10 --format xlsx --as lin.xiuying --today 2026-11-05" /dev/null > tty.out; echo $?; tr -d '\r' < tty.out
> 2
> linkctl: error: a workbook is not for a terminal; write it to a file with --output FILE (e.g. --output 2026-10.xlsx) or redirect standard output
$ linkctl report monthly --month 2026-10 --format xlsx --as lin.xiuying --today 2026-11-05 | head -c 2; echo
> PK

# --output replaces a file only as a whole: a refused command leaves it as it was, and no temporary file stays.
$ echo old > scores.csv && linkctl report monthly --month 2026-13 --format csv --output scores.csv --as lin.xiuying
! linkctl: error: --month 2026-13 is not a month; write YYYY-MM, e.g. 2026-10
[2]
$ cat scores.csv
> old
$ linkctl report monthly --month 2026-10 --format csv --output scores.csv --as lin.xiuying --today 2026-11-05 && linkctl report monthly --month 2026-10 --format csv --as lin.xiuying --today 2026-11-05 | cmp - scores.csv && echo same
> same
$ ls -A | grep -c '^\.scores\.csv\.'
> 0
[1]
$ linkctl report quarterly --quarter 2026-Q4 --format csv --bom --output q4.csv --as lin.xiuying --today 2026-11-05 && linkctl report quarterly --quarter 2026-Q4 --format csv --bom --as lin.xiuying --today 2026-11-05 | cmp - q4.csv && head -c 3 q4.csv | od -An -tx1
>  ef bb bf
$ linkctl report monthly --month 2026-10 --format csv --output no/such/dir/scores.csv --as lin.xiuying --today 2026-11-05
!~ --output no/such/dir/scores.csv: cannot create a file in no/such/dir
[3]

# Documents only where they are defined.
$ linkctl list --format xlsx --as lin.xiuying
! linkctl: error: --format xlsx is not for 'list': xlsx is for 'report' and 'stats', html for 'report'; use table, tsv, csv or json
[2]
$ linkctl stats --month 2026-10 --format html --as lin.xiuying
! linkctl: error: --format html is not for 'stats': xlsx is for 'report' and 'stats', html for 'report'; use table, tsv, csv or json
[2]

# Spreadsheet safety: --bom CSV neutralises formula-like text with a leading '; plain CSV and import stay exact.
$ linkctl export --month 2026-10 --format csv --bom --as lin.xiuying | grep -cF ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
> 1
$ linkctl export --month 2026-10 --format csv --as lin.xiuying | grep -c ',"=HYPERLINK(""http://x"",""y"")",'
> 1
$ printf 'filer,category,title\nli.na,delivery-late,=1+2\n' > in.csv && linkctl import in.csv --as gao.feng --today 2026-11-02 >/dev/null && linkctl show 5 --format json --as lin.xiuying | grep -o '"title":"[^"]*"'
> "title":"=1+2"
