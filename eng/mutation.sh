#!/usr/bin/env bash
# Mutation testing of the money-critical scopes with Stryker.NET (the local tool in .config/dotnet-tools.json).
#
#   eng/mutation.sh            run every scope in tests/mutation/scopes.tsv, one after the other
#   eng/mutation.sh money      run one scope (money-arithmetic, money-types, ledger, rules, memberships, credits)
#   eng/mutation.sh --check    no Stryker: fail when a scoped source file changed after its report was made
#                              or when a listed scope has no committed report
#
# Each scope mutates its files (Standard level, per-test coverage, one test process) and runs only the scope's own
# tests: the test folder that mirrors it, so a unit's mutants must be killed by the unit's tests. A run writes
#   tests/mutation/<scope>.md       the score, every surviving mutant, the accepted equivalent ones
#   tests/mutation/<scope>.sha256   the hash of every mutated file when the report was made (sha256sum format)
# and fails when the score is below the threshold. The score counts a mutant as killed when a test failed or timed
# out, and as undetected when it survived or no scoped test covered it; the mutants listed in
# tests/mutation/equivalent.tsv (each with the reason it cannot change behaviour) leave the count.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threshold=90
mutation="$root/tests/mutation"

scopes() { grep -v '^#' "$mutation/scopes.tsv" | grep -v '^\s*$'; }

# The files of a scope, relative to the repository root.
scope_files() {
  local project="$1" globs="$2" dir
  dir="$(dirname "$project")"
  for glob in $globs; do
    ls $dir/$glob
  done
}

check() {
  local status=0 scope project files
  while IFS=$'\t' read -r scope project _ _ globs; do
    if [ ! -f "$mutation/$scope.sha256" ]; then
      # Every listed scope has a committed report: a new scope lands with its first one.
      echo "scope '$scope' has no mutation report: run eng/mutation.sh $scope and commit tests/mutation/$scope.*"
      status=1
      continue
    fi
    files="$(scope_files "$project" "$globs" | sort)"
    if [ "$files" != "$(awk '{print $2}' "$mutation/$scope.sha256" | sort)" ]; then
      echo "scope '$scope' covers other files than its report: run eng/mutation.sh $scope"
      status=1
    elif ! sha256sum --quiet -c "$mutation/$scope.sha256"; then
      echo "a file of scope '$scope' changed after its mutation report: run eng/mutation.sh $scope and commit tests/mutation/$scope.*"
      status=1
    fi
  done < <(scopes)
  [ "$status" -eq 0 ] && echo "mutation reports match the sources of every reported scope ($(ls "$mutation"/*.sha256 2>/dev/null | wc -l) of $(scopes | wc -l))"
  return "$status"
}

run_scope() {
  local scope="$1" project test_project filter globs output args=()
  IFS=$'\t' read -r _ project test_project filter globs < <(scopes | awk -F'\t' -v s="$scope" '$1 == s')
  [ -n "$project" ] || { echo "unknown scope '$scope'"; return 2; }
  output="$root/artifacts/mutation/$scope"
  rm -rf "$output"
  mkdir -p "$output"
  for glob in $globs; do
    args+=(--mutate "**/$glob")
  done
  echo "==> mutation scope '$scope': $globs"
  # Stryker builds and rewrites the test project's output: run it on a copy of the working tree (tracked and
  # untracked files), so the tree stays free to build and edit, and the hashes are those of what was tested.
  local copy
  copy="$(mktemp -d "${TMPDIR:-/tmp}/mutation-$scope.XXXXXX")"
  git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$copy"
  (cd "$copy" && scope_files "$project" "$globs" | xargs sha256sum) > "$output/sources.sha256"
  (cd "$copy/$(dirname "$test_project")" && dotnet tool run dotnet-stryker \
    --config-file "$copy/tests/mutation/stryker-config.json" \
    --project "$(basename "$project")" \
    --test-case-filter "$filter" \
    --output "$output" \
    --skip-version-check \
    "${args[@]}")
  rm -rf "$copy"
  python3 "$root/eng/mutation_summary.py" "$scope" "$output/reports/mutation-report.json" "$mutation/equivalent.tsv" "$threshold" "$copy" \
    > "$mutation/$scope.md"
  cp "$output/sources.sha256" "$mutation/$scope.sha256"
  sed -n '1,12p' "$mutation/$scope.md"
  grep -q '^Result: pass' "$mutation/$scope.md"
}

case "${1:-}" in
  --check) check ;;
  "")
    status=0
    for scope in $(scopes | cut -f1); do run_scope "$scope" || status=1; done
    exit "$status"
    ;;
  *) for scope in "$@"; do run_scope "$scope"; done ;;
esac
