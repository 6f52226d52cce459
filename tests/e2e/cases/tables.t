# Human tables (issue 15): departments and people by their policy names, with the code
# beside a name two of them share; `deadlines` grouped by stage (a heading, then the days);
# long titles cut to the width (COLUMNS; unlimited when not a terminal); bars beside the
# on-time rate (`stats`) and the score (`report monthly`). tsv keeps the codes.
# Here yang.fan is also named 李娜, and the office is also named 市场部.
$ sed 's/^name = "杨帆"/name = "李娜"/; s/^name = "企管办"/name = "市场部"/' $SRC/tests/e2e/policies/mini.toml > shared.toml && linkctl init --policy shared.toml --as gao.feng >/dev/null

# 1: market → logistics, assigned to yang.fan, feedback due Mon 09-28 (10 working days), overdue.
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '送货员送货不到户不及时，零售户多次反映，请物流中心尽快核实' --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-14 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-14 --to yang.fan >/dev/null
> 1
# 2: logistics → market, answered and rated on time.
$ linkctl file --as yang.fan --today 2026-09-14 --category shop-moved --title '已转让' --quiet && linkctl approve 2 --as wang.qiang --today 2026-09-14 >/dev/null && linkctl route 2 --as zhang.wei --today 2026-09-14 --to li.na >/dev/null && linkctl close 2 --as li.na --today 2026-09-15 --result '已核实' >/dev/null && linkctl confirm 2 --as zhang.wei --today 2026-09-15 >/dev/null && linkctl rate 2 satisfied --as wang.qiang --today 2026-09-15 >/dev/null
> 2

# Not a terminal and no COLUMNS: the whole title.
$ linkctl list --as gao.feng --today 2026-10-08 --state assigned --format table
> id  state     severity  from             to        handler          due         overdue   title
>  1  assigned  normal    市场部 (market)  物流中心  李娜 (yang.fan)  2026-09-28  feedback  送货员送货不到户不及时，零售户多次反映，请物流中心尽快核实
# COLUMNS=110 leaves 20 columns for the title: 9 wide characters and the ellipsis.
$ COLUMNS=110 linkctl inbox --as yang.fan --today 2026-10-08 --format table
> id  state     severity  from             to        handler          due         overdue   title
>  1  assigned  normal    市场部 (market)  物流中心  李娜 (yang.fan)  2026-09-28  feedback  送货员送货不到户不…
# Never narrower than 12 columns: 5 wide characters and the ellipsis.
$ COLUMNS=40 linkctl list --as gao.feng --today 2026-10-08 --state assigned --format table | tail -1
>  1  assigned  normal    市场部 (market)  物流中心  李娜 (yang.fan)  2026-09-28  feedback  送货员送货…
# tsv keeps the codes and the whole title, whatever COLUMNS says.
$ COLUMNS=40 linkctl list --as gao.feng --today 2026-10-08 --state assigned --format tsv --no-header | cut -f3,7-10
> 送货员送货不到户不及时，零售户多次反映，请物流中心尽快核实	li.na	market	logistics	yang.fan
$ linkctl show 1 --as gao.feng --today 2026-10-08 --format table | grep '^\(filer\|from_dept\|to_dept\|handler\):' | tr -s ' '
> filer: 李娜 (li.na)
> from_dept: 市场部 (market)
> to_dept: 物流中心
> handler: 李娜 (yang.fan)
$ linkctl show 1 --as gao.feng --today 2026-10-08 --format json | grep -o '"filer":.*"handler":"[a-z.]*"'
> "filer":"li.na","from_dept":"market","to_dept":"logistics","handler":"yang.fan"
# history: who acted, and the handler routed to, by name.
$ linkctl history 1 --as gao.feng --format table | grep -o 'handler: - → [^;]*)'
> handler: - → 李娜 (yang.fan)
$ linkctl history 1 --as gao.feng --format table | awk 'NR > 1 { print $5 }'
> 李娜
> 张伟
> 王强
# overdue: the department owing the stage by name.
$ COLUMNS=60 linkctl overdue --as gao.feng --today 2026-10-08 --format table
> dept      ticket  stage     due         days_late  severity  state     escalated  title
> 物流中心       1  feedback  2026-09-28         10  normal    assigned  no         送货员送货…
# deadlines: one heading per stage, then its days.
$ linkctl deadlines 1 --as gao.feng --today 2026-10-08 --format table
> approval: rule approval, from 2026-09-14, due 2026-09-14 (finished on time)
> date        weekday  kind     counted
> 2026-09-14  Mon      workday        1
>
> feedback: rule feedback, from 2026-09-14, due 2026-09-28 (overdue)
> date        weekday  kind             counted
> 2026-09-15  Tue      workday                1
> 2026-09-16  Wed      workday                2
> 2026-09-17  Thu      workday                3
> 2026-09-18  Fri      workday                4
> 2026-09-19  Sat      weekend                -
> 2026-09-20  Sun      make-up workday        5
> 2026-09-21  Mon      workday                6
> 2026-09-22  Tue      workday                7
> 2026-09-23  Wed      workday                8
> 2026-09-24  Thu      workday                9
> 2026-09-25  Fri      holiday                -
> 2026-09-26  Sat      holiday                -
> 2026-09-27  Sun      holiday                -
> 2026-09-28  Mon      workday               10
# ...and one row per day in tsv, the stage's columns on each.
$ linkctl deadlines 1 --as gao.feng --today 2026-10-08 --format tsv --no-header | cut -f1-5 | uniq -c | sed 's/^ *//'
> 1 approval	approval	2026-09-14	2026-09-14	finished on time
> 14 feedback	feedback	2026-09-14	2026-09-28	overdue
# Bars beside the feedback on-time rate (full at 100) and the score (full at the base score, 100).
# market answered its one ticket on time (100.0, a full bar); logistics missed its (0.0, no bar).
$ linkctl stats --month 2026-09 --as gao.feng --today 2026-10-08 --format table | awk 'NR > 1 { for (i = 2; i <= NF; i++) if ($i ~ /█/) print $1, $(i - 1), $i }'
> 市场部 100.0 ██████████
$ linkctl stats --month 2026-09 --as gao.feng --today 2026-10-08 --format table | grep -c '[█▉▊▋▌▍▎▏]'
> 1
$ linkctl stats --month 2026-09 --as gao.feng --today 2026-10-08 --format tsv | grep -c '[█▉▊▋▌▍▎▏]'
> 0
[1]
# logistics lost 2 points for the late feedback: 98 of 100 is 9.8 cells, 78 eighths (█ ×9 and ▊).
$ linkctl report monthly --month 2026-09 --as gao.feng --today 2026-10-08 --format table
> Monthly report 2026-09 (as of 2026-10-08, not frozen)
> department  base  approval_overdue  feedback_overdue  review_overdue  rated_fair  rated_unsatisfied  fake_handling  supervisor_reset  score              bonus_deduction
> 市场部       100                 0                 0               0           0                  0              0                 0    100  ██████████                0
> 物流中心     100                 0                -2               0           0                  0              0                 0     98  █████████▊                0
# No bar in tsv: the columns of SPEC 7.
$ linkctl report monthly --month 2026-09 --as gao.feng --today 2026-10-08 --format tsv | head -1
> department	base	approval_overdue	feedback_overdue	review_overdue	rated_fair	rated_unsatisfied	fake_handling	supervisor_reset	score	bonus_deduction
