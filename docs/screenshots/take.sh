#!/usr/bin/env bash
# Takes the README's screenshots from the real app on a virtual display (Debian: xvfb xdotool imagemagick).
# Usage: docs/screenshots/take.sh path/to/license-desk.jar
set -euo pipefail
jar=${1:-target/license-desk.jar}
out=$(cd "$(dirname "$0")" && pwd)
export DISPLAY=:97
Xvfb :97 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d) # the claim below goes into this activity log, not the user's
java -Dlicensedesk.prefs="license-desk-screenshots-$$" -Dlicensedesk.data="$data" -jar "$jar" --sandbox >/dev/null 2>&1 &
app=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
# wait for the sign-in window rather than a fixed time: on a busy machine the first keys would be lost
sleep 1
timeout 60 xdotool search --sync --onlyvisible --name "License Desk" >/dev/null
sleep 2
shot() { sleep "$2"; import -window root -crop "${3:-1360x820+20+27}" +repage "$out/$1.png"; }
xdotool type --delay 15 "admin@sandbox.test"; xdotool key Tab; xdotool type --delay 15 "admin-pass"
shot login 1 560x680+420+73
xdotool key Return; sleep 5
xdotool mousemove 306 350 click 1; sleep 3; xdotool mousemove 620 292 click 1
shot customers 1
xdotool key ctrl+2; sleep 3; xdotool mousemove 400 218 click 1
shot controllers 3
xdotool key ctrl+3; sleep 4; xdotool mousemove 400 330 click 1
shot licenses 2
xdotool mousemove 400 307 click 1; sleep 1; xdotool key ctrl+shift+a; sleep 2; xdotool mousemove 527 357 click 1
shot activate-dialog 1
xdotool key Escape; sleep 1; xdotool key ctrl+shift+l; sleep 2; xdotool type --delay 30 "Mol"; sleep 1; xdotool key Down
shot claim-dialog 1
# Claim; the Activity page then shows it
xdotool mousemove 861 669 click 1; sleep 3
xdotool key ctrl+4
shot expiring 12
xdotool key ctrl+5
shot activity 3
