#!/usr/bin/env bash
# Tests the release built by `mvn -B -Pdist -DskipTests package` as a user gets it: the tarball unpacked into a
# temporary directory and run with JAVA_HOME unset and a `java` first on PATH that only fails (so any use of a
# system JDK shows), then the .deb's metadata, contents and unpacked files. Run by .ci/run after `mvn -B verify`.
#   scripts/test-release.sh [DIST_TARGET_DIR]   (default: dist/target)
set -uo pipefail
cd "$(dirname "$0")/.."
target=${1:-dist/target}
tarball=$(ls "$target"/switchboard-*-linux-x64.tar.gz 2>/dev/null | head -1)
deb=$(ls "$target"/switchboard_*_amd64.deb 2>/dev/null | head -1)
[ -n "$tarball" ] && [ -n "$deb" ] || { echo "test-release: no tarball or .deb in $target; build: mvn -B -Pdist -DskipTests package" >&2; exit 2; }

tmp=$(mktemp -d)
emulator_pid=""
cleanup() { [ -z "$emulator_pid" ] || kill "$emulator_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0 failed=0
check() { # check NAME COMMAND...: passes when COMMAND exits 0
  local name=$1; shift
  if "$@" >"$tmp/out" 2>&1; then passed=$((passed + 1)); echo "PASS $name"
  else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    /' "$tmp/out" | tail -20; fi
}

mkdir -p "$tmp/fake-jdk/bin" "$tmp/unpacked" "$tmp/work"
cat >"$tmp/fake-jdk/bin/java" <<FAKE
#!/bin/sh
echo "a system java was run: \$*" >>"$tmp/system-java-used"
echo "fake java: the release must not use a system JDK" >&2
exit 97
FAKE
chmod +x "$tmp/fake-jdk/bin/java"
tar -xzf "$tarball" -C "$tmp/unpacked"
home=$(ls -d "$tmp"/unpacked/switchboard-*)
sb="$home/bin/switchboard"
user() { (cd "$tmp/work" && env -u JAVA_HOME PATH="$tmp/fake-jdk/bin:$PATH" "$@"); }
contains() { # contains TEXT COMMAND...: COMMAND exits 0 and its output has TEXT
  local text=$1; shift
  "$@" >"$tmp/said" 2>&1 || { cat "$tmp/said"; return 1; }
  grep -qF -- "$text" "$tmp/said" || { echo "expected '$text' in:"; cat "$tmp/said"; return 1; }
}

echo "test-release: $tarball, $deb"
check "the java first on PATH is the failing one" test "$(user sh -c 'command -v java')" = "$tmp/fake-jdk/bin/java"
check "--version prints the version" contains "switchboard $(basename "$home" | sed 's/^switchboard-//')" user "$sb" --version
check "--help lists the commands" contains "completion" user "$sb" --help
check "completion bash prints picocli's script" contains "complete -F _complete_switchboard" user "$sb" completion bash
check "completion zsh prints a #compdef script" contains "#compdef switchboard" user "$sb" completion zsh
check "demo runs the migration on the embedded emulator" user "$sb" demo
# -XX:AOTMode=on fails the run when the cache the launcher picks cannot be used.
check "the AOT cache of --version is valid where the release was unpacked (-XX:AOTMode=on)" \
  user env SWITCHBOARD_JAVA_OPTS=-XX:AOTMode=on "$sb" --version
check "the general AOT cache is valid too (completion, -XX:AOTMode=on)" \
  user env SWITCHBOARD_JAVA_OPTS=-XX:AOTMode=on "$sb" completion bash

# The standalone emulator on an ephemeral port, then a Daily command against it.
user env SWITCHBOARD_JAVA_OPTS=-XX:AOTMode=on "$sb" emulator --port 0 >"$tmp/emulator.out" 2>&1 &
emulator_pid=$!
wait_ready() {
  for _ in $(seq 1200); do
    grep -q "listening on http://127.0.0.1:" "$tmp/emulator.out" && return 0
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$tmp/emulator.out"; return 1; }
    sleep 0.05
  done
  echo "no ready line in 60 s"; cat "$tmp/emulator.out"; return 1
}
check "emulator --port 0 prints its ready line (with its AOT cache, -XX:AOTMode=on)" wait_ready
api=$(sed -n 's#.*(Daily API \(http://127.0.0.1:[0-9]*/v1\);.*#\1#p' "$tmp/emulator.out" | head -1)
check "daily numbers list against the emulator (with its AOT cache, -XX:AOTMode=on)" \
  contains "+1" user env DAILY_API_URL="$api" DAILY_API_KEY=source-key SWITCHBOARD_JAVA_OPTS=-XX:AOTMode=on "$sb" daily numbers list
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null; emulator_pid=""
check "no system java was run" test ! -e "$tmp/system-java-used"

check "man pages: switchboard.1 and one per subcommand, in troff" bash -c \
  "grep -q '^\.TH \"SWITCHBOARD\"' '$home/share/man/man1/switchboard.1' && test -f '$home/share/man/man1/switchboard-daily-numbers-list.1' && test \$(ls '$home/share/man/man1' | wc -l) -gt 20"
check "completion scripts are in the tarball" test -s "$home/share/bash-completion/completions/switchboard" -a -s "$home/share/zsh/site-functions/_switchboard"
check "the runtime is jlinked: few modules, no compiler" bash -c \
  "test ! -e '$home/runtime/bin/javac' && test \$('$home/runtime/bin/java' --list-modules | wc -l) -le 12"

# The .deb
check "dpkg-deb --info names the package" contains "Package: switchboard" dpkg-deb --info "$deb"
dpkg-deb --contents "$deb" >"$tmp/contents" 2>&1
for path in ./opt/switchboard/bin/switchboard ./opt/switchboard/lib/switchboard.jar ./opt/switchboard/lib/aot/switchboard.aot \
  ./opt/switchboard/lib/aot/help.aot ./opt/switchboard/lib/aot/daily.aot ./opt/switchboard/lib/aot/emulator.aot \
  ./opt/switchboard/runtime/bin/java "./usr/bin/switchboard -> /opt/switchboard/bin/switchboard" \
  ./usr/share/man/man1/switchboard.1.gz ./usr/share/man/man1/switchboard-daily-numbers-list.1.gz \
  ./usr/share/bash-completion/completions/switchboard ./usr/share/zsh/vendor-completions/_switchboard; do
  check "dpkg-deb --contents has $path" grep -qF -- "$path" "$tmp/contents"
done
dpkg-deb -x "$deb" "$tmp/deb"
check "the .deb's files run --version" contains "switchboard " user "$tmp/deb/opt/switchboard/bin/switchboard" --version
check "still no system java was run" test ! -e "$tmp/system-java-used"

echo "test-release: $passed passed, $failed failed"
[ "$failed" = 0 ]
