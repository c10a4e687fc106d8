#!/usr/bin/env bash
# The walk of a brand-new user, in a real window under Xvfb, at the projector's 1024x768 and
# at 1280x800 for comparison. Every step leaves a screenshot NN-name.png in the output folder;
# look at each one as the back row of a meeting room would.
#
# What it does (1024x768):
#   01 start screen, no arguments and no recent files (fresh HOME)
#   02 Ctrl+N, new project: the region page
#   03 region name, samenwerkingsverband, "Utrecht, Zeist" as gemeenten, one partner with a name
#   04 steps 1-5 (Ctrl+PageDown): a data point with a value and the Dutch calendar, a problem,
#      an ambition endorsed by the partner, an outcome with an indicator (Nulmeting 40,
#      Streefwaarde first "12abc", then 12), an intervention linked to the outcome, a measurement
#      (first as added, then with the value 30), a lesson
#   05 dashboard
#   06 F5 workshop: every page with Page Down, the scan page with key 3, Esc
#   07 Help: Handleiding (F1) and Sneltoetsen
#   08 Ctrl+S into a new folder through the system dialog (rfd: the portal, else zenity);
#      Ctrl+Q; start again and reopen from the recent files; Ctrl+Q with unsaved changes
# and at 1280x800: 10 start screen, 11 step 3 with the wrong number, 12 the workshop pages.
#
# Needs: apt-get install -y xvfb imagemagick xdotool zenity
#   (zenity: rfd falls back to it when there is no desktop portal, which is the case under Xvfb;
#   without it Ctrl+S shows no dialog and the walk saves nothing, it copies a sample instead.)
# Usage: scripts/new-user-walk.sh OUTPUT_FOLDER
#
# Keyboard first (Ctrl+N, Ctrl+PageDown, F5, Page Down, F1, Tab between fields); where only a
# click will do (the "add" buttons, the first field of a new item) the coordinates are for a
# 1024x768 window on a fresh project and are named in the comments; each step starts at the top
# of its page, so they only move when the page above them changes.
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Inside Xvfb: the walk itself. Called by this script through xvfb-run (see the end).
# ---------------------------------------------------------------------------------------------
if [[ "${1:-}" == --inside ]]; then
  part="$2"; out="$3"; bin="$4"
  n=0
  log() { echo "[walk] $*"; }
  # a screenshot after a generous pause (egui repaints on input; let it settle)
  shot() { sleep 1.2; import -window root "$out/$1.png"; log "$out/$1.png"; }
  wid() { xdotool search --onlyvisible --name 'Kompas$' 2>/dev/null | head -n1; }
  start_app() {
    "$bin" "$@" >>"$out/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 60); do [[ -n "$(wid)" ]] && break; sleep 0.5; done
    sleep 2
    W=$(wid)
    [[ -n "$W" ]] || { log "no Kompas window"; exit 1; }
  }
  focus() { xdotool windowfocus --sync "$(wid)"; sleep 0.2; }
  click() { xdotool mousemove "$1" "$2" click 1; sleep 0.6; }
  typ() { xdotool type --delay 60 "$1"; sleep 0.3; }
  key() { xdotool key "$@"; sleep 0.4; }
  scroll_down() { xdotool mousemove "$1" "$2"; for _ in $(seq "$3"); do xdotool click 5; sleep 0.05; done; sleep 0.6; }
  wait_exit() { for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || return 0; sleep 0.5; done; log "Kompas did not quit"; kill "$app_pid" 2>/dev/null || true; }

  if [[ "$part" == 1024 ]]; then
    # 1. Start with no arguments: the start screen.
    start_app
    focus
    shot 01-start

    # 2. Nieuw project (Ctrl+N, the same as the big button).
    key ctrl+n
    shot 02-new-region-page

    # 3. Region page: name (field "Naam van de regio" at 750,208), then Tab to
    #    Samenwerkingsverband and Gemeenten.
    click 750 208; key ctrl+a
    typ 'Regio Utrechtse Heuvelrug'; key Tab
    typ 'SWV Zuidoost-Utrecht'; key Tab
    typ 'Utrecht, Zeist'; shot 03a-region-typed
    # Tab on to Notities, Kleine aantallen, then "Partner toevoegen"; Return adds a partner.
    key Tab; key Tab; key Tab; key Return
    shot 03b-partner-added
    # the new partner's "Naam" field (725,537)
    click 725 537; typ 'Gemeente Zeist'; key Tab
    shot 03c-partner-named

    # 4. Step 1 Analyse (Ctrl+PageDown from the region page).
    key Escape; key ctrl+Next
    shot 04a-step1
    click 325 428                       # "Cijfer toevoegen"
    shot 04b-datapoint-added
    click 710 429                       # "Wat" of the new data point; Tab through the rest
    typ 'Thuiszitters'; key Tab; typ '42'; key Tab; typ 'leerlingen'; key Tab
    typ 'Leerplicht'; key Tab; typ '01-10-2026'; key Tab
    shot 04c-datapoint-filled
    click 567 566                       # the calendar button next to "Peildatum"
    shot 04d-calendar-dutch
    key Escape
    scroll_down 620 500 6
    click 360 465                       # "Aandachtspunt toevoegen"
    click 625 423                       # its text
    typ 'Te lange wachttijden jeugdhulp'; key Tab
    shot 04e-problem

    # Step 2 Gezamenlijke ambities.
    key Escape; key ctrl+Next
    shot 04f-step2
    click 334 361                       # "Ambitie toevoegen"
    click 715 362; typ 'Ieder kind gaat naar school'; key Tab
    click 486 449                       # "Onderschreven door: Kiezen"
    shot 04g-ambition-picker
    click 510 488                       # tick "Gemeente Zeist"
    shot 04h-ambition-ticked            # note where "Klaar" is now
    click 615 449                       # "Klaar" (it moved right of the new chip)
    shot 04i-ambition-done

    # Step 3 Maatschappelijke resultaten: an outcome with an indicator.
    key Escape; key ctrl+Next
    shot 04j-step3
    click 340 397                       # "Resultaat toevoegen"
    click 710 380; typ 'Minder thuiszitters'; key Tab
    click 475 467                       # "Maakt meetbaar: Kiezen"
    click 540 506                       # tick the ambition
    shot 04k-outcome-ticked
    click 682 467                       # "Klaar"
    click 367 605                       # "Indicator toevoegen"
    click 727 606; typ 'Aantal thuiszitters'; key Tab; key Tab; typ 'leerlingen'
    # "Gewenste richting" is left at its default, as a new user would.
    scroll_down 620 450 5
    shot 04l-indicator-fields
    click 538 362; typ '40'; key Tab; typ '01-09-2026'; key Tab     # Nulmeting and its date
    click 538 430; typ '12abc'; key Tab                              # Streefwaarde, wrong
    shot 04m-streefwaarde-12abc
    click 538 430; key ctrl+a; typ '12'; key Tab; typ '31-07-2027'; key Tab
    shot 04n-indicator-ok

    # Step 4 Interventies, linked to the outcome.
    key Escape; key ctrl+Next
    shot 04o-step4
    click 345 361                       # "Interventie toevoegen"
    click 737 362; typ 'Kernteam per school'; key Tab
    scroll_down 620 450 5
    click 364 577                       # "Resultaat koppelen"
    shot 04p-link-menu
    click 353 610                       # "Minder thuiszitters"
    shot 04q-intervention-linked

    # Step 5 Evaluatie: a measurement, first as added (look at its value), then 30.
    key Escape; key ctrl+Next
    shot 04r-step5
    scroll_down 620 300 5
    click 345 346                       # "Meting toevoegen"
    shot 04s-measurement-added
    key Escape; key ctrl+Next
    shot 05a-dashboard-after-adding-a-measurement
    key ctrl+Prior
    scroll_down 620 300 5
    click 485 359; key ctrl+a; typ '30'; key Tab; typ 'Leerplicht'; key Tab
    shot 04t-measurement-30
    key Escape
    scroll_down 620 500 30
    click 318 626                       # "Les toevoegen"
    click 580 594; typ 'Begin vroeg met de leerplichtcijfers'; key Tab
    shot 04u-lesson

    # 5. The dashboard.
    key Escape; key ctrl+Next
    shot 05b-dashboard

    # 6. Workshop mode: F5, every page with Page Down, the scan page (3 of 10), Esc.
    key F5
    shot 06-ws-01
    for p in 02 03 04 05 06 07 08 09 10; do key Next; shot "06-ws-$p"; done
    for _ in 1 2 3 4 5 6 7; do key Prior; done
    key 3                               # no partner chosen yet: nothing should happen
    shot 06-ws-scan-a-no-partner
    click 272 194                       # "Scores invoeren voor"
    shot 06-ws-scan-b-partner-menu
    click 206 231                       # the partner
    xdotool mousemove 900 700
    for _ in 1 2 3; do key 3; done
    shot 06-ws-scan-c-scored-3x
    key Escape
    shot 06-ws-z-after-esc

    # 7. Help: Handleiding (F1), then Help > Sneltoetsen.
    key F1
    shot 07a-handleiding
    click 321 659                       # "OK"
    click 290 15                        # menu "Help"
    shot 07b-help-menu
    click 323 80                        # "Sneltoetsen"
    shot 07c-sneltoetsen
    click 165 754                       # "OK"

    # 8. Save (Ctrl+S) into a new folder through the system dialog.
    mkdir -p "$out/projecten"
    file="$out/projecten/heuvelrug.ron"
    focus; key ctrl+s
    dialog=""
    for _ in $(seq 20); do
      # rfd's fallback is zenity; the portal's GTK dialog would have another name
      for w in $(xdotool search --name 'zenity|Opslaan|Save' 2>/dev/null); do
        geo=$(xdotool getwindowgeometry "$w" | awk '/Geometry/ {print $2}')
        [[ "${geo%x*}" -gt 200 ]] && dialog=$w
      done
      [[ -n "$dialog" ]] && break
      sleep 0.5
    done
    shot 08a-ctrl-s
    if [[ -n "$dialog" ]]; then
      # without a window manager the dialog does not get the keyboard by itself
      xdotool windowfocus --sync "$dialog"; sleep 0.3
      key ctrl+a; typ "$file"; key Return
      sleep 2
      shot 08b-saved
      [[ -f "$file" ]] && log "saved $file" || log "NOT saved: $file missing"
      # Quit (Ctrl+Q), start again, reopen from the recent files on the start screen.
      focus; key ctrl+q; wait_exit
      start_app; focus
      shot 08c-restart-recent-files
      click 512 569                     # the first recent file
      sleep 1
      shot 08d-reopened
    else
      log "Ctrl+S showed no dialog; falling back to a copied sample opened by path"
      kill "$app_pid" 2>/dev/null || true; wait_exit
      cp sample-projects/utrecht-voorbeeld.ron "$file"
      start_app "$file"; focus
      shot 08d-reopened
    fi
    # Ctrl+Q with an unsaved change: the question, then "Niet opslaan".
    click 710 380; key End; typ ' (VO)'; key Tab
    key ctrl+q
    shot 08e-quit-unsaved-question
    click 388 428                       # "Niet opslaan"
    wait_exit
    echo "$file" >"$out/.project"
  fi

  if [[ "$part" == 1280 ]]; then
    file=$(cat "$out/.project")
    resize() { xdotool windowsize "$W" 1280 800; xdotool windowmove "$W" 0 0; sleep 1; }
    # 1. The start screen (the recent file of the first part is listed: same HOME).
    start_app; resize; focus
    shot 10-1280-start
    kill "$app_pid"; wait_exit
    # 4. Step 3 with the wrong number (the file opens at step 1).
    start_app "$file"; resize; focus
    key ctrl+Next; key ctrl+Next
    shot 11a-1280-step3
    click 538 740; key ctrl+a; typ '12abc'; key Tab
    shot 11b-1280-streefwaarde-12abc
    click 538 740; key ctrl+a; typ '12'; key Tab; key Escape
    # 6. The workshop pages.
    key F5
    shot 12-1280-ws-01
    for p in 02 03 04 05 06 07 08 09 10; do key Next; shot "12-1280-ws-$p"; done
    key Escape
    kill "$app_pid" 2>/dev/null || true; wait_exit
  fi
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Outside: set up, then run both parts under Xvfb.
# ---------------------------------------------------------------------------------------------
out="${1:?usage: scripts/new-user-walk.sh OUTPUT_FOLDER}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")/.."
for tool in xvfb-run import xdotool; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb imagemagick xdotool zenity" >&2; exit 1; }
done
command -v zenity >/dev/null || echo "note: no zenity, Ctrl+S will likely show no dialog" >&2
bin="${CARGO_TARGET_DIR:-target}/release/kompas"
[[ -x "$bin" ]] || cargo build --release
bin="$(cd "$(dirname "$bin")" && pwd)/kompas"

# A fresh user: empty preferences and recent files, Dutch by default.
export XDG_RUNTIME_DIR="$(mktemp -d)"
HOME="$(mktemp -d)"
export HOME XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
rm -f "$out"/*.png "$out/app.log"

xvfb-run -a -s "-screen 0 1024x768x24" "$self" --inside 1024 "$out" "$bin"
xvfb-run -a -s "-screen 0 1280x800x24" "$self" --inside 1280 "$out" "$bin"
echo "[walk] done: $(ls "$out"/*.png | wc -l) screenshots in $out"
