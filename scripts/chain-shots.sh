#!/usr/bin/env bash
# Screenshots of the results chain: the screen at a size, a box selected, zoomed in, and the
# workshop's chain page. Writes shots/chain-*.png.
# Needs: apt-get install -y xvfb imagemagick xdotool; a release build (cargo build --release).
# Usage: scripts/chain-shots.sh [sample.ron] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-sample-projects/regio-rivierenland-voorbeeld.ron}"
size="${2:-1024x768}"
name="$(basename "$sample" .ron)-$size"
mkdir -p shots
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
XDG_DATA_HOME="$(mktemp -d)"
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_DATA_HOME XDG_CONFIG_HOME
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  set -euo pipefail
  sample="$1"; size="$2"; name="$3"
  w=${size%x*}; h=${size#*x}
  shot() { sleep 1; import -window root "shots/chain-$name-$1.png"; echo "shots/chain-$name-$1.png"; }
  ./target/release/kompas "$sample" & pid=$!
  sleep 3
  wid=$(xdotool search --name "Kompas" | head -n1)
  xdotool windowsize "$wid" "$w" "$h"; xdotool windowmove "$wid" 0 0
  xdotool windowfocus --sync "$wid"
  for _ in 1 2 3 4 5 6; do xdotool key --window "$wid" ctrl+Next; sleep 0.3; done
  shot 1-screen
  # a box in the middle column, clicked
  xdotool mousemove $((w * 55 / 100)) $((h * 45 / 100)) click 1
  shot 2-selected
  xdotool key --window "$wid" Down
  shot 3-keys
  for _ in 1 2 3; do xdotool key --window "$wid" plus; sleep 0.2; done
  shot 4-zoomed
  xdotool key --window "$wid" Escape
  xdotool key --window "$wid" F5
  sleep 1
  # every page up to past the chain page (its place depends on the number of outcomes)
  for k in $(seq 1 14); do
    xdotool key --window "$wid" Next; sleep 0.3
    shot "workshop-$k"
  done
  kill "$pid"
' _ "$sample" "$size" "$name"
