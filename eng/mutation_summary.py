#!/usr/bin/env python3
"""Summarises a Stryker JSON report for one scope as markdown: the score, each file's counts, every surviving or
uncovered mutant, and the accepted equivalent ones (tests/mutation/equivalent.tsv) with the reason each is
equivalent. The score is killed / (killed + undetected), where killed counts Killed and Timeout, undetected counts
Survived and NoCoverage, and an accepted equivalent mutant counts in neither."""
import json, os, re, sys

scope, report_path, equivalent_path, threshold, root = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
report = json.load(open(report_path))


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


equivalent = {}
for line in open(equivalent_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    s, path, mutator, original, replacement, reason = line.rstrip("\n").split("\t")
    if s == scope:
        equivalent[(path, mutator, squash(original), squash(replacement))] = reason


def original_text(source, location):
    lines = source.split("\n")
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    parts = [lines[start["line"] - 1][start["column"] - 1:]]
    parts += lines[start["line"]:end["line"] - 1]
    parts.append(lines[end["line"] - 1][:end["column"] - 1])
    return "\n".join(parts)


rows, undetected, accepted, unused = [], [], [], set(equivalent)
total_killed = total_undetected = total_accepted = total_other = 0
for path, file in sorted(report["files"].items()):
    relative = os.path.relpath(os.path.join(report.get("projectRoot", ""), path) if not os.path.isabs(path) else path, root)
    killed = und = acc = other = 0
    for mutant in file["mutants"]:
        status = mutant["status"]
        original = squash(original_text(file["source"], mutant["location"]))
        replacement = squash(mutant.get("replacement", ""))
        key = (relative, mutant["mutatorName"], original, replacement)
        where = f'{relative}:{mutant["location"]["start"]["line"]}'
        if status in ("Killed", "Timeout"):
            killed += 1
        elif status in ("Survived", "NoCoverage"):
            if key in equivalent:
                acc += 1
                unused.discard(key)
                accepted.append((where, mutant["mutatorName"], original, replacement, equivalent[key]))
            else:
                und += 1
                undetected.append((where, status, mutant["mutatorName"], original, replacement))
        else:
            other += 1  # CompileError, Ignored: never placed in a running program
    if killed + und + acc == 0:
        continue  # a file outside the scope: every mutant removed by the mutate filter
    score = 100.0 * killed / (killed + und) if killed + und else 100.0
    rows.append((relative, killed, und, acc, other, score))
    total_killed += killed; total_undetected += und; total_accepted += acc; total_other += other

score = 100.0 * total_killed / (total_killed + total_undetected) if total_killed + total_undetected else 100.0
passed = score >= threshold
cell = lambda s: s.replace("|", "\\|").replace("`", "'")
print(f"# Mutation report: {scope}")
print()
print(f"Score: {score:.2f}% of non-equivalent mutants killed ({total_killed} killed, {total_undetected} undetected, "
      f"{total_accepted} accepted as equivalent, {total_other} not compiled or ignored); threshold {threshold:.0f}%.")
print(f"Result: {'pass' if passed else 'FAIL'}")
print()
print("Made by `eng/mutation.sh " + scope + "` (Stryker.NET, Standard level, per-test coverage); the hashes of the files it mutated are in `" + scope + ".sha256`.")
print()
print("| file | killed | undetected | equivalent | not run | score |")
print("|---|---:|---:|---:|---:|---:|")
for relative, killed, und, acc, other, s in rows:
    print(f"| `{relative}` | {killed} | {und} | {acc} | {other} | {s:.2f}% |")
print()
print("## Undetected mutants")
print()
if undetected:
    print("| where | status | mutator | original | mutant |")
    print("|---|---|---|---|---|")
    for where, status, mutator, original, replacement in undetected:
        print(f"| `{where}` | {status} | {mutator} | `{cell(original)[:120]}` | `{cell(replacement)[:120]}` |")
else:
    print("None.")
print()
print("## Accepted equivalent mutants")
print()
if accepted:
    print("| where | mutator | original | mutant | why it cannot change behaviour |")
    print("|---|---|---|---|---|")
    for where, mutator, original, replacement, reason in accepted:
        print(f"| `{where}` | {mutator} | `{cell(original)[:120]}` | `{cell(replacement)[:120]}` | {cell(reason)} |")
else:
    print("None.")
if unused:
    print()
    print("Entries of equivalent.tsv that matched no undetected mutant (stale): " + "; ".join(f"{k[0]} {k[1]} `{k[2]}`" for k in sorted(unused)))
