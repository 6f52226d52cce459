// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <map>
#include <regex>
#include <sstream>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"

// The scripts are written from the CLI11 tree at run time, so they cannot drift from what linkctl registers:
// subcommands and options come from the registrations, fixed value sets from the "a|b|c" in an option's help.
namespace linkctl::cli {
namespace {

struct Arg {
  std::vector<std::string> keys;  // "--format", "-q"; "#2" for the second positional argument
  std::string kind;               // flag, value or file
  std::vector<std::string> values;
  std::string help;
};

struct Command {
  std::string path;                                           // "" for linkctl itself, else e.g. "report monthly"
  std::vector<std::pair<std::string, std::string>> children;  // name, help
  std::vector<Arg> args;                                      // its own options and positionals
  std::vector<const Arg*> in_scope;                           // options of it and of the commands above it
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }
std::string parent(const std::string& path) {
  auto space = path.rfind(' ');
  return space == std::string::npos ? "" : path.substr(0, space);
}

std::string join(const std::vector<std::string>& v, const std::string& sep = " ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Single-quoted for sh and zsh; fish reads \' and \\ inside single quotes instead.
std::string sq(const std::string& s) { return "'" + std::regex_replace(s, std::regex("'"), "'\\''") + "'"; }
std::string fish_sq(const std::string& s) {
  return "'" + std::regex_replace(s, std::regex(R"((['\\]))"), "\\$1") + "'";
}

Arg describe(const CLI::Option& opt, int position) {
  Arg a;
  if (opt.get_positional()) a.keys.push_back(fmt::format("#{}", position));
  for (const auto& l : opt.get_lnames()) a.keys.push_back("--" + l);
  for (const auto& s : opt.get_snames()) a.keys.push_back("-" + s);
  a.help = first_line(opt.get_description());
  static const std::regex kChoices(R"((?:^|[\s:(])([a-z][a-z0-9-]*(?:\|[a-z][a-z0-9-]*)+)(?:$|[\s),.;]))");
  static const std::regex kFile(R"(\bfile\b)", std::regex::icase);
  std::smatch m;
  if (opt.get_expected_max() == 0) {
    a.kind = "flag";
  } else if (std::regex_search(a.help, m, kChoices)) {
    a.kind = "value";
    std::stringstream choices(m.str(1));
    for (std::string v; std::getline(choices, v, '|');) a.values.push_back(v);
  } else {
    a.kind = std::regex_search(a.help, kFile) || opt.get_name() == "FILE" ? "file" : "value";
  }
  return a;
}

void add_args(CLI::App& app, Command& c) {
  int position = 0;
  for (const CLI::Option* opt : app.get_options())
    if (!opt->get_group().empty()) c.args.push_back(describe(*opt, opt->get_positional() ? ++position : 0));
}

// Commands in definition order; a nameless subcommand is an option group whose options belong to its parent.
void collect(CLI::App& app, const std::string& path, std::vector<Command>& out) {
  Command c{path, {}, {}, {}};
  add_args(app, c);
  std::vector<CLI::App*> named;
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name().empty()) {
      add_args(*sub, c);
    } else if (!sub->get_group().empty()) {  // an empty group hides a subcommand
      named.push_back(sub);
      c.children.emplace_back(sub->get_name(), first_line(sub->get_description()));
    }
  }
  out.push_back(std::move(c));
  for (auto* sub : named) collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

std::vector<Command> command_tree(CLI::App& root) {
  std::vector<Command> cmds;
  collect(root, "", cmds);
  std::map<std::string, const Command*> by_path;
  for (const auto& c : cmds) by_path[c.path] = &c;
  for (auto& c : cmds) {  // its own options first, then those of each command above it (CLI11 falls through)
    std::set<std::string> seen;
    for (std::string p = c.path;; p = parent(p)) {
      for (const auto& a : by_path.at(p)->args)
        if (a.keys.front().starts_with("-") && seen.insert(a.keys.front()).second) c.in_scope.push_back(&a);
      if (p.empty()) break;
    }
  }
  return cmds;
}

std::vector<std::string> long_names(const Command& c) {
  std::vector<std::string> out;
  for (const Arg* a : c.in_scope)
    for (const auto& k : a->keys)
      if (k.starts_with("--")) out.push_back(k);
  return out;
}

// Shell functions shared by the bash and zsh scripts (the subset of sh both read alike).
std::string sh_tables(const std::vector<Command>& cmds) {
  std::string commands, options, args;
  for (const auto& c : cmds) {
    std::vector<std::string> names;
    for (const auto& [name, help] : c.children) names.push_back(name);
    if (!names.empty()) commands += fmt::format("    {}) commands={} ;;\n", sq(c.path), sq(join(names)));
    options += fmt::format("    {}) options={} ;;\n", sq(c.path), sq(join(long_names(c))));
    for (const auto& a : c.args) {
      std::vector<std::string> patterns;
      for (const auto& k : a.keys) patterns.push_back(sq(c.path + "|" + k));
      args += fmt::format("    {}) kind={} values={} ;;\n", join(patterns, "|"), a.kind, sq(join(a.values)));
    }
  }
  return "# _linkctl_commands PATH: sets commands, the subcommands of the command PATH (\"\" is linkctl).\n"
         "_linkctl_commands() {\n  case $1 in\n" +
         commands +
         "    *) commands='' ;;\n  esac\n}\n\n"
         "# _linkctl_options PATH: sets options, the long options PATH accepts (its own and those above it).\n"
         "_linkctl_options() {\n  case $1 in\n" +
         options +
         "    *) options='' ;;\n  esac\n}\n\n"
         "# _linkctl_arg PATH ARG: sets kind (flag, value, file; empty when PATH has no option ARG) and the fixed\n"
         "# values of option ARG, or of positional argument number N for ARG \"#N\".\n"
         "_linkctl_arg() {\n  case \"$1|$2\" in\n" +
         args + "    *) kind='' values='' ;;\n  esac\n}\n\n" +
         R"sh(# _linkctl_find PATH OPTION: _linkctl_arg for OPTION of PATH or of a command above it.
_linkctl_find() {
  local p=$1
  while :; do
    _linkctl_arg "$p" "$2"
    [ -z "$kind" ] || return 0
    [ -n "$p" ] || return 1
    case $p in *' '*) p=${p% *} ;; *) p='' ;; esac
  done
}
)sh";
}

std::string bash_script(const std::vector<Command>& cmds) {
  return "# bash completion for linkctl, generated by `linkctl completion bash` from the commands it registers.\n"
         "# Install as /usr/share/bash-completion/completions/linkctl, or: source <(linkctl completion bash)\n\n" +
         sh_tables(cmds) + R"sh(
# _linkctl_reply WORD: COMPREPLY from the fixed values, else file names for a file argument.
_linkctl_reply() {
  if [ -n "$values" ]; then
    mapfile -t COMPREPLY < <(compgen -W "$values" -- "$1")
  elif [ "$kind" = file ]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
  fi
}

_linkctl() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath='' npos=0 i word opt='' kind='' values='' commands='' options=''
  COMPREPLY=()
  # The words before the cursor: subcommands descend, an option skips its value, the rest are positional.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      -?*=*) ;;
      -?*)
        if _linkctl_find "$cmdpath" "$word" && [ "$kind" != flag ]; then
          # bash splits "--format=csv" at "=" (COMP_WORDBREAKS): skip "=" and the value.
          if [ "${COMP_WORDS[i + 1]}" = = ]; then ((i += 2)); else ((i += 1)); fi
        fi ;;
      *)
        _linkctl_commands "$cmdpath"
        if [ "$npos" = 0 ] && [[ " $commands " == *" $word "* ]]; then
          cmdpath=${cmdpath:+$cmdpath }$word
        else
          ((npos += 1))
        fi ;;
    esac
  done
  if [ "$cur" = = ]; then
    opt=${COMP_WORDS[COMP_CWORD - 1]} cur=''
  elif ((COMP_CWORD >= 2)) && [ "${COMP_WORDS[COMP_CWORD - 1]}" = = ]; then
    opt=${COMP_WORDS[COMP_CWORD - 2]}
  elif ((COMP_CWORD >= 1)); then
    opt=${COMP_WORDS[COMP_CWORD - 1]}
  fi
  if [[ $opt == -?* ]] && _linkctl_find "$cmdpath" "$opt" && [ "$kind" != flag ]; then
    _linkctl_reply "$cur"
  elif [[ $cur == -* ]]; then
    _linkctl_options "$cmdpath"
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  elif _linkctl_commands "$cmdpath" && [ -n "$commands" ] && [ "$npos" = 0 ]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
  else
    _linkctl_arg "$cmdpath" "#$((npos + 1))"
    _linkctl_reply "$cur"
  fi
  return 0
}

complete -F _linkctl linkctl
)sh";
}

std::string zsh_script(const std::vector<Command>& cmds) {
  std::string help;
  for (const auto& c : cmds) {
    std::vector<std::string> items, options;
    for (const auto& [name, text] : c.children) items.push_back(sq(name + ":" + text));
    if (!items.empty()) help += fmt::format("    {}) help=({}) ;;\n", sq("commands|" + c.path), join(items));
    for (const Arg* a : c.in_scope)
      for (const auto& k : a->keys) options.push_back(sq(k + ":" + a->help));
    help += fmt::format("    {}) help=({}) ;;\n", sq("options|" + c.path), join(options));
  }
  return "#compdef linkctl\n"
         "# zsh completion for linkctl, generated by `linkctl completion zsh` from the commands it registers.\n"
         "# Install as _linkctl in a directory of $fpath, or after compinit: source <(linkctl completion zsh)\n\n" +
         sh_tables(cmds) +
         "\n# _linkctl_help WHAT PATH: sets help, the subcommands or options of PATH as name:description.\n"
         "_linkctl_help() {\n  case \"$1|$2\" in\n" +
         help + "    *) help=() ;;\n  esac\n}\n" + R"sh(
_linkctl_reply() {
  if [[ -n $values ]]; then
    compadd -- ${=values}
  elif [[ $kind == file ]]; then
    _files
  fi
}

_linkctl() {
  local cur=${words[CURRENT]} cmdpath='' npos=0 i word opt='' kind='' values='' commands='' options=''
  local -a help
  for ((i = 2; i < CURRENT; i++)); do
    word=${words[i]}
    case $word in
      -?*=*) ;;
      -?*) if _linkctl_find "$cmdpath" "$word" && [[ $kind != flag ]]; then ((i += 1)); fi ;;
      *)
        _linkctl_commands "$cmdpath"
        if ((npos == 0)) && [[ " $commands " == *" $word "* ]]; then
          cmdpath=${cmdpath:+$cmdpath }$word
        else
          ((npos += 1))
        fi ;;
    esac
  done
  if [[ $cur == -?*=* ]]; then
    opt=${cur%%=*}
    compset -P '*='
  elif ((CURRENT > 2)); then
    opt=${words[CURRENT - 1]}
  fi
  if [[ $opt == -?* ]] && _linkctl_find "$cmdpath" "$opt" && [[ $kind != flag ]]; then
    _linkctl_reply
  elif [[ $cur == -* ]]; then
    _linkctl_help options "$cmdpath"
    _describe -t options option help
  elif _linkctl_commands "$cmdpath" && [[ -n $commands ]] && ((npos == 0)); then
    _linkctl_help commands "$cmdpath"
    _describe -t commands command help
  else
    _linkctl_arg "$cmdpath" "#$((npos + 1))"
    _linkctl_reply
  fi
}

if [[ $funcstack[1] == _linkctl ]]; then
  _linkctl "$@"
else
  compdef _linkctl linkctl
fi
)sh";
}

std::string fish_script(const std::vector<Command>& cmds) {
  std::string commands, lines;
  for (const auto& c : cmds) {
    std::vector<std::string> names;
    for (const auto& [name, text] : c.children) {
      names.push_back(name);
      lines += fmt::format("complete -c linkctl -n {} -f -a {} -d {}\n", fish_sq("__linkctl_at " + sq(c.path)), name,
                           fish_sq(text));
    }
    if (!names.empty()) commands += fmt::format("        case {}\n            echo {}\n", fish_sq(c.path), join(names));
    for (const auto& a : c.args) {
      std::string spec, at = c.path.empty() ? "" : "-n " + fish_sq("__linkctl_at " + sq(c.path)) + " ";
      for (const auto& k : a.keys)
        spec += k.starts_with("--") ? " -l " + k.substr(2) : k.starts_with("-") ? " -s " + k.substr(1) : "";
      if (a.kind == "value") spec += a.values.empty() ? " -x" : " -x -a " + fish_sq(join(a.values));
      if (a.kind == "file") spec += " -r -F";
      if (a.keys.front().starts_with("#")) {  // a positional argument: offer its values, or files
        if (!a.values.empty())
          lines += fmt::format("complete -c linkctl {}-f -a {} -d {}\n", at, fish_sq(join(a.values)), fish_sq(a.help));
        else if (a.kind == "file")
          lines += fmt::format("complete -c linkctl {}-F\n", at);
        continue;
      }
      lines += fmt::format("complete -c linkctl {}{} -d {}\n", at, spec.substr(1), fish_sq(a.help));
    }
  }
  return "# fish completion for linkctl, generated by `linkctl completion fish` from the commands it registers.\n"
         "# Install as ~/.config/fish/completions/linkctl.fish, or: linkctl completion fish | source\n\n"
         "# __linkctl_commands PATH: the subcommands of the command PATH ('' is linkctl).\n"
         "function __linkctl_commands\n    switch \"$argv[1]\"\n" +
         commands + "    end\nend\n\n" +
         R"sh(# __linkctl_at PATH: true when the words before the cursor name the command PATH.
function __linkctl_at
    set -l words (commandline -opc)
    set -e words[1]
    set -l cmdpath ''
    for word in $words
        if contains -- $word (string split ' ' -- (__linkctl_commands "$cmdpath"))
            set cmdpath (string trim -- "$cmdpath $word")
        end
    end
    test "$cmdpath" = "$argv[1]"
end

complete -c linkctl -f
)sh" + lines;
}

}  // namespace

void register_completion(CLI::App& app, Env& env) {
  auto shell = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "completion", _("Print a shell completion script for bash, zsh or fish, made from linkctl's own commands.\n"
                      "Example: source <(linkctl completion bash)\n"
                      "Example: linkctl completion fish > ~/.config/fish/completions/linkctl.fish"));
  cmd->add_option("SHELL", *shell, _("bash|zsh|fish"))->required();
  cmd->callback([&app, &env, shell] {
    auto cmds = command_tree(app);
    if (*shell == "bash") return env.out().print(bash_script(cmds));
    if (*shell == "zsh") return env.out().print(zsh_script(cmds));
    if (*shell == "fish") return env.out().print(fish_script(cmds));
    throw Error(ErrorKind::usage, trf("no completion for shell '{}'; use bash, zsh or fish", *shell));
  });
}

}  // namespace linkctl::cli
