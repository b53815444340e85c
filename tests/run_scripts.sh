#!/usr/bin/env bash
# Runs script tests: every NAME.cs under DIR that has NAME.out and/or
# NAME.err beside it. stdout must equal NAME.out byte for byte (empty when
# there is no .out); with NAME.err the run must fail and the last non-empty
# stderr line must equal the first line of NAME.err, otherwise it must exit 0.
# A NAME.cs with neither file is a helper module, not a test. Scripts run
# from their own folder; NAME.args, if present, holds extra arguments and
# NAME.in is fed to stdin.
#
#   run_scripts.sh CS DIR [TIMEOUT]
set -u
cs=$1; dir=$2; limit=${3:-30}
case $cs in /*) ;; */*) cs=$(cd "$(dirname "$cs")" && pwd)/$(basename "$cs") ;; esac
pass=0; fail=0; failed=()
while IFS= read -r f; do
    base=${f%.cs}; name=$(basename "$base"); d=$(dirname "$f")
    [ -f "$base.out" ] || [ -f "$base.err" ] || continue
    args=(); [ -f "$base.args" ] && read -r -a args < "$base.args"
    input=/dev/null; [ -f "$base.in" ] && input="$(cd "$d" && pwd)/$name.in"
    out=$(mktemp); err=$(mktemp)
    ( cd "$d" && timeout -k 2 "$limit" "$cs" "$name.cs" "${args[@]}" < "$input" > "$out" 2> "$err" )
    rc=$?
    why=""
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        why="timed out after ${limit}s"
    elif [ -f "$base.err" ]; then
        want=$(head -n1 "$base.err"); got=$(grep -v '^[[:space:]]*$' "$err" | tail -n1)
        if [ $rc -eq 0 ]; then why="exit 0, expected failure"
        elif [ "$want" != "$got" ]; then why="stderr ends [$got], expected [$want]"; fi
    elif [ $rc -ne 0 ]; then
        why="exit $rc: $(grep -v '^[[:space:]]*$' "$err" | tail -n1 | cut -c1-200)"
    fi
    expect="$base.out"; [ -f "$expect" ] || expect=/dev/null
    if [ -z "$why" ] && ! cmp -s "$out" "$expect"; then
        why="stdout differs:"$'\n'"$(diff "$expect" "$out" | head -n 10)"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); failed+=("FAIL $f: $why")
    fi
    rm -f "$out" "$err"
done < <(find "$dir" -name '*.cs' -type f | sort)
for line in "${failed[@]+"${failed[@]}"}"; do echo "$line"; done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $((pass + fail)) -gt 0 ]
