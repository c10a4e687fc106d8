#!/usr/bin/env bash
# Starts the release build under Xvfb on a sample project and writes a screenshot of every
# screen to shots/ (start, region, the five steps with the scan and charts, the dashboard,
# workshop mode at 1024x768 and 1920x1080).
# Needs: apt-get install -y xvfb imagemagick xdotool
# Usage: scripts/screenshots.sh [sample.ron] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-sample-projects/regio-rivierenland-voorbeeld.ron}"
size="${2:-1280x800}"
mkdir -p shots
cargo build --release
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
# Fresh preferences, so every run starts the same way (Dutch, zoom 1, no recent files).
XDG_DATA_HOME="$(mktemp -d)"
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_DATA_HOME XDG_CONFIG_HOME

xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  set -euo pipefail
  sample="$1"; size="$2"
  shot() { sleep 1; import -window root "shots/$1.png"; echo "shots/$1.png"; }
  ./target/release/kompas & pid=$!
  sleep 3
  wid=$(xdotool search --name "Kompas" | head -n1)
  xdotool windowsize "$wid" "${size%x*}" "${size#*x}"; xdotool windowmove "$wid" 0 0
  shot start
  kill "$pid"; wait "$pid" 2>/dev/null || true

  ./target/release/kompas "$sample" & pid=$!
  sleep 3
  wid=$(xdotool search --name "Kompas" | head -n1)
  xdotool windowsize "$wid" "${size%x*}" "${size#*x}"; xdotool windowmove "$wid" 0 0
  xdotool windowfocus --sync "$wid"
  w=${size%x*}; h=${size#*x}
  scroll() { xdotool mousemove $((w / 2)) $((h / 2)); for _ in $(seq "$1"); do xdotool click 5; done; }
  shot 1-analysis
  scroll 80
  shot 1-analysis-scan
  for name in 2-ambitions 3-outcomes 4-interventions 5-evaluation; do
    xdotool key --window "$wid" ctrl+Next
    shot "$name"
  done
  scroll 6
  shot 5-evaluation-chart
  scroll 80
  shot 5-evaluation-rescore
  xdotool key --window "$wid" ctrl+Next
  shot 6-dashboard
  for _ in 1 2 3 4 5 6; do xdotool key --window "$wid" ctrl+Prior; sleep 0.2; done
  shot 0-region
  kill "$pid"
' _ "$sample" "$size"

# Workshop mode (F5) at the projector's 1024×768 and at 1920×1080: the title page, the analysis,
# and the first outcome page.
for wsize in 1024x768 1920x1080; do
  xvfb-run -a -s "-screen 0 ${wsize}x24" bash -c '
    set -euo pipefail
    sample="$1"; size="$2"
    w=${size%x*}; h=${size#*x}
    shot() { sleep 1; import -window root "shots/$1.png"; echo "shots/$1.png"; }
    ./target/release/kompas "$sample" & pid=$!
    sleep 3
    wid=$(xdotool search --name "Kompas" | head -n1)
    xdotool windowsize "$wid" "$w" "$h"; xdotool windowmove "$wid" 0 0
    xdotool windowfocus --sync "$wid"
    xdotool key --window "$wid" F5
    shot "workshop-$size-1-title"
    xdotool key --window "$wid" Next
    shot "workshop-$size-2-analysis"
    for _ in 1 2 3 4; do xdotool key --window "$wid" Next; sleep 0.2; done
    shot "workshop-$size-3-outcome"
    kill "$pid"
  ' _ "$sample" "$wsize"
done

# The stress project (20 cycles, 100,000 measurements): the progress while it opens, and step 5
# with a series across twenty cycles.
stress_dir="$(mktemp -d)"
cargo build --release --example stress
./target/release/examples/stress "$stress_dir" > /dev/null
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  file="$1"
  ./target/release/kompas "$file" & pid=$!
  sleep 0.35; import -window root shots/stress-1-opening.png; echo shots/stress-1-opening.png
  sleep 3
  wid=$(xdotool search --name "Kompas" | head -n1)
  xdotool windowsize "$wid" 1280 800; xdotool windowmove "$wid" 0 0
  xdotool windowfocus --sync "$wid"
  for _ in 1 2 3 4; do xdotool key --window "$wid" ctrl+Next; sleep 0.3; done
  sleep 1
  xdotool mousemove 600 500; for _ in 1 2 3 4 5; do xdotool click 5; done; sleep 1
  import -window root shots/stress-2-evaluation.png; echo shots/stress-2-evaluation.png
  kill "$pid"
' _ "$stress_dir/stress.ron"
rm -rf "$stress_dir"
