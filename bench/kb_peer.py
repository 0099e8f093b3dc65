#!/usr/bin/env python3
"""Peers for the knowledge base benchmark.

  kb_peer.py networkx EDGES PAIRS   networkx shortest path and neighbors over
                                    the same link graph and the same pairs
  kb_peer.py cli TIES DB PAIRS N    wall time of N `ties path` processes (start,
                                    open, search, evidence, JSON output)
  kb_peer.py run CMD...             runs CMD; prints "wall_s=.. cpu_s=.." (user +
                                    system time of the process and children)
Prints lines "NAME p50_ms=.. p99_ms=.. max_ms=.. n=..".
"""
import subprocess
import sys
import time


def pct(v, name):
    v = sorted(v)
    n = len(v)
    p99 = v[min(n - 1, int(n * 0.99))]
    print(f"{name} p50_ms={v[n // 2]:.3f} p99_ms={p99:.3f} max_ms={v[-1]:.3f} n={n}")


def pairs(path):
    with open(path) as f:
        return [tuple(int(x) for x in line.split()) for line in f if line.strip()]


def run_networkx(edges, pairfile):
    import networkx as nx

    t0 = time.perf_counter()
    g = nx.Graph()
    with open(edges) as f:
        g.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f))
    print(f"networkx_load s={time.perf_counter() - t0:.2f} nodes={g.number_of_nodes()} "
          f"edges={g.number_of_edges()}")
    tp, tn, found = [], [], 0
    for a, b in pairs(pairfile):
        t = time.perf_counter()
        try:
            nx.shortest_path(g, a, b)  # unweighted: bidirectional BFS
            found += 1
        except nx.NetworkXNoPath:
            pass
        tp.append((time.perf_counter() - t) * 1e3)
        t = time.perf_counter()
        sorted(g.neighbors(a))
        tn.append((time.perf_counter() - t) * 1e3)
    print(f"networkx_found {found}")
    pct(tp, "networkx_path")
    pct(tn, "networkx_neighbors")


def run_cli(ties, db, pairfile, n):
    tv = []
    for a, b in pairs(pairfile)[:n]:
        t = time.perf_counter()
        r = subprocess.run([ties, "path", "--db", db, "--json", f"#{a}", f"#{b}"],
                           stdout=subprocess.DEVNULL)
        tv.append((time.perf_counter() - t) * 1e3)
        if r.returncode:
            sys.exit(f"ties path failed: {r.returncode}")
    pct(tv, "cli_path_process")


def run_cmd(cmd):
    import os
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{cmd[0]} failed: {os.waitstatus_to_exitcode(status)}")
    print(f"wall_s={wall:.2f} cpu_s={ru.ru_utime + ru.ru_stime:.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run_cmd(sys.argv[2:])
    elif sys.argv[1] == "networkx":
        run_networkx(sys.argv[2], sys.argv[3])
    else:
        run_cli(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
