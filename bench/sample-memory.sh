#!/usr/bin/env bash
# Samples a running newsgraph build's memory every INTERVAL seconds until it ends: the articles
# stored so far (the last "stored N article graph(s)" line of its standard error), the heap used
# after the last garbage collection (from its -Xlog:gc log), after a full collection that every
# FULL_EVERY-th sample asks for (jcmd GC.run), and the process's resident set (VmRSS) in its two
# parts: anonymous memory (RssAnon: the Java heap as committed, the embedded Neo4j's page cache and
# the JVM's own memory) and mapped files (RssFile: TDB2's memory-mapped files, which the kernel may
# reclaim).
#
# usage: bench/sample-memory.sh PID ERR_LOG GC_LOG [INTERVAL=30] [FULL_EVERY=4] > samples.tsv
set -uo pipefail
pid=$1 err=$2 gc=$3 interval=${4:-30} full_every=${5:-4}
start=$(date +%s)
echo -e "seconds\tarticles_stored\theap_after_gc_mb\theap_after_full_gc_mb\trss_mb\trss_anon_mb\trss_file_mb"
k=0
while kill -0 "$pid" 2>/dev/null; do
  k=$((k + 1))
  full=""
  if [ $((k % full_every)) -eq 0 ]; then
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    sleep 2
    full=$(grep -a "Pause Full" "$gc" 2>/dev/null | tail -1 | sed -E 's/.*->([0-9]+)M.*/\1/' || true)
  fi
  articles=$(grep -a -o "stored [0-9]* article graph" "$err" 2>/dev/null | tail -1 | awk '{print $2}' || true)
  after=$(grep -a -E -- "->[0-9]+M" "$gc" 2>/dev/null | tail -1 | sed -E 's/.*->([0-9]+)M.*/\1/' || true)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || true)
  anon=$(awk '/RssAnon/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || true)
  file=$(awk '/RssFile/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || true)
  echo -e "$(( $(date +%s) - start ))\t${articles:-0}\t${after:-}\t${full}\t${rss:-}\t${anon:-}\t${file:-}"
  sleep "$interval"
done
