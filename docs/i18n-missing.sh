#!/usr/bin/env bash
# Lists what the Dutch, French and German bundles lack after English keys were added or changed (for example
# after merging a branch). Prints, per translation:
#   - keys missing, with their English text, ready to translate and paste into messages_xx.properties;
#   - keys English no longer has, to remove;
#   - keys whose English text changed since that translation file was last committed, to check;
#   - keys written twice in one file.
# Exit status 0 when every translation is complete, 1 otherwise. Needs only a JDK 17 and git.
# Usage: docs/i18n-missing.sh            (from anywhere inside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundles=src/main/resources/app/licensedesk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
old=()
for lang in nl fr de; do
    # the English bundle as it was in the last commit that touched this translation
    last=$(git -C "$root" log -1 --format=%H -- "$bundles/messages_$lang.properties" 2>/dev/null || true)
    if [ -n "$last" ] && git -C "$root" show "$last:$bundles/messages.properties" >"$tmp/$lang" 2>/dev/null; then
        old+=("$lang=$tmp/$lang")
    fi
done
java "$root/src/test/java/app/licensedesk/ui/common/MissingKeys.java" "$root/$bundles" "${old[@]}"
