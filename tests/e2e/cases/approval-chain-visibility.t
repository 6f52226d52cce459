# Approval chains (SPEC 8, 11): an approver from another department sees a chained
# ticket from their level on, the same in show, list, export and inbox; a colleague of
# a person: approver does not. A category without a chain is seen as before.
$ cat $SRC/tests/e2e/policies/mini.toml $SRC/tests/e2e/policies/chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
$ printf '[[people]]\nid = "zhao.mi"\nname = "赵秘书"\ndepartment = "gm"\nroles = ["handler"]\n' >> p.toml && linkctl policy apply p.toml --as gao.feng >/dev/null && echo applied
> applied
# Ticket 1 reaches level 2 (finance), ticket 2 stays at level 1, ticket 3 has no chain.
$ linkctl file --as li.na --today 2026-09-28 --category purchase --title '采购打印机' --quiet
> 1
$ linkctl file --as li.na --today 2026-09-28 --category purchase --title '采购纸张' --quiet
> 2
$ linkctl file --as li.na --today 2026-09-28 --category delivery-late --title '送货不及时' --quiet
> 3
$ linkctl approve 1 --as zhang.wei --today 2026-09-28 >/dev/null
# Finance: ticket 1 only, everywhere.
$ linkctl list --as qian.li --today 2026-09-29 --format tsv --no-header | cut -f1,2
> 1	pending
$ linkctl export --as qian.li --today 2026-09-29 | tr -d '\r' | cut -f1,10 -d,
> id,state
> 1,pending
$ linkctl inbox --as qian.li --today 2026-09-29 --format tsv --no-header | cut -f1
> 1
$ linkctl show 2 --as qian.li --today 2026-09-29
!~ no ticket 2
[3]
# The general manager does not see it before level 3, his colleague never.
$ linkctl list --as chen.zong --today 2026-09-29 --format tsv --no-header
$ linkctl approve 1 --as qian.li --today 2026-09-29 >/dev/null
$ linkctl list --as chen.zong --today 2026-09-29 --format tsv --no-header | cut -f1
> 1
$ linkctl list --as chen.zong --limit 1 --today 2026-09-29 --format tsv --no-header | cut -f1
> 1
$ linkctl export --as chen.zong --today 2026-09-29 | tr -d '\r' | cut -f1 -d,
> id
> 1
$ linkctl list --as zhao.mi --today 2026-09-29 --format tsv --no-header
$ linkctl export --as zhao.mi --today 2026-09-29 | tr -d '\r'
> id,filer,category,title,body,severity,to,ref,filed_at,state,approval_due,feedback_due,review_due,approval_level
# Finance keeps seeing it after its level; filters still narrow.
$ linkctl list --as qian.li --state pending --today 2026-09-29 --format tsv --no-header | cut -f1
> 1
$ linkctl list --as qian.li --state routed --today 2026-09-29 --format tsv --no-header
# The sending and receiving departments see all three, as before.
$ linkctl list --as wang.qiang --today 2026-09-29 --format tsv --no-header | cut -f1
> 1
> 2
> 3
# overdue: the same rule. On 10-20 ticket 1's level 3 (due 10-08) and ticket 2's level 1
# (due 09-28) are late, and so is ticket 3's approval; finance and the general manager
# see ticket 1's only, his colleague none, the sending lead all three.
$ linkctl overdue --as qian.li --today 2026-10-20 --format tsv --no-header | cut -f1-4
> gm	1	approval 3/3	2026-10-08
$ linkctl overdue --as chen.zong --today 2026-10-20 --format tsv --no-header | cut -f1-4
> gm	1	approval 3/3	2026-10-08
$ linkctl overdue --as zhao.mi --today 2026-10-20 --format tsv --no-header
$ linkctl overdue --as zhang.wei --today 2026-10-20 --format tsv --no-header | cut -f2 | paste -sd' '
> 2 3 1
