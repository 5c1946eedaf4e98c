#!/usr/bin/env bash
# The hostile corpus (tests/hostile_corpus.rs), measured: for each input and
# command, wall time, peak memory and the first line of the message, for
# one or two `gen` binaries side by side (an older one to compare), each
# under the same caps as the test (1 GB of address space, 60 s here so that
# the old binary's slow cases show their time).
#
#   bash benches/hostile.sh                      # this checkout's gen
#   bash benches/hostile.sh OLD_GEN [NEW_GEN]    # before and after
#
# Writes the corpus with the test itself (GONGWEN_CORPUS_KEEP), so the
# inputs are exactly the test's. Needs GNU time (/usr/bin/time), prlimit
# and timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
new="${2:-$target/release/gen}"
old="${1:-}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
GONGWEN_CORPUS_KEEP="$corpus" cargo test -q --release --test hostile_corpus >/dev/null 2>&1 || true

measure() { # binary, args… → "seconds KB exit message"
  local bin="$1"; shift
  local err; err="$(mktemp)"
  local code=0
  /usr/bin/time -o "$err.time" -f '%e %M' timeout -s KILL 60 prlimit --as=$((1 << 30)) -- \
    "$bin" "$@" >/dev/null 2>"$err" || code=$?
  local msg; msg="$(grep -v '^\[' "$err" | grep -v '^stack backtrace' | head -n1 | sed 's/.*: error: //' | cut -c1-90)"
  printf '%s exit=%s %s' "$(tail -n1 "$err.time" | awk '{printf "%ss %dMB", $1, $2/1024}')" "$code" "$msg"
  rm -f "$err" "$err.time"
}

row() { # label, args…
  local label="$1"; shift
  local out; out="$(mktemp -d)"
  local args=("$@")
  for i in "${!args[@]}"; do args[$i]="${args[$i]//@OUT@/$out}"; done
  if [ -n "$old" ]; then
    printf '| %s | %s | %s |\n' "$label" "$(measure "$old" "${args[@]}")" "$(measure "$new" "${args[@]}")"
  else
    printf '| %s | %s |\n' "$label" "$(measure "$new" "${args[@]}")"
  fi
  rm -rf "$out"
}

if [ -n "$old" ]; then
  echo "| case | before | after |"; echo "|---|---|---|"
else
  echo "| case | result |"; echo "|---|---|"
fi
for doc in "$corpus"/documents/*.yaml; do
  name="$(basename "$doc" .yaml)"
  row "$name pdf" pdf "$doc" -o @OUT@/x.pdf
  row "$name docx" docx "$doc" -o @OUT@/x.docx
  row "$name check" check "$doc"
done
for input in "$corpus"/imports/*; do
  case "$input" in *.yaml) continue ;; esac
  row "$(basename "$input") import" import "$input" -o @OUT@/x.yaml
done
row "/dev/zero pdf" pdf /dev/zero -o @OUT@/x.pdf
row "/dev/zero import" import /dev/zero -o @OUT@/x.yaml
