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

# AOT cache (JDK 25): one JVM runs typical commands (help, version, daily numbers list against an embedded
# emulator, completion, demo) and the cache records what they load, link and profile. The JVM options must be
# those of bin/switchboard, or the cache is not used. JDK 21-24: a CDS archive of the same run instead.
training=$(mktemp -d)
jvm=("$image/runtime/bin/java" -XX:+UseSerialGC -XX:-UsePerfData)
run_training() { (cd "$training" && "${jvm[@]}" "$@" -cp "$image/lib/switchboard.jar" dev.switchboard.cli.AotTraining); }
started=$(date +%s)
if [ "$feature" -ge 25 ]; then
  run_training -XX:AOTCacheOutput="$image/lib/switchboard.aot" -Xlog:aot=warning -Xlog:cds=warning >"$target/aot-training.log" 2>&1 \
    || { cat "$target/aot-training.log" >&2; fail "AOT training run failed (log above)"; }
else
  run_training -XX:ArchiveClassesAtExit="$image/lib/switchboard.jsa" -Xlog:cds=warning >"$target/aot-training.log" 2>&1 \
    || { cat "$target/aot-training.log" >&2; fail "CDS training run failed (log above)"; }
fi
rm -rf "$training"
step "AOT/CDS cache trained in $(( $(date +%s) - started )) s: $(ls "$image/lib" | grep -v '\.jar$' | tr '\n' ' ')"

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
