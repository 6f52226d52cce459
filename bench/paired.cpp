/* SPDX-License-Identifier: MIT
 * Paired, interleaved timing of two commands that each consume an argument, such
 * as `linkctl approve ID` (a ticket can be approved once, so hyperfine's repeated
 * identical command cannot time it). Run i runs A with the i-th line of A-ARGS,
 * then B with the i-th line of B-ARGS, each line's words replacing {1}, {2}, ...;
 * the first WARMUP pairs are not counted. Prints "median-A-ms median-B-ms".
 * Usage: linkctl_paired RUNS WARMUP A-ARGS B-ARGS A-COMMAND... -- B-COMMAND... */
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Words = std::vector<std::string>;

std::vector<Words> read_lines(const char* path) {
  std::ifstream in(path);
  std::vector<Words> lines;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    lines.emplace_back(std::istream_iterator<std::string>(words), std::istream_iterator<std::string>());
  }
  return lines;
}

double run_ms(const Words& command, const Words& args) {
  std::vector<std::string> argv;
  for (std::string a : command) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string slot = "{" + std::to_string(i + 1) + "}";
      for (auto at = a.find(slot); at != std::string::npos; at = a.find(slot)) a.replace(at, slot.size(), args[i]);
    }
    argv.push_back(a);
  }
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid;
  if (posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ) != 0) {
    std::fprintf(stderr, "paired: cannot run %s\n", cargv[0]);
    std::exit(1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  posix_spawn_file_actions_destroy(&actions);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string shown;
    for (auto& a : argv) shown += a + " ";
    std::fprintf(stderr, "paired: failed (status %d): %s\n", status, shown.c_str());
    std::exit(1);
  }
  return (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 8) {
    std::fprintf(stderr, "usage: %s RUNS WARMUP A-ARGS B-ARGS A-COMMAND... -- B-COMMAND...\n", argv[0]);
    return 2;
  }
  int runs = std::atoi(argv[1]), warmup = std::atoi(argv[2]);
  auto a_args = read_lines(argv[3]), b_args = read_lines(argv[4]);
  Words a, b;
  bool second = false;
  for (int i = 5; i < argc; ++i) {
    if (std::string(argv[i]) == "--")
      second = true;
    else
      (second ? b : a).push_back(argv[i]);
  }
  if (a.empty() || b.empty() || static_cast<int>(std::min(a_args.size(), b_args.size())) < runs + warmup) {
    std::fprintf(stderr, "paired: need two commands and %d argument lines for each (have %zu and %zu)\n", runs + warmup,
                 a_args.size(), b_args.size());
    return 2;
  }
  std::vector<double> ta, tb;
  for (int i = 0; i < runs + warmup; ++i) {
    double x = run_ms(a, a_args[static_cast<std::size_t>(i)]);
    double y = run_ms(b, b_args[static_cast<std::size_t>(i)]);
    if (i >= warmup) ta.push_back(x), tb.push_back(y);
  }
  std::printf("%.2f %.2f\n", median(ta), median(tb));
  return 0;
}
