#!/usr/bin/env bash
# Scale benchmark (not a test): the content compiler on synthetic archives of 100, 10,000 and 100,000 articles,
# with Hugo (Debian's package, minimal layouts that render every page) on the same 10,000 as a baseline.
# Prints wall time, peak memory and the ratios. Needs ./x build first (for dist/shell.html and the loader, dist/loader-HASH.js).
#
#   bench/scale.sh [SIZES...]      default: 100 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100 10000 100000}")
loader=$(ls dist/loader-*.js 2>/dev/null | head -n 1)
[ -f dist/shell.html ] && [ -n "$loader" ] || { echo "bench/scale.sh: run ./x build first (dist/shell.html or dist/loader-HASH.js is missing)" >&2; exit 1; }
command -v hugo >/dev/null || { echo "bench: installing Debian's hugo"; apt-get install -y -qq hugo >/dev/null; }
echo "bench: building the compiler (profile native)"
cargo build --quiet --locked --profile native -p broadsheet-compiler
compiler=target/native/broadsheet-compile
measure() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
declare -A secs mem listing
for n in ${sizes[*]}; do
  dir=target/bench/$n
  node bench/generate.mjs "$n" "$dir" >/dev/null
  rm -rf "$dir/site" && mkdir -p "$dir/site" && cp dist/shell.html "$loader" "$dir/site/"
  read -r s m < <(measure "$compiler" --out "$dir/site/content" --site "$dir/site" "$dir/content")
  secs[$n]=$s; mem[$n]=$m
  listing[$n]=$(wc -c < "$dir/site/content/latest/page-2.json")
  printf 'broadsheet-compile %7d articles: %8.2f s  peak %6.0f MiB  (a listing page: %d bytes)\n' "$n" "$s" "$(echo "$m / 1024" | bc -l)" "${listing[$n]}"
done
hugo_n=10000
if [ -d "target/bench/$hugo_n" ]; then
  read -r hs hm < <(measure hugo --quiet --source "target/bench/$hugo_n/hugo" --destination "$PWD/target/bench/$hugo_n/hugo-public")
  printf 'hugo %s     %7d articles: %8.2f s  peak %6.0f MiB\n' "$(hugo version | grep -o 'v[0-9.]*' | head -n1)" "$hugo_n" "$hs" "$(echo "$hm / 1024" | bc -l)"
  printf 'broadsheet / hugo at %d: time %.2fx, memory %.2fx\n' "$hugo_n" "$(echo "${secs[$hugo_n]} / $hs" | bc -l)" "$(echo "${mem[$hugo_n]} / $hm" | bc -l)"
fi
if [ -n "${secs[10000]:-}" ] && [ -n "${secs[100000]:-}" ]; then
  printf '10k -> 100k: time %.2fx (limit 12x), memory %.2fx\n' "$(echo "${secs[100000]} / ${secs[10000]}" | bc -l)" "$(echo "${mem[100000]} / ${mem[10000]}" | bc -l)"
fi
if [ -n "${listing[100]:-}" ] && [ -n "${listing[100000]:-}" ]; then
  printf 'a listing page at 100 vs 100,000 articles: %d vs %d bytes\n' "${listing[100]}" "${listing[100000]}"
fi
