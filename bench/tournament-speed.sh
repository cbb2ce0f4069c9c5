#!/usr/bin/env bash
# Tournament speed (issue 8): the NegMAS configuration of bench/negmas-tournament.yaml, scaled up by repetitions so that
# start-up and JIT warm-up do not dominate, run with the SQLite results database
#   - on one core:  taskset -c 0 parley tournament run … --jobs 1   (the whole process, writer included, on one core)
#   - one thread:   parley tournament run … --jobs 1              (one negotiation thread; the writer may use the other core)
#   - two cores:    parley tournament run … --jobs 2
# each ROUNDS times (default 3), alternating; prints every summary line and the median rate of each.
# Usage: bench/tournament-speed.sh [repetitions (default 1500 = 240,000 negotiations)] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-1500}
rounds=${2:-3}
dotnet build src/Parley.Cli -c Release -v q -nologo >/dev/null
parley=(src/Parley.Cli/bin/Release/net10.0/Parley.Cli)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shared=$(cd bench && realpath ../../shared)
sed -e "s/^repetitions: .*/repetitions: $reps/" -e "s#\.\./\.\./shared#$shared#" bench/negmas-tournament.yaml >"$work/t.yaml"
run() { # label, command prefix..., then jobs
  local label=$1 jobs=${*: -1}
  local prefix=("${@:2:$#-2}")
  rm -f "$work"/r.db*
  local line
  line=$("${prefix[@]}" "${parley[@]}" tournament run "$work/t.yaml" --db "$work/r.db" --jobs "$jobs" --quiet | tr '\n' ' ' | tr -s ' ')
  echo "$label: $line" >&2
  echo "$line" | sed -E 's/.*\(([0-9,]+)\/s.*/\1/' | tr -d , >>"$work/$label"
}
for _ in $(seq "$rounds"); do
  run one-core taskset -c 0 1
  run one-thread env 1
  run two-cores env 2
done
median() { sort -n "$work/$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c1=$(median one-core); t1=$(median one-thread); c2=$(median two-cores)
echo "negotiations/s (median of $rounds, $((160 * reps)) negotiations each):"
echo "  one core (taskset -c 0, --jobs 1): $c1"
echo "  one negotiation thread (--jobs 1): $t1"
echo "  two cores (--jobs 2):              $c2"
echo "  two cores / one core:   $(echo "scale=2; $c2 / $c1" | bc)"
echo "  --jobs 2 / --jobs 1:    $(echo "scale=2; $c2 / $t1" | bc)"
