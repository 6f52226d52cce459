# `copy --to TARGET` (SPEC section 12): the whole database into a new one, in one
# transaction; the copy's chain verified and both heads printed, equal. On the engine
# under test (tests/pg/test-copy.sh copies between the two engines).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --ref EXT-1 --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null
> 1
$ linkctl close 1 --as yang.fan --today 2026-10-08 --result '已送到' >/dev/null && linkctl confirm 1 --as wang.qiang --today 2026-10-08 >/dev/null && linkctl rate 1 fair --as zhang.wei --today 2026-10-09 >/dev/null
$ linkctl file --as li.na --today 2026-10-08 --category delivery-late --title '重复' --quiet && linkctl reject 2 --as zhang.wei --today 2026-10-08 --reason '重复上报' >/dev/null
> 2
$ linkctl report monthly --month 2026-10 --freeze --as lin.xiuying --today 2026-11-03 >/dev/null
$ linkctl spotcheck record 1 --finding ok --as lin.xiuying --today 2026-11-03 >/dev/null

# Admins only.
$ linkctl copy --to "$(dbnew refused)" --as li.na
! linkctl: error: 'li.na' may not change the policy; only people with the admin role (or root) may
[4]

# The copy: rows (1 policy version, 2 tickets, 4 stages, 11 events, 1 spot check, 1
# frozen report), events, and the two heads (N:HASH), equal.
$ linkctl copy --to "$(dbnew copy)" --as gao.feng --format tsv | cut -f3,4
> rows	events
> 20	11
$ linkctl copy --to "$(dbnew copy2)" --as gao.feng --format tsv --no-header | awk -F'\t' '{ print ($5 == $6 && $5 ~ /^11:[0-9a-f]+$/ && length($5) == 67) ? "equal heads" : "differ: " $5 " " $6 }'
> equal heads

# The copy verifies, with the source's head, and answers as the source does.
$ [ "$(linkctl --db "$(dbaddr copy)" audit verify --format tsv --no-header)" = "$(linkctl audit verify --format tsv --no-header)" ] && echo same audit
> same audit
$ for verb in "show 1" "history 1" "deadlines 1" "report monthly --month 2026-10" "list" "policy history"; do [ "$(linkctl --db "$(dbaddr copy)" $verb --as lin.xiuying --today 2026-11-04 --format json)" = "$(linkctl $verb --as lin.xiuying --today 2026-11-04 --format json)" ] || echo "differs: $verb"; done
# New rows in the copy get the next ids.
$ linkctl --db "$(dbaddr copy)" file --as li.na --today 2026-11-04 --category delivery-late --title '复制后' --quiet
> 3

# A target that holds a database: exit 5, and it is left as it was.
$ linkctl copy --to "$(dbaddr copy)" --as gao.feng
!~ already holds a database; copy --to writes only into a new file or an empty PostgreSQL database
[5]
$ linkctl --db "$(dbaddr copy)" list --as lin.xiuying --format tsv --no-header | cut -f1
> 1
> 2
> 3
# Onto itself: the same.
$ linkctl copy --to "$(dbaddr linkctl)" --as gao.feng
!~ already holds a database
[5]
# The target option is required.
$ linkctl copy --as gao.feng
!~ --to is required
[2]
