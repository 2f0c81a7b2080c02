#!/bin/sh
# Starts License Desk from its jar (target/license-desk.jar, or LICENSE_DESK_JAR) with the jar's class-data archive
# (AppCDS), which JDK 17 cannot make by itself: the first start, and the first after the jar changed, runs with
# -XX:ArchiveClassesAtExit and leaves license-desk.jsa beside the jar at exit; later starts map it
# (-XX:SharedArchiveFile) instead of loading and verifying the app's classes again. The option names the archive
# only when it exists (a missing one would turn class sharing off); a stale one (another JDK) is skipped by the JVM,
# which then starts on the JDK's own archive. Only a start of the window makes an archive. JAVA (default: java on the PATH) picks the Java 17.
# Usage: ./license-desk.sh [the app's options: --sandbox, --production, --smoke-test, bulk ..., --help]
set -eu
jar="${LICENSE_DESK_JAR:-$(dirname "$0")/target/license-desk.jar}"
java="${JAVA:-java}"
# the heap bound the installed launchers have (pom.xml installer.heap; README, Installers); LICENSE_DESK_HEAP overrides it
heap="${LICENSE_DESK_HEAP:--Xmx256m}"
if [ ! -f "$jar" ]; then
    echo "license-desk.sh: no $jar (build it: ./mvnw -B -DskipTests package)" >&2
    exit 1
fi
archive="${jar%.jar}.jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    exec "$java" "$heap" -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "$@"
fi
# only a start of the app itself makes the archive: one made by --help or bulk would hold none of the window's classes
case "${1:-}" in
    bulk|--sandbox-server) exec "$java" "$heap" -jar "$jar" "$@" ;;
esac
for arg in "$@"; do
    case "$arg" in
        --help|-h) exec "$java" "$heap" -jar "$jar" "$@" ;;
    esac
done
rm -f "$archive"
exec "$java" "$heap" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "$@"
