#!/usr/bin/env python3
"""GENIUS round robin against Parley, per agent: mean undiscounted utility (either seat; the reservation value without
agreement) and agreement rate, per repetition, as a Markdown table (docs/agents.md).
Usage: eng/genius-round-robin.py GENIUS_REP1.csv GENIUS_REP2.csv PARLEY_RESULTS.db
  GENIUS_REPn.csv: negotiations.csv of the oracle kit's tournament.sh (../shared/tools/genius), one per repetition;
  PARLEY_RESULTS.db: the SQLite database of `parley tournament run bench/anac-round-robin.yaml` (its latest tournament)."""
import csv, sqlite3, sys, collections
def genius(files):
    per = collections.defaultdict(lambda: collections.defaultdict(list))  # agent -> rep -> [(u, agreed)]
    n = 0
    for rep, f in enumerate(files, 1):
        for r in csv.DictReader(open(f)):
            if r.get('exception'): continue
            ag = r['agreement'] == 'yes'
            per[r['agentA'].lower()][rep].append((float(r['utilityA']), ag))
            per[r['agentB'].lower()][rep].append((float(r['utilityB']), ag))
            n += 1
    return per, n
def parley(db):
    c = sqlite3.connect(db)
    tid = c.execute("select max(id) from tournaments").fetchone()[0]
    q = """select lower(n.name), ng.repetition, u.undiscounted_utility, r.status
           from result_utilities u join seats s using (tournament_id, negotiation_index, seat)
           join negotiators n on n.tournament_id=s.tournament_id and n.negotiator_index=s.negotiator_index
           join results r on r.tournament_id=u.tournament_id and r.negotiation_index=u.negotiation_index
           join negotiations ng on ng.tournament_id=u.tournament_id and ng.negotiation_index=u.negotiation_index
           where u.tournament_id=?"""
    per = collections.defaultdict(lambda: collections.defaultdict(list))
    for name, rep, u, st in c.execute(q, (tid,)):
        per[name][rep + 1].append((u, st == 'agreed'))
    fails = c.execute("select count(*) from results where tournament_id=? and status='failed'", (tid,)).fetchone()[0]
    return per, fails
def mean(xs, i): return sum(x[i] for x in xs) / len(xs) if xs else float('nan')
g, ng = genius(sys.argv[1:3]); p, fails = parley(sys.argv[3])
rows = []
for a in g:
    ga = [x for r in g[a].values() for x in r]; pa = [x for r in p.get(a, {}).values() for x in r]
    greps = [mean(g[a][k], 0) for k in sorted(g[a])]; preps = [mean(p[a][k], 0) for k in sorted(p.get(a, {}))]
    rows.append((a, mean(ga, 0), greps, mean(pa, 0), preps, mean(ga, 1), mean(pa, 1), len(ga), len(pa),
                 [mean(g[a][k], 1) for k in sorted(g[a])], [mean(p[a][k], 1) for k in sorted(p.get(a, {}))]))
rows.sort(key=lambda r: -r[1])
f = lambda xs: " / ".join(f"{x:.3f}" for x in xs)
f2 = lambda xs: " / ".join(f"{x:.2f}" for x in xs)
print(f"GENIUS sessions: {ng}; Parley failed negotiations: {fails}\n")
print("| Agent | GENIUS mean utility (rep 1 / rep 2) | Parley mean utility (rep 1 / rep 2) | GENIUS spread | Δ | GENIUS agreement | Parley agreement | n GENIUS / Parley |")
print("|---|---|---|---|---|---|---|---|")
for a, gu, gr, pu, pr, gag, pag, n1, n2, gar, par in rows:
    spread = max(gr) - min(gr) if gr else float('nan')
    print(f"| {a} | {gu:.3f} ({f(gr)}) | {pu:.3f} ({f(pr)}) | {spread:.3f} | {pu-gu:+.3f} | {gag:.2f} ({f2(gar)}) | {pag:.2f} ({f2(par)}) | {n1} / {n2} |")
print()
print("- GENIUS ranking: " + " > ".join(r[0] for r in rows))
print("- Parley ranking: " + " > ".join(r[0] for r in sorted(rows, key=lambda r: -r[3])))
