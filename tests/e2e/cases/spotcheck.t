# spotcheck sample (reproducible) and spotcheck record (supervisors; done tickets; fake costs points).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
--- FILE run.sh
set -e
as() { who=$1 day=$2; shift 2; linkctl --as "$who" --today "$day" "$@" >/dev/null; }
for n in 1 2 3 4; do
  as li.na 2026-10-08 file --category delivery-late --title "票$n"
  as zhang.wei 2026-10-08 approve $n
  as wang.qiang 2026-10-08 route $n --to yang.fan
  as yang.fan 2026-10-09 close $n --result 已处理
  as wang.qiang 2026-10-09 confirm $n
done
for n in 1 2 3; do as zhang.wei 2026-10-09 rate $n satisfied; done
--- END
$ bash run.sh
# Three done tickets rated in October; ticket 4 is only answered.
$ linkctl spotcheck sample --month 2026-10 --count 10 --as lin.xiuying --format tsv --no-header | cut -f1,2
> 1	done
> 2	done
> 3	done
# A sample of 2: the same month, count and seed always give the same tickets.
$ linkctl spotcheck sample --month 2026-10 --count 2 --seed 十一月 --as lin.xiuying --format tsv --no-header | wc -l
> 2
$ a=$(linkctl spotcheck sample --month 2026-10 --count 2 --seed 十一月 --as lin.xiuying --format tsv); b=$(linkctl spotcheck sample --month 2026-10 --count 2 --seed 十一月 --as lin.xiuying --format tsv); [ "$a" = "$b" ] && echo same
> same
$ linkctl spotcheck sample --month 2026-11 --count 2 --as lin.xiuying --format tsv --no-header | wc -l
> 0
# Which 2: the tickets with the smallest sha256("SEED/PERIOD/ID"), worked out with sha256sum:
# 十一月/2026-10/3 99ea..., /1 c584..., /2 d5d8... -> 1 and 3 (as before other periods existed);
# linkctl/2026-Q4/2 0bf3..., /3 6726..., /1 72c1... -> 2 and 3.
$ linkctl spotcheck sample --month 2026-10 --count 2 --seed 十一月 --as lin.xiuying --format tsv --no-header | cut -f1
> 1
> 3
$ linkctl spotcheck sample --quarter 2026-Q4 --count 2 --as lin.xiuying --format tsv --no-header | cut -f1
> 2
> 3
# Any period form: the week of Mon 10-05 .. Sun 10-11 holds the ratings of 10-09, the next week none.
$ linkctl spotcheck sample --week 2026-W41 --count 10 --as lin.xiuying --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3
$ linkctl spotcheck sample --week 2026-W42 --count 10 --as lin.xiuying --format tsv --no-header | wc -l
> 0
$ linkctl spotcheck sample --year 2026 --count 10 --as lin.xiuying --format tsv --no-header | wc -l
> 3
$ linkctl spotcheck sample --from 2026-10-09 --to 2026-10-09 --count 10 --as lin.xiuying --format tsv --no-header | wc -l
> 3
$ linkctl spotcheck sample --from 2026-10-10 --to 2026-12-31 --count 10 --as lin.xiuying --format tsv --no-header | wc -l
> 0
$ linkctl spotcheck sample --count 2 --as lin.xiuying
! linkctl: error: give exactly one period: --month 2026-10, --week 2026-W44, --quarter 2026-Q4, --year 2026 or --from 2026-10-01 --to 2026-10-31
[2]
$ linkctl spotcheck sample --quarter 2026-Q5 --as lin.xiuying
! linkctl: error: --quarter 2026-Q5 is not a quarter; write YYYY-Qn (n 1 to 4), e.g. 2026-Q4
[2]
$ linkctl spotcheck sample --month 2026-10 --as zhang.wei
! linkctl: error: zhang.wei may not sample tickets for spot checks: only supervisors may
[4]

# record: supervisors, done tickets only, finding ok or fake.
$ linkctl spotcheck record 4 --finding ok --as lin.xiuying
! linkctl: error: ticket 4 is 'answered', so it cannot be spot-checked; allowed here: rate, reset, comment
[5]
$ linkctl spotcheck record 1 --finding ok --as zhang.wei
! linkctl: error: zhang.wei may not spot-check ticket 1: only a supervisor (lin.xiuying) may
[4]
$ linkctl spotcheck record 1 --finding maybe --as lin.xiuying
! linkctl: error: --finding maybe is not known; use ok or fake
[2]
$ linkctl spotcheck record 9 --finding ok --as lin.xiuying
! linkctl: error: no ticket 9 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl spotcheck record 1 --finding ok --as lin.xiuying --today 2026-10-20 --format table
> ticket 1: done
$ linkctl spotcheck record 2 --finding fake --note 现场未整改 --as lin.xiuying --today 2026-10-20 --format table
> ticket 2: done
$ linkctl history 2 --as lin.xiuying --format tsv --no-header | tail -1 | cut -f4,6,9,10
> lin.xiuying	spotcheck	{"finding":"fake","dept":"logistics","on_date":"2026-10-20"}	现场未整改
# The fake finding costs logistics 2 points in October (ticket 4's unrated review costs market 1).
$ linkctl report monthly --month 2026-10 --detail --format tsv --no-header --as lin.xiuying --today 2026-11-02 | cut -f2-7
> logistics	fake_handling	-2	0	2	2026-10-20
> market	review_overdue	-1	0	4	2026-10-10
