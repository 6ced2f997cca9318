#!/usr/bin/env bash
# Stops a stack started by start.sh: each daemon is its own process group (setsid), killed by pid.
# Usage: stop.sh STATE_DIR [--keep]   (--keep leaves the state dir, e.g. to read logs after a failure)
set -uo pipefail

STATE_DIR="${1:?usage: stop.sh STATE_DIR [--keep]}"
KEEP="${2:-}"
STACK_JSON="$STATE_DIR/stack.json"
[[ -f "$STACK_JSON" ]] || { echo "stop.sh: $STACK_JSON not found" >&2; exit 1; }

mapfile -t pids < <(/usr/bin/python3 -c 'import json,sys; print(*json.load(open(sys.argv[1]))["pids"].values(), sep="\n")' "$STACK_JSON")
for pid in "${pids[@]}"; do
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
done
for _ in $(seq 1 50); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [[ $alive == 0 ]] && break
  sleep 0.1
done
for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done

if [[ "$KEEP" != --keep ]]; then rm -rf -- "$STATE_DIR"; fi
