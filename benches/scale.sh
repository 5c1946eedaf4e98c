#!/usr/bin/env bash
# Linear in what the input controls: gongwen on inputs grown tenfold, wall
# time and peak memory (GNU time), for one or two `gen` binaries.
#
#   bash benches/scale.sh                     # this checkout's gen
#   bash benches/scale.sh OLD_GEN [NEW_GEN]   # before and after
#
# A table of 1,000 and 9,999 rows (`gen pdf`, `gen docx`), and a draft of
# 20,000 and 199,990 numbered lines (`gen import`): when the work is linear
# the larger input takes about ten times the smaller's time.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
new="${2:-$target/release/gen}"
old="${1:-}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

table() { # rows → YAML
  {
    printf 'kind: 报告\ntitle: 关于项目登记情况的报告\ndate: 2024-01-02\nissuer: 测试市统计局\n'
    printf 'body:\n  - 现将项目登记情况报告如下。\n  - table:\n      header: [[序号, 项目名称, 建设单位]]\n      rows:\n'
    for ((i = 1; i <= $1; i++)); do printf '        - ["%d", 第%d号项目, 测试市建设单位]\n' "$i" "$i"; done
  } >"$dir/table-$1.yaml"
}
draft() { # lines → text
  {
    printf '关于测试的通知\n\n'
    for ((i = 1; i <= $1; i++)); do printf '%d.标题第%d项\n' "$i" "$i"; done
  } >"$dir/draft-$1.txt"
}

# A run is stopped after this many seconds (an older, quadratic gen takes
# hours on the larger inputs).
cap="${SCALE_CAP_SECS:-120}"

measure() { # binary, args… → "seconds s, MB"
  local bin="$1"; shift
  local code=0
  /usr/bin/time -f '%e s, %M' timeout -s KILL "$cap" "$bin" "$@" >/dev/null 2>"$dir/err" || code=$?
  if [ "$code" -eq 137 ] || grep -q 'Command terminated by signal 9' "$dir/err"; then
    printf 'stopped after %s s' "$cap"
  else
    tail -n1 "$dir/err" | awk -F', ' '{printf "%s, %d MB", $1, $2/1024}'
  fi
}

row() { # label, args…
  local label="$1"; shift
  if [ -n "$old" ]; then
    printf '| %s | %s | %s |\n' "$label" "$(measure "$old" "$@")" "$(measure "$new" "$@")"
  else
    printf '| %s | %s |\n' "$label" "$(measure "$new" "$@")"
  fi
}

table 1000; table 9999; draft 20000; draft 199990
if [ -n "$old" ]; then echo "| input | before | after |"; echo "|---|---|---|"; else echo "| input | time, peak memory |"; echo "|---|---|"; fi
for n in 1000 9999; do
  row "table of $n rows, gen pdf" pdf "$dir/table-$n.yaml" -o "$dir/t.pdf"
  row "table of $n rows, gen docx" docx "$dir/table-$n.yaml" -o "$dir/t.docx"
done
for n in 20000 199990; do
  row "draft of $n numbered lines, gen import" import "$dir/draft-$n.txt" -o "$dir/d.yaml"
done
