#!/usr/bin/env bash
# Builds cs and runs every test: the Criterion unit tests and the script
# tests through ctest, in the release build, under ASan+UBSan, and with the
# collector in stress mode (CS_GC_STRESS=1). Set CS_QUICK=1 for the release
# pass only. CS_WERROR=ON makes warnings errors (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
werror=${CS_WERROR:-OFF}
jobs=$(nproc)

run_pass() { # name build-dir cmake-args... ; env for ctest comes from the caller
    local name=$1 dir=$2; shift 2
    echo "== $name"
    cmake -S . -B "$dir" -DCS_WERROR="$werror" "$@" > /dev/null
    cmake --build "$dir" -j"$jobs"
    (cd "$dir" && ctest --output-on-failure -j"$jobs")
}

run_pass release build -DCMAKE_BUILD_TYPE=Release
if [ "${CS_QUICK:-0}" != 1 ]; then
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
        run_pass asan-ubsan build-asan -DCMAKE_BUILD_TYPE=Debug -DCS_SANITIZE=address,undefined
    CS_GC_STRESS=1 run_pass gc-stress build-stress -DCMAKE_BUILD_TYPE=Release
fi
echo "all test passes succeeded"
