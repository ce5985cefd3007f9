#!/usr/bin/env bash
# Takes the README screenshots from the real app under Xvfb (docs/screenshots/*.png).
# Needs: apt-get install -y xvfb imagemagick xdotool x11-utils mesa-vulkan-drivers libgl1-mesa-dri
# Usage: scripts/screenshots.sh [NAME...]   (only those shots; all without names)
# Uses target/release/credit-health if built, else debug; BIN=path overrides.
set -eu
cd "$(dirname "$0")/.."
bin=target/release/credit-health; [ -x $bin ] || bin=target/debug/credit-health
bin=${BIN:-${CREDIT_HEALTH_BIN:-$bin}}
only=" $* "
wanted() { [ "$only" = "  " ] || case "$only" in *" $1 "*) true;; *) false;; esac; }
out=docs/screenshots; mkdir -p $out
disp=:$(( 70 + RANDOM % 9 ))
Xvfb $disp -screen 0 1280x840x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null || true' EXIT
sleep 1

# shot NAME VIEW LANG THEME PERSONA|- [x,y | down:x,y | type:TEXT ...]  — clicks each x,y (window
# coordinates), scrolls down there, or types TEXT and Enter, before the shot.
shot() {
    local name=$1 view=$2 lang=$3 theme=$4 persona=$5; shift 5
    wanted "$name" || return 0
    local dir; dir=$(mktemp -d)
    [ "$persona" != - ] && cp "assets/personas/$persona.ron" "$dir/data.ron"
    printf '(lang: Some(%s), theme: %s, window_size: Some((1280.0, 840.0)), last_view: %s)\n' "$lang" "$theme" "$view" > "$dir/settings.ron"
    DISPLAY=$disp CREDIT_HEALTH_DATA_DIR=$dir $bin >/dev/null 2>&1 & local app=$!
    sleep 4
    for point in "$@"; do
        case $point in
            type:*)
                # No window manager gives the window keyboard focus: give it, then type.
                local wid; wid=$(DISPLAY=$disp xwininfo -root -tree | awk '/"Credit Health/ {print $1; exit}')
                DISPLAY=$disp xdotool windowfocus "$wid"; sleep 0.5
                DISPLAY=$disp xdotool type --delay 5 "${point#type:}"; DISPLAY=$disp xdotool key Return; sleep 2 ;;
            down:*) point=${point#down:}; DISPLAY=$disp xdotool mousemove "${point%,*}" "${point#*,}" click --repeat 8 5 ;;
            *) DISPLAY=$disp xdotool mousemove "${point%,*}" "${point#*,}" click 1 ;;
        esac
        sleep 1
    done
    DISPLAY=$disp xdotool mousemove 1275 835; sleep 1
    DISPLAY=$disp import -window root "$out/$name.png"
    kill $app; wait $app 2>/dev/null || true
    echo "$out/$name.png"
}

# present_shot NAME LANG PERSONA|- [KEY ...]  — `credit-health present`, pressing each key first.
present_shot() {
    local name=$1 lang=$2 persona=$3; shift 3
    wanted "$name" || return 0
    local dir; dir=$(mktemp -d)
    local args=(present --lang "$lang"); [ "$persona" != - ] && args+=("$persona")
    DISPLAY=$disp CREDIT_HEALTH_DATA_DIR=$dir $bin "${args[@]}" >/dev/null 2>&1 & local app=$!
    sleep 5
    for key in "$@"; do
        DISPLAY=$disp xdotool key "$key"; sleep 1
    done
    DISPLAY=$disp xdotool mousemove 1275 835; sleep 1
    DISPLAY=$disp import -window root "$out/$name.png"
    kill $app; wait $app 2>/dev/null || true
    echo "$out/$name.png"
}

shot welcome Welcome Zh Light -
shot sample-banner Welcome En Light - 462,481
shot dashboard-zh Dashboard Zh Light current-overdue
shot dashboard-en Dashboard En Light current-overdue
shot why-en Why En Light recent-overdue 120,135
shot history-zh Charts Zh Light unexplained-drop
shot waterfall-en Charts En Dark unexplained-drop 207,46
shot calendar-en Charts En Light high-utilisation 616,46
shot utilisation-en Charts En Light high-utilisation 350,46
shot debt-zh Charts Zh Light many-lenders 380,46
shot records-en Records En Light current-overdue 60,110
shot settings-zh Settings Zh Dark current-overdue
shot import-preview-en Settings En Light new-user 523,260 640,450 "type:$PWD/tests/fixtures/import/alipay-2023-01-04.csv"
shot whatif-en WhatIf En Light current-overdue 30,189
shot whatif-zh WhatIf Zh Dark current-overdue down:640,500 105,787
present_shot present-gallery zh -
present_shot present-hidden en current-overdue End Left
present_shot present-revealed zh current-overdue End space
