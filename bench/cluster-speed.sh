#!/usr/bin/env bash
# Speed of tournaments on a cluster against the local runner, on one machine (loopback):
#   local threads (1 and 2 jobs), one silo (1 and 2 workers), two single-worker silos.
# Usage: PGHOST=127.0.0.1 PGPORT=5432 PGUSER=parley PGPASSWORD=… PGDATABASE=parley bench/cluster-speed.sh [repetitions]
# Each configuration runs in its own PostgreSQL schema (dropped afterwards); the figure is the run's own time
# (the summary line: planning, batches, storing), not the process start. Silos are long-running services, so each
# cluster configuration first runs a short warm-up tournament (another seed) before the measured one; the coordinator
# is a fresh process every time, as it is for a user.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGHOST:?set PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE (as for psql)}"
base="Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-parley};Password=${PGPASSWORD:-};Database=${PGDATABASE:-parley}"
reps=${1:-2000}
dotnet build src/Parley.Cli -c Release -v q -nologo >/dev/null
parley=(dotnet src/Parley.Cli/bin/Release/net10.0/Parley.Cli.dll)
work=$(mktemp -d)
silos=()
cleanup() { for p in "${silos[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/t.yaml" <<YAML
seed: 5
protocol: {name: sao, rounds: 1000}
repetitions: $reps
negotiators: [boulware, linear, conceder, titfortat, random]
scenarios: [$PWD/scenarios/Laptop, $PWD/scenarios/EnglandZimbabwe]
YAML
sed -e 's/^seed: 5/seed: 6/' -e "s/^repetitions: .*/repetitions: $(( reps / 10 + 1 ))/" "$work/t.yaml" >"$work/warm.yaml"
schema() { # a fresh schema; prints the connection string that uses it
  local name="bench_$1_$$"
  psql -qc "DROP SCHEMA IF EXISTS $name CASCADE; CREATE SCHEMA $name" >/dev/null
  echo "$base;Search Path=$name"
}
seconds() { tr '\n' ' ' | tee -a "$work/lines" | sed -E 's/.* in +([0-9.]+) s \(.*/\1/'; }
start_silo() { # connection, workers
  "${parley[@]}" silo --cluster "$1" --workers "$2" >"$work/silo-$RANDOM.log" 2>&1 &
  silos+=($!)
}
wait_silos() { # connection, count
  local name=${1##*Search Path=}
  for _ in $(seq 120); do
    n=$(psql -tAc "SELECT count(*) FROM $name.OrleansMembershipTable WHERE Status = 3" 2>/dev/null || echo 0)
    [ "$n" -ge "$2" ] && return 0
    sleep 0.5
  done
  echo "silos did not join" >&2; exit 1
}
stop_silos() { for p in "${silos[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; silos=(); }
local_run() { # jobs; results in PostgreSQL as on the cluster
  local cs; cs=$(schema "l$1")
  "${parley[@]}" tournament run "$work/t.yaml" --pg "$cs" --jobs "$1" --quiet | seconds
  psql -qc "DROP SCHEMA IF EXISTS ${cs##*Search Path=} CASCADE" >/dev/null
}
cluster_run() { # silos, workers
  local cs; cs=$(schema "c$1x$2")
  for _ in $(seq "$1"); do start_silo "$cs" "$2"; done
  wait_silos "$cs" "$1"
  "${parley[@]}" tournament run "$work/warm.yaml" --cluster "$cs" --quiet >/dev/null
  "${parley[@]}" tournament run "$work/t.yaml" --cluster "$cs" --quiet | seconds
  stop_silos
  psql -qc "DROP SCHEMA IF EXISTS ${cs##*Search Path=} CASCADE" >/dev/null
}
n=$((2 * 25 * 2 * reps))
l1=$(local_run 1); c11=$(cluster_run 1 1); c21=$(cluster_run 2 1); l2=$(local_run 2); c12=$(cluster_run 1 2)
sed 's/ Tournament/\nTournament/g' "$work/lines" | sed '/^$/d'
printf '%s negotiations (%s repetitions), seconds of the run:\n' "$n" "$reps"
printf '  local runner, 1 thread:          %s\n' "$l1"
printf '  cluster, 1 silo x 1 worker:      %s\n' "$c11"
printf '  cluster, 2 silos x 1 worker:     %s   (speed-up over 1 silo: %s)\n' "$c21" "$(echo "scale=2; $c11 / $c21" | bc)"
printf '  local runner, 2 threads:         %s\n' "$l2"
printf '  cluster, 1 silo x 2 workers:     %s   (overhead against local 2 threads: %s%%)\n' "$c12" "$(echo "scale=1; ($c12 - $l2) * 100 / $l2" | bc)"
printf '  overhead, 1 worker: cluster %s s against local %s s: %s%%\n' "$c11" "$l1" "$(echo "scale=1; ($c11 - $l1) * 100 / $l1" | bc)"
