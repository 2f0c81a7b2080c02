#!/bin/sh
# Sends the DMG that jpackage built in $1 to Apple's notary service, waits for the verdict and staples the ticket
# to the DMG. Run by the installer-mac-notarize profile of pom.xml when MACOS_NOTARY_APPLE_ID is set; needs
# MACOS_NOTARY_TEAM_ID and MACOS_NOTARY_PASSWORD (an app-specific password of that Apple ID) too.
set -eu
dmg=$(ls "$1"/*.dmg)
result=$(xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD" --wait --output-format json)
echo "$result"
case "$result" in
    *'"status":"Accepted"'*) ;;
    *)
        id=$(printf '%s' "$result" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
        [ -n "$id" ] && xcrun notarytool log "$id" --apple-id "$MACOS_NOTARY_APPLE_ID" \
            --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD" || true
        echo "notarize.sh: Apple did not accept $dmg" >&2
        exit 1
        ;;
esac
xcrun stapler staple "$dmg"
