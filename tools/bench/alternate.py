#!/usr/bin/env python3
# alternate.py N "name=command" ...: runs each command in turn, N rounds, and
# prints for each the median wall time, CPU time (user + sys) and peak RSS.
# Alternating run by run is how cursus compares two binaries on a machine
# whose speed drifts (docs/performance.md).
import subprocess, time, statistics, sys, resource
n=int(sys.argv[1]); pairs=[a.split('=',1) for a in sys.argv[2:]]
res={k:[] for k,_ in pairs}; cpu={k:[] for k,_ in pairs}; rss={k:[] for k,_ in pairs}
for i in range(n):
    for k,cmd in pairs:
        r0=resource.getrusage(resource.RUSAGE_CHILDREN)
        t=time.perf_counter(); p=subprocess.run("/usr/bin/time -f 'RSS %M' "+cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); res[k].append((time.perf_counter()-t)*1000)
        r1=resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[k].append((r1.ru_utime+r1.ru_stime-r0.ru_utime-r0.ru_stime)*1000)
        rss[k].append(int([l for l in p.stderr.splitlines() if l.startswith('RSS ')][-1].split()[1])/1024)
for k in res:
    v=sorted(res[k]); print(f"{k}: wall median {statistics.median(v):.1f} ms (p25 {v[len(v)//4]:.1f} p75 {v[3*len(v)//4]:.1f})  cpu median {statistics.median(cpu[k]):.1f} ms  peak RSS median {statistics.median(rss[k]):.1f} MB (n={len(v)})")
