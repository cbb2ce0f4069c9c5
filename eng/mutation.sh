#!/usr/bin/env bash
# Mutation testing (Stryker.NET, a local dotnet tool: .config/dotnet-tools.json) over the library folders that have a
# configuration in eng/stryker/: Protocols, Tournaments, Analysis, Scenarios, Reports. Documented in docs/testing.md.
#
#   eng/mutation.sh [RANGE | all | NAME...] [-- STRYKER ARGS...]
#
#   RANGE        a git range (default: origin/main...HEAD, or HEAD~1..HEAD without origin/main); runs only the
#                configurations whose folder (src/Parley/<Folder>/) has a changed file in that range
#   all          every configuration
#   NAME...      the named configurations (protocols, tournaments, analysis, scenarios, reports)
#   STRYKER ARGS passed on to dotnet stryker, e.g. --mutate "**/Protocols/Shuttle/*.cs" or --break-at 85
#
# Configurations run one after the other, never two at once, each with one test process (concurrency 1). Reports go to
# StrykerOutput/<name>/ (html, json, markdown); the script prints each score and exits non-zero if a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A folders=([protocols]=Protocols [tournaments]=Tournaments [analysis]=Analysis [scenarios]=Scenarios [reports]=Reports)
order=(protocols tournaments analysis scenarios reports)

selection=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; extra=("$@"); break ;;
    *) selection+=("$1"); shift ;;
  esac
done

run=()
if [ ${#selection[@]} -eq 1 ] && [ "${selection[0]}" = all ]; then
  run=("${order[@]}")
elif [ ${#selection[@]} -gt 0 ] && [ -n "${folders[${selection[0]}]+x}" ]; then
  for name in "${selection[@]}"; do
    [ -n "${folders[$name]+x}" ] || { echo "unknown configuration '$name'; expected one of: ${order[*]}" >&2; exit 2; }
    run+=("$name")
  done
else
  range=${selection[0]:-}
  if [ -z "$range" ]; then
    if git rev-parse -q --verify origin/main >/dev/null; then range=origin/main...HEAD; else range=HEAD~1..HEAD; fi
  fi
  changed=$(git diff --name-only "$range") || { echo "cannot read the git range '$range'" >&2; exit 2; }
  for name in "${order[@]}"; do
    if grep -q "^src/Parley/${folders[$name]}/" <<<"$changed"; then run+=("$name"); fi
  done
  if [ ${#run[@]} -eq 0 ]; then
    echo "no change under src/Parley/{Protocols,Tournaments,Analysis,Scenarios,Reports}/ in $range: nothing to mutate"
    exit 0
  fi
  echo "changed in $range: ${run[*]}"
fi

dotnet tool restore >/dev/null
root=$(pwd)
status=0
for name in "${run[@]}"; do
  out="$root/StrykerOutput/$name"
  echo "== mutation testing src/Parley/${folders[$name]} (eng/stryker/$name.json) -> $out"
  # From the test project's folder: Stryker then mutates the project it references (Parley.csproj) and runs this test
  # project only (from the repository root it would take the whole solution, browser tests included).
  if ! (cd tests/Parley.Tests && dotnet stryker --config-file "$root/eng/stryker/$name.json" --output "$out" "${extra[@]}"); then
    echo "== $name: stryker failed" >&2
    status=1
  fi
  report=$(ls -t "$out"/reports/mutation-report.md 2>/dev/null | head -1 || true)
  [ -n "$report" ] && grep -m1 -i "mutation score" "$report" || true
done
exit $status
