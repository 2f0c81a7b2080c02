#!/bin/sh
# Makes the app's class-data archive (AppCDS) of a Linux app image: starts the launcher once with --smoke-test and
# -XX:ArchiveClassesAtExit, so the classes of the sign-in window are archived at exit, and the next starts map them
# instead of loading and verifying them again. The launcher's options name the runtime's archive first and this one
# on top; a missing archive is skipped, and so is a stale one (a rebuilt jar, a moved folder: JDK 17 checks the jar's
# path, size and time): the JVM then says so with -Xlog:cds and starts with the runtime's archive alone.
# Usage: cds-archive.sh APP_IMAGE_DIR   (needs a display, or xvfb-run to make one; without, it skips)
set -eu
app="$1"
cfg="$app/lib/app/license-desk.cfg"
archive="$app/lib/app/license-desk.jsa"
if [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null 2>&1; then
    echo "cds-archive: no display and no xvfb-run: no app archive (the runtime's archive is still used)" >&2
    exit 0
fi
rm -f "$archive"
# while dumping, the JVM takes one archive only (the base): name the runtime's alone for this run
cp "$cfg" "$cfg.orig"
trap 'mv "$cfg.orig" "$cfg"' EXIT
sed -i 's#^java-options=-XX:SharedArchiveFile=\([^:]*\):.*#java-options=-XX:SharedArchiveFile=\1#' "$cfg"
run() {
    if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a "$@"; fi
}
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
    run "$app/bin/license-desk" --smoke-test >/dev/null 2>&1 || true
if [ -f "$archive" ]; then
    echo "cds-archive: $archive ($(du -h "$archive" | cut -f1))"
else
    echo "cds-archive: the archive was not made (the runtime's archive is still used)" >&2
fi
