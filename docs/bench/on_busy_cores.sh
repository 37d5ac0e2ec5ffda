#!/bin/bash
# Runs a command while SPINNERS other processes spin on the CPU, as on a shared machine whose cores are busy with
# other jobs; the command runs in a fresh temporary folder (so a study under runs/ starts anew each time).
# Usage: docs/bench/on_busy_cores.sh SPINNERS COMMAND [ARG...]
set -u
spinners=$1; shift
work=$(mktemp -d)
pids=()
for ((i = 0; i < spinners; i++)); do
  sh -c 'while :; do :; done' &
  pids+=($!)
done
cleanup() { kill "${pids[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work" && "$@" > /dev/null
