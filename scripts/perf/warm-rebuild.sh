#!/bin/sh
# A warm (incremental) rebuild of a site copy that was just built: appends a sentence to one article's
# body (the 500th by name), runs `npm run build` with the caches of the last build and PERF_TIMERS=1
# under GNU time, and writes everything to LOG. Summarise with scripts/perf/build-log-summary.ts LOG.
# usage: scripts/perf/warm-rebuild.sh DIR LOG [VAR=value ...]
set -e
dir=$1
log=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
file=$(ls "$dir/content/articles" | sort | sed -n 500p)
printf '\nUpdate: this article was revised after publication to add a sentence (%s).\n' "$(date +%s)" >>"$dir/content/articles/$file"
cd "$dir"
env "$@" PATH="$root/node_modules/.bin:$PATH" ASTRO_TELEMETRY_DISABLED=1 PERF_TIMERS=1 /usr/bin/time -v npm run build >"$log" 2>&1
echo "changed content/articles/$file; log in $log"
