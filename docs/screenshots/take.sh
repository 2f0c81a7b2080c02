#!/usr/bin/env bash
# Takes the README's screenshots from the real app on a virtual display (Debian: xvfb xdotool imagemagick).
# Usage: docs/screenshots/take.sh path/to/license-desk.jar [light|dark]
# Light (the default) takes every screenshot; dark takes login-dark, customers-dark, licenses-dark and
# preferences-dark. Each start of the app gets a preferences node of its own (-Dlicensedesk.prefs, under
# java.util.prefs' user root, ~/.java/.userPrefs on Linux) holding only the theme (UserSettings' prefs.theme), so a
# real user's settings stay untouched; the nodes are removed at the end.
set -euo pipefail
jar=${1:-target/license-desk.jar}
theme=${2:-light}
case "$theme" in light | dark) ;; *) echo "usage: $0 [JAR] [light|dark]" >&2; exit 2 ;; esac
out=$(cd "$(dirname "$0")" && pwd)
suffix=""
[ "$theme" = dark ] && suffix="-dark"
node="license-desk-screenshots-$$"
# the node that the app reads (AppPreferences.user), with the theme in it before the app starts
prefsNode() {
    local dir="$HOME/.java/.userPrefs/$1"
    mkdir -p "$dir"
    cat > "$dir/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="prefs.theme" value="$(echo "$theme" | tr '[:lower:]' '[:upper:]')"/>
</map>
XML
}
export DISPLAY=:97
Xvfb :97 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
# the app (in the language its arguments choose), the sandbox admin's username and password typed in
# (fresh preferences each time: a remembered username would move the focus to the password field)
runs=0
data=$(mktemp -d) # the Assign run below claims: into this activity log, not the user's
start() {
    runs=$((runs + 1))
    prefsNode "$node-$runs"
    java "$@" -Dlicensedesk.prefs="$node-$runs" -Dlicensedesk.data="$data" -jar "$jar" --sandbox >/dev/null 2>&1 &
    app=$!
    # wait for the sign-in window rather than a fixed time: on a busy machine the first keys would be lost
    sleep 1
    timeout 60 xdotool search --sync --onlyvisible --name "License Desk" >/dev/null
    sleep 2
    xdotool type --delay 15 "admin@sandbox.test"; xdotool key Tab; xdotool type --delay 15 "admin-pass"
}
# Enter, then wait for the main window (its title names the user), however long a busy machine takes
signIn() {
    xdotool key Return
    timeout 60 xdotool search --sync --onlyvisible --name "admin@sandbox.test" >/dev/null
    sleep 2
}
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$HOME/.java/.userPrefs/$node"-* "$data"' EXIT
# in the dark run only the pages that show the theme best
wanted() { [ -z "$suffix" ] || [[ " login customers licenses preferences " == *" $1 "* ]]; }
shot() { sleep "$2"; wanted "$1" || return 0; import -window root -crop "${3:-1360x820+20+27}" +repage "$out/$1$suffix.png"; }
start
shot login 1 560x680+420+73
signIn
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
xdotool key Escape
# the Assign page for the first customer: the suggested pair, one more picked and activated now, run; one queued
xdotool key ctrl+1; sleep 2; xdotool mousemove 306 200 click 1; sleep 2; xdotool key ctrl+g; sleep 4
xdotool mousemove 380 270 click 1; xdotool key alt+s; sleep 1
xdotool mousemove 440 795 click 1; xdotool mousemove 380 270 click 1; xdotool key Return; sleep 0.5
xdotool mousemove 650 383 click 1; xdotool key Return; sleep 1; xdotool key ctrl+Return; sleep 3
xdotool mousemove 329 795 click 1; xdotool mousemove 380 270 click 1; xdotool key Return; sleep 0.5
xdotool mousemove 670 227 click 1; xdotool key Return
shot assign 2
# the Expiring page, and the Activity page with the Assign run's claims and activation
xdotool key ctrl+5
shot expiring 12
xdotool key ctrl+6
shot activity 3
xdotool key Escape; sleep 1; xdotool key ctrl+comma; sleep 2
# the dialog's own window (no window manager draws a frame around it here)
import -window "$(xdotool search --onlyvisible --name "Preferences" | tail -1)" "$out/preferences$suffix.png"
xdotool key Escape
xdotool key ctrl+1; sleep 2; xdotool key ctrl+k; sleep 1; xdotool type --delay 30 "mol"
shot palette 2
xdotool key Escape; sleep 1; xdotool key F1
shot shortcut-sheet 2 965x514+218+180
xdotool key Escape
kill $app; wait $app 2>/dev/null || true
start -Duser.language=nl -Duser.country=BE
signIn; xdotool key ctrl+3; sleep 4; xdotool mousemove 400 330 click 1
shot licenses-nl 2
