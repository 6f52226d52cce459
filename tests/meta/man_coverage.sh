#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when linkctl registers a subcommand, option, positional argument or
# environment variable that the man page does not document, or when the man
# page documents a subcommand or option that linkctl does not register.
#
# Usage: man_coverage.sh /path/to/linkctl /path/to/linkctl.1 [/path/to/zh_CN/linkctl.1 ...]
#
# A translated page (any further argument) must have a subsection (.SS) for every
# subcommand path as well, with its purpose and an example; its options are documented
# in the English page, which it points to.
#
# It walks `linkctl --help` and every subcommand's `--help` recursively,
# reading CLI11's help text ("Subcommands:", "Positionals:", "Options:" and any
# other option-group section), and checks that
#   - each subcommand path ("report monthly") has a subsection (.SS) in the
#     page's COMMANDS section whose heading starts with that path;
#   - each long option of a subcommand ("--freeze") is the tag of a tagged
#     paragraph (.TP or .IP) in that subcommand's subsection, and each global
#     option one in GLOBAL OPTIONS (--help is checked only there);
#   - each positional argument ("ID", "FILE") is named in the subsection;
#   - each environment variable of an option ("Env:LINKCTL_DB") is a tag in
#     ENVIRONMENT;
# and the other way round, that COMMANDS has no subsection, and no subsection
# an option tag, for something linkctl does not register.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 LINKCTL-BINARY MAN-PAGE [TRANSLATED-MAN-PAGE...]" >&2
  exit 2
fi
binary=$1
page=$2
translated=("${@:3}")
[ -x "$binary" ] || { echo "man_coverage: $binary is not an executable" >&2; exit 2; }
[ -r "$page" ] || { echo "man_coverage: cannot read $page" >&2; exit 2; }

# --help must not depend on the caller's environment.
unset LINKCTL_DB LINKCTL_USER LINKCTL_FORMAT LINKCTL_NOW
export NO_COLOR=1 LC_ALL=C.UTF-8

# --- the man page --------------------------------------------------------------
# One record per line, tab-separated:
#   ss   SECTION  SUBSECTION          (a subsection heading)
#   tag  SECTION  SUBSECTION  TEXT    (the tag of a .TP/.IP paragraph)
#   txt  SECTION  SUBSECTION  TEXT    (any other line)
# with roff escapes, fonts, quotes and macro names removed; SUBSECTION is "-"
# before the first subsection of a section (read(1) would merge empty fields).
index=$(awk '
  function norm(s) {
    gsub(/\\f(\[[^]]*\]|\(..|.)/, "", s)       # font changes
    gsub(/\\\(dq/, "\"", s)
    gsub(/\\-/, "-", s)
    gsub(/\\(&|:|%|\/|,|\||\^)/, "", s)         # zero-width escapes
    gsub(/\\e/, "\\", s)
    sub(/^\.[A-Za-z]+[ \t]*/, "", s)           # the macro name
    gsub(/"/, "", s)
    gsub(/[ \t]+/, " ", s)
    sub(/^ /, "", s); sub(/ $/, "", s)
    return s
  }
  /^\.\\"/ || /^'\''\\"/ { next }              # comments
  /^\.SH/ { sec = norm($0); sub_ = "-"; want_tag = 0; next }
  /^\.SS/ { sub_ = norm($0); if (sub_ == "") sub_ = "-"; printf "ss\t%s\t%s\n", sec, sub_; want_tag = 0; next }
  /^\.TP/ { want_tag = 1; next }
  /^\.IP/ { t = norm($0); sub(/ [0-9]+$/, "", t); printf "tag\t%s\t%s\t%s\n", sec, sub_, t; next }
  {
    kind = want_tag ? "tag" : "txt"
    want_tag = 0
    printf "%s\t%s\t%s\t%s\n", kind, sec, sub_, norm($0)
  }
' "$page")

# Subsections of COMMANDS, keyed by the command path their heading starts with
# (its leading lower-case words: "calendar due" in "calendar due --from DATE").
# Keys are "/PATH": bash refuses the empty key of the section's introduction.
declare -A heading_of=() tags_of=() text_of=()
page_paths=()
while IFS=$'\t' read -r kind sec sub text; do
  [ "$sec" = COMMANDS ] || continue
  path=""
  read -ra words <<<"$sub"
  for word in "${words[@]}"; do
    [[ $word =~ ^[a-z][a-z0-9-]*$ ]] || break
    path+="${path:+ }$word"
  done
  case $kind in
    ss)
      if [ -n "${heading_of["/$path"]+x}" ]; then
        echo "page: the subsection '$path' appears twice in COMMANDS"
        dupes=1
      fi
      heading_of["/$path"]=$sub
      page_paths+=("$path")
      ;;
    tag) tags_of["/$path"]+=$'\n'"$text" ;;
    txt) text_of["/$path"]+=$'\n'"$text" ;;
  esac
done <<<"$index"

section_tags() {  # section_tags SECTION: the tags of one section, one a line
  printf '%s\n' "$index" | awk -F'\t' -v s="$1" '$1 == "tag" && $2 == s { print $4 }'
}
global_tags=$(section_tags "GLOBAL OPTIONS")
environment_tags=$(section_tags "ENVIRONMENT")

# True when $1 holds the option or word $2 as a whole token.
has_token() {
  local re="(^|[^-A-Za-z0-9_])$2([^-A-Za-z0-9_]|\$)"
  [[ $1 =~ $re ]]
}

# --- linkctl's help ---------------------------------------------------------------
# help_items PATH...: "sub NAME", "pos NAME", "opt --LONG" and "env NAME" lines.
help_items() {
  local out
  if ! out=$("$binary" "$@" --help 2>&1); then
    echo "man_coverage: 'linkctl $* --help' failed:" >&2
    printf '%s\n' "$out" >&2
    return 1
  fi
  printf '%s\n' "$out" | awk '
    /^[A-Z][A-Za-z ]*:$/ { section = $0; next }
    /^[^ ]/ { section = ""; next }
    section == "" || !/^  [^ ]/ { next }
    section == "Subcommands:" { print "sub " $1; next }
    section == "Positionals:" { print "pos " $1; next }
    /^  -/ {
      n = split($1, names, ",")
      for (i = 1; i <= n; ++i) if (names[i] ~ /^--/) print "opt " names[i]
      if (match($0, /\(Env:[A-Za-z_0-9]+\)/)) print "env " substr($0, RSTART + 5, RLENGTH - 6)
    }
  '
}

missing=()
checked_subs=0 checked_opts=0 checked_pos=0 checked_env=0
declare -A registered=()  # "/path" and "/path|--option" of everything linkctl registers
queue=("")
while [ ${#queue[@]} -gt 0 ]; do
  path=${queue[0]}
  queue=("${queue[@]:1}")
  # shellcheck disable=SC2086  # the path's words are separate arguments
  items=$(help_items $path)
  if [ -z "$path" ] && ! grep -q '^sub ' <<<"$items"; then
    echo "man_coverage: found no subcommands in 'linkctl --help'; has CLI11's help format changed?" >&2
    exit 1
  fi
  if [ -n "$path" ]; then
    registered["/$path"]=1
    checked_subs=$((checked_subs + 1))
    [ -n "${heading_of["/$path"]+x}" ] || missing+=("subsection '$path' in COMMANDS (.SS $path)")
  fi
  while read -r kind name; do
    [ -n "$kind" ] || continue
    case $kind in
      sub) queue+=("${path:+$path }$name") ;;
      opt)
        registered["/$path|$name"]=1
        if [ -z "$path" ]; then
          checked_opts=$((checked_opts + 1))
          has_token "$global_tags" "$name" || missing+=("global option $name as a tag (.TP) in GLOBAL OPTIONS")
        elif [ "$name" != --help ]; then
          checked_opts=$((checked_opts + 1))
          has_token "${tags_of["/$path"]-}" "$name" || missing+=("option $name as a tag (.TP) in the subsection '$path'")
        fi
        ;;
      pos)
        checked_pos=$((checked_pos + 1))
        has_token "${text_of["/$path"]-}${tags_of["/$path"]-}" "$name" || missing+=("positional argument $name in the subsection '$path'")
        ;;
      env)
        checked_env=$((checked_env + 1))
        has_token "$environment_tags" "$name" || missing+=("environment variable $name as a tag (.TP) in ENVIRONMENT")
        ;;
    esac
  done <<<"$items"
done

# The other way round: nothing documented that linkctl does not register.
stale=()
for path in "${page_paths[@]}"; do
  if [ -z "$path" ]; then
    stale+=("subsection '${heading_of["/$path"]}' in COMMANDS does not start with a command path")
    continue
  fi
  if [ -z "${registered["/$path"]+x}" ]; then
    stale+=("subsection '$path' in COMMANDS: linkctl has no such command")
    continue
  fi
  while read -r option; do
    [ -n "$option" ] || continue
    [ -n "${registered["/$path|$option"]+x}" ] || stale+=("option $option in the subsection '$path': 'linkctl $path' has no such option")
  done < <(grep -oE -- '(^|[^-A-Za-z0-9_])--[a-z][a-z0-9-]*' <<<"${tags_of["/$path"]-}" | sed 's/^[^-]*--/--/' | sort -u)
done

echo "checked $checked_subs subcommands, $checked_opts options, $checked_pos positional arguments and $checked_env environment variables against $page"
status=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing from the man page (${#missing[@]}):"
  printf '  %s\n' "${missing[@]}"
  status=1
fi
if [ ${#stale[@]} -gt 0 ]; then
  echo "documented but not registered (${#stale[@]}):"
  printf '  %s\n' "${stale[@]}"
  status=1
fi
[ -z "${dupes-}" ] || status=1

# Translated pages: a subsection per subcommand path, each with an example (.EX), under any
# section name (the page's language names the sections).
for other in "${translated[@]+"${translated[@]}"}"; do
  [ -r "$other" ] || { echo "man_coverage: cannot read $other" >&2; exit 2; }
  headings=$(sed -n 's/^\.SS[ \t]*//p' "$other" | sed 's/"//g')
  lacking=() checked=0
  for key in "${!registered[@]}"; do
    [[ $key == *"|"* ]] && continue
    path=${key#/}
    checked=$((checked + 1))
    grep -qxF -- "$path" <<<"$headings" || grep -q -- "^$path " <<<"$headings" || lacking+=("subsection '$path'")
  done
  # Every subsection of a leaf command shows an example: a .SS without .EX before the next .SS
  # is allowed only for a command that has sub-commands ("policy", "report").
  while read -r heading; do
    [ -n "$heading" ] || continue
    if [ -n "${registered["/$heading"]+x}" ]; then
      has_sub=0
      for key in "${!registered[@]}"; do [[ $key == "/$heading "* && $key != *"|"* ]] && has_sub=1; done
      [ "$has_sub" = 1 ] || lacking+=("an example (.EX) in the subsection '$heading'")
    fi
  done < <(awk '/^\.SS/ { if (name != "" && !ex) print name; name = $0; sub(/^\.SS[ \t]*/, "", name); gsub(/"/, "", name); ex = 0; next }
                /^\.SH/ { if (name != "" && !ex) print name; name = ""; next }
                /^\.EX/ { ex = 1 }
                END { if (name != "" && !ex) print name }' "$other")
  echo "checked $checked subcommands against $other"
  if [ ${#lacking[@]} -gt 0 ]; then
    echo "missing from $other (${#lacking[@]}):"
    printf '  %s\n' "${lacking[@]}"
    status=1
  fi
done
exit $status
