# Bug: `approve --title ''` kept the old title silently; an empty title is refused like at filing.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-10-12 --category delivery-late --title 原标题 --quiet
> 1
$ linkctl approve 1 --title '' --as zhang.wei --today 2026-10-12
! linkctl: error: the title is empty; give some text
[2]
$ linkctl approve 1 --comment '' --as zhang.wei --today 2026-10-12
! linkctl: error: the comment is empty; give some text
[2]
$ linkctl show 1 --as zhang.wei --format tsv --no-header | cut -f2,3
> pending	原标题
