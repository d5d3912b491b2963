#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Kills `nasc search` with SIGKILL at random moments, again and again.

After each kill the study must still hold every trial that had completed,
exactly once and unchanged; the last run must reach the budget. Then a
Ctrl-C (SIGINT) run must stop cleanly with exit 130, losing nothing.

  kill_test.py NASC SOURCE_DIR WORK_DIR [KILLS]
"""
import json, os, random, signal, subprocess, sys, time

nasc, src, work = sys.argv[1], sys.argv[2], sys.argv[3]
kills = int(sys.argv[4]) if len(sys.argv) > 4 else 25
os.makedirs(work, exist_ok=True)
data = os.path.join(work, 'data')
os.makedirs(data, exist_ok=True)
make_idx = os.path.join(src, 'test/search/make_data.py')
subprocess.run([sys.executable, make_idx, data, '2048', '16'], check=True)
study = os.path.join(work, 'kill.study')
for leftover in (study, study + '-wal', study + '-shm'):
    if os.path.exists(leftover):
        os.remove(leftover)
space = os.path.join(src, 'test/search/tiny.nas')
budget = 400  # raised when a run finishes before its kill, so that every kill lands mid-search
def command():
    return [nasc, 'search', space, '--study', study, '--data', data, '--threads', '1', '--trials', str(budget)]

def trials():
    out = subprocess.run([nasc, 'study', 'export', study, '--json'], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)

def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)

completed = {}  # id -> (dna, metrics) of every trial seen complete
rng = random.Random(7)
killed_running = 0
mid_search = 0  # kills that landed while the search was still going
for i in range(10 * kills):
    if mid_search >= kills:
        break
    p = subprocess.Popen(command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.05, 0.4))
    if p.poll() is not None:
        budget += 100  # it finished first: this kill does not count
    else:
        p.send_signal(signal.SIGKILL)
        mid_search += 1
    p.wait()
    if not os.path.exists(study):
        continue
    now = trials()
    ids = [t['id'] for t in now]
    if len(ids) != len(set(ids)):
        fail('kill %d: duplicate trial ids %s' % (i, ids))
    by_id = {t['id']: t for t in now}
    for tid, (dna, metrics) in completed.items():
        t = by_id.get(tid)
        if t is None or t['state'] != 'complete' or t['dna'] != dna or t['metrics'] != metrics:
            fail('kill %d: completed trial %d changed or vanished: %r' % (i, tid, t))
    for t in now:
        if t['state'] == 'complete':
            completed[t['id']] = (t['dna'], t['metrics'])
    killed_running += sum(t['state'] == 'running' for t in now)
if mid_search < kills:
    fail('only %d kills landed mid-search' % mid_search)

# A clean Ctrl-C: exit 130, the running trial left to run again.
p = subprocess.Popen(command(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
time.sleep(0.3)
p.send_signal(signal.SIGINT)
out, _ = p.communicate()
if p.returncode not in (0, 130):
    fail('Ctrl-C: exit %d, expected 130 (or 0 if it had finished)\n%s' % (p.returncode, out))
if p.returncode == 130 and 'run the same command to resume' not in out:
    fail('Ctrl-C: no word on how to resume:\n' + out)

# To the end.
result = subprocess.run(command(), capture_output=True, text=True)
if result.returncode != 0:
    fail('the last run failed (%d): %s' % (result.returncode, result.stderr))
final = trials()
ended = [t for t in final if t['state'] != 'running']
if len(ended) != budget or len(final) != budget:
    fail('the search did not reach its budget of %d: %d trials, %d ended' % (budget, len(final), len(ended)))
by_id = {t['id']: t for t in final}
for tid, (dna, metrics) in completed.items():
    if tid not in by_id or by_id[tid]['dna'] != dna or by_id[tid]['metrics'] != metrics:
        fail('completed trial %d lost at the end' % tid)
print('ok: %d kills, %d completed trials kept through them, %d running trials rerun, %d trials at the end'
      % (mid_search, len(completed), killed_running, budget))
