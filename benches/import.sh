#!/bin/sh
# Times `gen import` on about 1 MB of draft text (issue 21: a 1 MB text
# imports in under 0.3 s). Usage: benches/import.sh [path/to/gen]
# The text is the city portal page's head and the hard-wrapped draft's body
# repeated, so that every rule (chrome, metadata, digits, joins, headings,
# punctuation) runs on it.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${1:-${CARGO_TARGET_DIR:-$root/target}/release/gen}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fixtures=$root/tests/fixtures/import
head -n 24 "$fixtures/portal-city.txt" > "$dir/big.txt"
sed -n '5,22p' "$fixtures/draft-wrapped.txt" > "$dir/body.txt"
while [ "$(wc -c < "$dir/big.txt")" -lt 1048576 ]; do
    cat "$dir/body.txt" >> "$dir/big.txt"
done
printf '%s bytes, %s lines\n' "$(wc -c < "$dir/big.txt")" "$(wc -l < "$dir/big.txt")"
# Wall time, and (with GNU time) the CPU time, which a machine busy with
# other work inflates less.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f 'gen import: %e s wall, %U s user + %S s system CPU' \
        "$gen" import "$dir/big.txt" --format json > "$dir/report.json"
else
    start=$(date +%s.%N)
    "$gen" import "$dir/big.txt" --format json > "$dir/report.json"
    end=$(date +%s.%N)
    echo "gen import: $(echo "$end - $start" | bc) s"
fi
