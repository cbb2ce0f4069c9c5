#!/usr/bin/env python3
"""CPU time (user + system, from the process's rusage) of parley's start-up, one negotiation and the first 2,000,
for JIT and ReadyToRun builds, with and without tiered PGO; runs interleaved, medians printed. docs/cli.md quotes it.

    dotnet publish src/Parley.Cli -c Release -o /tmp/parley-jit
    dotnet publish src/Parley.Cli -c Release -r linux-x64 -o /tmp/parley-r2r
    python3 bench/startup.py /tmp/parley-jit /tmp/parley-r2r [rounds]
"""
import os, statistics, subprocess, sys, time

jit, r2r = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
configs = {
    "jit": (jit, {}), "jit+pgo0": (jit, {"DOTNET_TieredPGO": "0"}),
    "r2r": (r2r, {}), "r2r+pgo0": (r2r, {"DOTNET_TieredPGO": "0"}),
}
commands = {
    "--version": ["--version"],
    "negotiate": ["negotiate", "scenarios/EnglandZimbabwe"],
    "--repeat 2000": ["negotiate", "scenarios/EnglandZimbabwe", "--repeat", "2000"],
}
cpu = {(c, k): [] for c in configs for k in commands}
for _ in range(rounds):
    for k, args in commands.items():
        for c, (folder, env) in configs.items():
            p = subprocess.Popen(["dotnet", os.path.join(folder, "Parley.Cli.dll"), *args], cwd=root,
                                 env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(p.pid, 0)
            cpu[(c, k)].append(usage.ru_utime + usage.ru_stime)
for k in commands:
    print(k.ljust(14), "  ".join(f"{c} {statistics.median(cpu[(c, k)]):.3f}s" for c in configs))
