# Bug (issue 15): a title with a right-to-left override (U+202E) was accepted, and a table
# then showed its text reversed ("Trojan Source"), so a ticket could pass for another.
# Bidirectional controls (U+202A-U+202E, U+2066-U+2069) are control characters: refused in
# every text field and policy name with the usual one-line error. Zero-width characters
# (U+200B-U+200D, U+2060, U+FEFF) are accepted, shown as <U+200B> in tables and kept
# exactly in tsv, csv and json. The characters are written as printf escapes here, so that
# this file shows what it tests; `LC_ALL=C sed -n l` shows bytes as octal escapes.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# The title of the report, refused for its U+202E.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf '=cmd|calc \u202eRTL\u200bzw')"
! linkctl: error: the title contains control character U+202E; remove it (this field is one line)
[2]
# Each of the nine: embeddings, overrides, their pop, and the isolates.
$ for c in 202a 202b 202c 202d 202e 2066 2067 2068 2069; do linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf "a\\u${c}b")"; echo "exit $?"; done 2>&1
> linkctl: error: the title contains control character U+202A; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+202B; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+202C; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+202D; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+202E; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+2066; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+2067; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+2068; remove it (this field is one line)
> exit 2
> linkctl: error: the title contains control character U+2069; remove it (this field is one line)
> exit 2
# Fields that may hold line breaks refuse them too.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title 正常 --body "$(printf 'line one\nline \u2067two')"
! linkctl: error: the body contains control character U+2067; remove it
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title 正常 --ref "$(printf 'EXT-\u202d1')"
! linkctl: error: --ref contains control character U+202D; remove it (this field is one line)
[2]
# Nothing was filed.
$ linkctl list --as gao.feng --today 2026-11-16 --format tsv --no-header | wc -l
> 0

# Without the override the same title is filed; its zero-width space stays in the data.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf '=cmd|calc RTL\u200bzw')" --quiet
> 1
$ linkctl comment 1 --as li.na --today 2026-11-16 "$(printf 'see \u202eabc')"
! linkctl: error: the comment contains control character U+202E; remove it
[2]
$ linkctl reject 1 --as zhang.wei --today 2026-11-16 --reason "$(printf 'dup \u2068x')"
! linkctl: error: --reason contains control character U+2068; remove it
[2]
$ linkctl approve 1 --as zhang.wei --today 2026-11-16 --title "$(printf 'x\u2069')"
! linkctl: error: the title contains control character U+2069; remove it (this field is one line)
[2]
# Messages that repeat what was typed escape a bidirectional control byte by byte.
$ linkctl list --as "$(printf 'li.na\u202e')" --today 2026-11-16
! linkctl: error: 'li.na\xe2\x80\xae' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]

# Tables show the zero-width space (show, list, inbox)...
$ linkctl show 1 --as li.na --today 2026-11-16 --format table | grep '^title:' | tr -s ' '
> title: =cmd|calc RTL<U+200B>zw
$ linkctl list --as li.na --today 2026-11-16 --format table | grep -o '=cmd.*'
> =cmd|calc RTL<U+200B>zw
$ linkctl inbox --as zhang.wei --today 2026-11-16 --format table | grep -o '=cmd.*'
> =cmd|calc RTL<U+200B>zw
# ...and tsv, csv and json keep the exact bytes (U+200B is E2 80 8B, octal 342 200 213).
$ linkctl show 1 --as li.na --today 2026-11-16 --format tsv --no-header | cut -f3 | LC_ALL=C sed -n l
> =cmd|calc RTL\342\200\213zw$
$ linkctl list --as li.na --today 2026-11-16 --format csv --no-header | cut -d, -f3 | LC_ALL=C sed -n l
> =cmd|calc RTL\342\200\213zw$
$ linkctl show 1 --as li.na --today 2026-11-16 --format json | grep -o '"title":"[^"]*"' | LC_ALL=C sed -n l
> "title":"=cmd|calc RTL\342\200\213zw"$

# The other zero-width characters: non-joiner, joiner, word joiner, and the BOM mid-text.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf 'a\u200cb\u200dc\u2060d\ufeffe')" --quiet
> 2
$ linkctl show 2 --as li.na --today 2026-11-16 --format table | grep '^title:' | tr -s ' '
> title: a<U+200C>b<U+200D>c<U+2060>d<U+FEFF>e
$ linkctl show 2 --as li.na --today 2026-11-16 --format tsv --no-header | cut -f3 | LC_ALL=C sed -n l
> a\342\200\214b\342\200\215c\342\201\240d\357\273\277e$

# Imported titles are checked the same way (exit 6, naming the line); nothing is imported.
$ printf 'filer,category,title\nli.na,delivery-late,ok\nli.na,delivery-late,%s\n' "$(printf 'x\u202ey')" > bidi.csv && linkctl import bidi.csv --as gao.feng --today 2026-11-16
! linkctl: error: bidi.csv:3: the title contains control character U+202E; remove it (this field is one line)
[6]
$ linkctl list --as gao.feng --today 2026-11-16 --format tsv --no-header | wc -l
> 2

# Policy names: a bidirectional control is an error on its line (exit 6); nothing changes.
$ LC_ALL=C sed 's/^name = "物流中心"$/name = "物流\xe2\x80\xae中心"/' mini.toml > bidi.toml && linkctl policy check bidi.toml
! bidi.toml:28: error: department 'logistics'.name contains control character U+202E; remove it (names are one line of text)
! linkctl: error: bidi.toml has 1 error; nothing was changed (check it with 'linkctl policy check bidi.toml')
[6]
$ linkctl policy apply bidi.toml --as gao.feng
! bidi.toml:28: error: department 'logistics'.name contains control character U+202E; remove it (names are one line of text)
! linkctl: error: bidi.toml has 1 error; nothing was changed (check it with 'linkctl policy check bidi.toml')
[6]
