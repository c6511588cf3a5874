#!/bin/bash
# edits.sh BIN SITE N: runs BIN serve on SITE, makes N critère edits, one after each rebuild, reports RSS.
# SITE is a copy of the site of 100 certifications, written by
# CURSUS_SYNTHETIC_DIR=DIR CURSUS_SYNTHETIC_CERTS=100 go test ./generator -run TestWriteSyntheticSite
# (each edit rewrites a critère of that site); it prints the resident memory
# of the server at the end and the median and p90 of its rebuild times.
BIN=$1; SITE=$2; N=$3
LOG=$(mktemp)
$BIN serve -s $SITE --port 0 > $LOG 2>&1 &
PID=$!
for i in $(seq 1 600); do grep -q "serving" $LOG && break; sleep 0.1; done
sleep 1
for i in $(seq 1 $N); do
  c=$(( (i*7) % 100 + 1 )); b=$(( i % 8 + 1 ))
  f=$(printf "$SITE/content/certifications/cert-%03d/blocs/b%d.toml" $c $b)
  before=$(grep -c " in [0-9]* ms" $LOG)
  sed -i "0,/Clarté[^\"]* et précision/s//Clarté $i et précision/" $f
  for j in $(seq 1 300); do [ $(grep -c " in [0-9]* ms" $LOG) -gt $before ] && break; sleep 0.02; done
done
grep -E "VmRSS|VmHWM" /proc/$PID/status
kill $PID; wait $PID 2>/dev/null
grep -o " in [0-9]* ms" $LOG | tail -n +2 | awk '{print $2}' | sort -n > $LOG.ms
n=$(wc -l < $LOG.ms); echo "rebuilds: $n p50 $(sed -n "$(( (n+1)/2 ))p" $LOG.ms) ms p90 $(sed -n "$(( n*9/10 ))p" $LOG.ms) ms"
grep -m3 "ms" $LOG | head -3
