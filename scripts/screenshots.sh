#!/usr/bin/env bash
# Starts the release build under Xvfb on a sample project and writes a screenshot of every
# screen to shots/. Needs: apt-get install -y xvfb imagemagick xdotool
# Usage: scripts/screenshots.sh [sample.ron] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-sample-projects/utrecht-voorbeeld.ron}"
size="${2:-1280x800}"
mkdir -p shots
cargo build --release
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
# A fresh preferences folder, so every run starts the same way (Dutch, zoom 1).
export XDG_DATA_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)"

xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  set -euo pipefail
  sample="$1"
  ./target/release/kompas "$sample" & pid=$!
  sleep 3
  wid=$(xdotool search --sync --name "Kompas" | head -n1)
  xdotool windowsize "$wid" 100% 100%
  xdotool windowmove "$wid" 0 0
  sleep 1
  shot() { sleep 0.8; import -window root "shots/$1.png"; echo "shots/$1.png"; }
  shot analysis
  # Step through the screens with the stepper buttons (left panel), top to bottom.
  for name in region ambitions outcomes interventions evaluation; do
    case $name in
      region) y=272 ;; ambitions) y=358 ;; outcomes) y=400 ;; interventions) y=442 ;; evaluation) y=484 ;;
    esac
    xdotool mousemove 120 "$y" click 1
    shot "$name"
  done
  kill $pid
' _ "$sample"
