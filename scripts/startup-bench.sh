#!/usr/bin/env bash
# Start-up benchmark of the release: the packaged command (bundled runtime + AOT cache) beside plain
# `java -jar` of the same jar, measured in one run, interleaved so both see the same machine load.
# Prints the median of N runs (default 11, at least 5) per command, the ratio, and PASS/FAIL against the
# targets of issue 11 (judged on wall time); exit 1 when a target fails. CPU time (user + system) is printed
# beside it: on a loaded machine wall time mostly measures waiting for a core. Then the classes each command
# loads (-Xlog:class+load; packaged: how many of them came from its AOT cache).
#   scripts/startup-bench.sh [RELEASE_DIR] [N]
# RELEASE_DIR: an unpacked release (default: dist/target/dist/switchboard-*, built by mvn -B -Pdist -DskipTests package).
# The plain java is `java` on PATH (override with BENCH_JAVA); the jar is RELEASE_DIR/lib/switchboard.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
release=${1:-$(ls -d dist/target/dist/switchboard-* 2>/dev/null | head -1)}
runs=${2:-11}
[ -n "$release" ] && [ -x "$release/bin/switchboard" ] || { echo "startup-bench: no release; build it: mvn -B -Pdist -DskipTests package" >&2; exit 2; }
[ "$runs" -ge 5 ] || { echo "startup-bench: N must be at least 5" >&2; exit 2; }
packaged=("$release/bin/switchboard")
plain=("${BENCH_JAVA:-java}" -jar "$release/lib/switchboard.jar")
work=$(mktemp -d)
emulator_pid=""
cleanup() { [ -z "$emulator_pid" ] || kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

now() { date +%s%N; }
# Milliseconds one command line takes, start to exit (it must exit 0); its CPU milliseconds (user + system, all
# threads) go to the file $work/cpu. CPU time shows the work itself when other jobs load the machine.
seconds() {
  local start end TIMEFORMAT='%U %S'
  start=$(now)
  { time "$@" >/dev/null 2>"$work/err"; } 2>"$work/times" || { echo "startup-bench: '$*' failed:" >&2; cat "$work/err" >&2; exit 1; }
  end=$(now)
  awk '{printf "%d\n", ($1 + $2) * 1000}' "$work/times" >>"$work/cpu"
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1000}'; }

# Starts `switchboard emulator --port 0` with the given launcher; prints milliseconds from start to the first
# answered request (a Daily API read with the demo key), and leaves the port in $work/port.
start_emulator() {
  local start log="$work/emulator.out" port="" code
  : >"$log"
  start=$(now)
  "$@" emulator --port 0 --no-rate-limits >"$log" 2>&1 &
  emulator_pid=$!
  while :; do
    if [ -z "$port" ]; then
      port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$log" | head -1)
    fi
    if [ -n "$port" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer source-key' \
        "http://127.0.0.1:$port/v1/purchased-phone-numbers" || true)
      [ "$code" = 200 ] && break
    fi
    kill -0 "$emulator_pid" 2>/dev/null || { echo "startup-bench: the emulator died:" >&2; cat "$log" >&2; exit 1; }
    [ $(( ($(now) - start) / 1000000000 )) -lt 60 ] || { echo "startup-bench: no answer from the emulator in 60 s" >&2; exit 1; }
    sleep 0.005
  done
  echo $(( ($(now) - start) / 1000000 ))
  echo "$port" >"$work/port"
}
stop_emulator() { kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""; }

echo "Start-up of $release: packaged runtime vs plain '${plain[*]}'"
echo "median of $runs runs each, interleaved; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  for launcher in packaged plain; do
    declare -n cmd=$launcher
    start_emulator "${cmd[@]}" >>"$work/first-$launcher"
    stop_emulator
  done
done
start_emulator "${packaged[@]}" >/dev/null
api="http://127.0.0.1:$(cat "$work/port")/v1"

printf '\n%-24s %9s %9s %6s %9s %9s %6s %8s %s\n' "command" "packaged" "java -jar" "ratio" \
  "cpu pack." "cpu jar" "ratio" "target" "result"
failed=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", b / a}'; }
report() { # NAME TARGET WALL_OURS WALL_THEIRS [CPU_OURS CPU_THEIRS]
  local name=$1 target=$2 ours=$3 theirs=$4 cpu_ours=${5:-} cpu_theirs=${6:-} verdict=PASS
  if [ -n "$target" ] && awk -v a="$ours" -v t="$target" 'BEGIN {exit !(a > t)}'; then verdict=FAIL; failed=1; fi
  printf '%-24s %8ss %8ss %6s %9s %9s %6s %8s %s\n' "$name" "$ours" "$theirs" "$(ratio "$ours" "$theirs")" \
    "${cpu_ours:+${cpu_ours}s}" "${cpu_theirs:+${cpu_theirs}s}" "${cpu_ours:+$(ratio "$cpu_ours" "$cpu_theirs")}" \
    "${target:+<= ${target}s}" "${target:+$verdict}"
}
bench() {
  local name=$1 target=$2; shift 2
  : >"$work/a"; : >"$work/b"; : >"$work/cpu-a"; : >"$work/cpu-b"
  for _ in $(seq "$runs"); do
    : >"$work/cpu"
    seconds env DAILY_API_URL="$api" DAILY_API_KEY=source-key "${packaged[@]}" "$@" >>"$work/a"
    cat "$work/cpu" >>"$work/cpu-a"; : >"$work/cpu"
    seconds env DAILY_API_URL="$api" DAILY_API_KEY=source-key "${plain[@]}" "$@" >>"$work/b"
    cat "$work/cpu" >>"$work/cpu-b"
  done
  report "$name" "$target" "$(median <"$work/a")" "$(median <"$work/b")" "$(median <"$work/cpu-a")" "$(median <"$work/cpu-b")"
}
bench "--help" 0.25 --help
bench "--version" 0.25 --version
bench "daily numbers list" 0.45 daily numbers list
stop_emulator
report "emulator: first answer" 1 "$(median <"$work/first-packaged")" "$(median <"$work/first-plain")"
echo "(emulator first answer: from launch to the first answered request, median of $runs starts each)"

# Classes loaded by one run of each command line.
classes() { # LAUNCHER_NAME ARGS...: "total (from the AOT cache)"
  local launcher=$1; shift
  local log="$work/classes.log"
  if [ "$launcher" = packaged ]; then
    env DAILY_API_URL="$api" DAILY_API_KEY=source-key SWITCHBOARD_JAVA_OPTS="-Xlog:class+load:file=$log" \
      "${packaged[@]}" "$@" >/dev/null 2>&1
  else
    env DAILY_API_URL="$api" DAILY_API_KEY=source-key "${BENCH_JAVA:-java}" "-Xlog:class+load:file=$log" \
      -jar "$release/lib/switchboard.jar" "$@" >/dev/null 2>&1
  fi
  echo "$(wc -l <"$log") ($(grep -c 'shared objects file' "$log" || true) cached)"
}
start_emulator "${packaged[@]}" >/dev/null
api="http://127.0.0.1:$(cat "$work/port")/v1"
printf '\n%-24s %-24s %s\n' "classes loaded" "packaged" "java -jar"
for line in "--help" "--version" "daily numbers list"; do
  # shellcheck disable=SC2086  # the command line's words
  printf '%-24s %-24s %s\n' "$line" "$(classes packaged $line)" "$(classes plain $line)"
done
stop_emulator
echo
if [ "$failed" = 0 ]; then echo "startup-bench: all targets met"; else echo "startup-bench: a target was missed (FAIL above)"; fi
exit "$failed"
