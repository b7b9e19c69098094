#!/usr/bin/env bash
# Builds the release from the CLI's shaded jar: a jlinked runtime holding only the modules jdeps finds, the app,
# bin/switchboard, completion scripts, man pages and an AOT cache trained on typical commands; then packs it as
# switchboard-VERSION-linux-x64.tar.gz and, from the same files, a .deb installing to /opt/switchboard.
# Called by the dist module (mvn -B -Pdist -DskipTests package):
#   dist.sh JDK JAR VERSION MAN_DIR TARGET_DIR
set -euo pipefail
jdk=$1 jar=$2 version=$3 man=$4 target=$5
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
step() { printf 'dist: %s\n' "$*"; }
fail() { printf 'dist: %s\n' "$*" >&2; exit 1; }

[ -x "$jdk/bin/jlink" ] || fail "no JDK at $jdk (need 21+, 25 for the AOT cache); pass -Ddist.jdk=/path/to/jdk"
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
[ "${feature:-0}" -ge 21 ] || fail "$jdk is JDK ${feature:-?}; the release runtime needs JDK 21+ (25 for the AOT cache)"
[ -f "$jar" ] || fail "no CLI jar at $jar: build the cli module first (it is part of the -Pdist reactor)"
ls "$man"/*.1 >/dev/null 2>&1 || fail "no man pages in $man"

name="switchboard-$version"
stage="$target/dist"
image="$stage/$name"
rm -rf "$stage" && mkdir -p "$image/bin" "$image/lib" "$image/share/man/man1" \
  "$image/share/bash-completion/completions" "$image/share/zsh/site-functions"

modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$feature" "$jar")
step "JDK $feature at $jdk; modules (jdeps): $modules"
"$jdk/bin/jlink" --add-modules "$modules" --output "$image/runtime" \
  --strip-debug --no-header-files --no-man-pages
cp "$jar" "$image/lib/switchboard.jar"
install -m 0755 "$here/switchboard" "$image/bin/switchboard"
cp "$man"/*.1 "$image/share/man/man1/"

# The completion scripts come from the packaged command itself: a first smoke test of the runtime.
"$image/bin/switchboard" completion bash >"$image/share/bash-completion/completions/switchboard"
"$image/bin/switchboard" completion zsh >"$image/share/zsh/site-functions/_switchboard"

# AOT caches (JDK 25). A JVM started with a cache loads every class the cache holds before main, so one cache
# trained on everything (4,400 classes) makes `--version` pay for `demo`. So there is one cache per kind of
# command line, each trained by running such command lines as bin/switchboard runs them, and bin/switchboard
# picks the cache by the command's first word (see the launcher): help (--help, --version, help), daily (the
# client against an emulator in another process), emulator (the standalone server answering a Daily client,
# written when SIGTERM ends it), and switchboard for everything else (typical commands of every kind against an
# embedded emulator). The JVM options must be those of bin/switchboard, or a cache is not used.
# JDK 21-24: one CDS archive of the general run instead.
training=$(mktemp -d)
emulator=""
trap '[ -z "$emulator" ] || kill "$emulator" 2>/dev/null || true' EXIT
log="$target/aot-training.log"
: >"$log"
jvm=("$image/runtime/bin/java" -XX:+UseSerialGC -XX:-UsePerfData -cp "$image/lib/switchboard.jar")
# Training must not read the build user's config.toml or .env.
in_training() { (cd "$training" && env HOME="$training" XDG_CONFIG_HOME="$training/config" "$@"); }
train() { # NAME MAIN_CLASS ARGS...: one training JVM writes lib/aot/NAME.aot
  local name=$1; shift
  in_training "${jvm[@]}" -XX:AOTCacheOutput="$image/lib/aot/$name.aot" -Xlog:aot=warning -Xlog:cds=warning "$@" >>"$log" 2>&1 \
    || { cat "$log" >&2; fail "AOT training of $name failed (log above)"; }
}
started=$(date +%s)
if [ "$feature" -ge 25 ]; then
  mkdir -p "$image/lib/aot"
  train switchboard dev.switchboard.cli.AotTraining
  train help dev.switchboard.cli.AotTraining --each "--help" "--version" "help daily"
  # exec: $! must be the JVM itself, which writes its cache when SIGTERM ends it.
  (cd "$training" && exec env HOME="$training" XDG_CONFIG_HOME="$training/config" "${jvm[@]}" \
    -XX:AOTCacheOutput="$image/lib/aot/emulator.aot" -Xlog:aot=warning -Xlog:cds=warning \
    dev.switchboard.cli.Main emulator --port 0 --no-rate-limits) >"$training/emulator.out" 2>&1 &
  emulator=$!
  api=""
  for _ in $(seq 1200); do
    api=$(sed -n 's#.*(Daily API \(http://127.0.0.1:[0-9]*/v1\);.*#\1#p' "$training/emulator.out" | head -1)
    if [ -n "$api" ] || ! kill -0 "$emulator" 2>/dev/null; then break; fi
    sleep 0.05
  done
  [ -n "$api" ] || { cat "$training/emulator.out" >&2; kill "$emulator" 2>/dev/null; fail "the training emulator did not start"; }
  DAILY_API_URL="$api" DAILY_API_KEY=source-key train daily dev.switchboard.cli.AotTraining --each \
    "daily numbers list" "daily numbers list --output json" "daily dialin list" "daily numbers --help"
  kill -TERM "$emulator"
  wait "$emulator" || true
  emulator=""
  cat "$training/emulator.out" >>"$log"
  [ -s "$image/lib/aot/emulator.aot" ] || { cat "$log" >&2; fail "the emulator's AOT cache was not written (log above)"; }
else
  in_training "${jvm[@]}" -XX:ArchiveClassesAtExit="$image/lib/switchboard.jsa" -Xlog:cds=warning \
    dev.switchboard.cli.AotTraining >>"$log" 2>&1 || { cat "$log" >&2; fail "CDS training run failed (log above)"; }
fi
rm -rf "$training"
step "AOT/CDS caches trained in $(( $(date +%s) - started )) s: $(cd "$image/lib" && ls -s --block-size=M aot/* switchboard.jsa 2>/dev/null | tr '\n' ' ')"

tarball="$target/$name-linux-x64.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
step "tarball $tarball ($(du -h "$tarball" | cut -f1))"

# The .deb: the same files under /opt/switchboard, the command on PATH, man pages and completion where
# man, bash-completion and zsh look.
deb_version=${version//-/\~}
root="$target/deb-root"
rm -rf "$root" && mkdir -p "$root/DEBIAN" "$root/opt/switchboard" "$root/usr/bin" "$root/usr/share/man/man1" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" "$root/usr/share/doc/switchboard"
cp -a "$image/bin" "$image/lib" "$image/runtime" "$root/opt/switchboard/"
ln -s /opt/switchboard/bin/switchboard "$root/usr/bin/switchboard"
for page in "$image"/share/man/man1/*.1; do gzip -9n <"$page" >"$root/usr/share/man/man1/$(basename "$page").gz"; done
cp "$image/share/bash-completion/completions/switchboard" "$root/usr/share/bash-completion/completions/"
cp "$image/share/zsh/site-functions/_switchboard" "$root/usr/share/zsh/vendor-completions/"
printf 'Switchboard %s\nSafe, fast phone-number operations on Daily and SignalWire.\n' "$version" \
  >"$root/usr/share/doc/switchboard/README"
cat >"$root/DEBIAN/control" <<CONTROL
Package: switchboard
Version: $deb_version
Architecture: amd64
Maintainer: Switchboard developers <switchboard@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6, zlib1g
Section: utils
Priority: optional
Description: safe, fast phone-number operations on Daily and SignalWire
 Moves numbers and their dial-in routing between Daily domains with a reviewable plan,
 a crash-safe journal, resume and rollback; buys, configures and releases numbers in bulk;
 ships an emulator of both providers' APIs. Bundles its own Java runtime.
CONTROL
deb="$target/switchboard_${deb_version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
step "deb $deb ($(du -h "$deb" | cut -f1))"
