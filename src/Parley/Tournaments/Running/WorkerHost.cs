using System.Globalization;
using Parley.Agents.Negotiators;

namespace Parley.Tournaments.Running;

/// <summary>
/// The loop of a worker process (<c>parley tournament worker</c>): reads plan indices, runs each negotiation, writes each
/// record. A watchdog thread ends the process when a negotiator stays inside one call longer than the turn budget plus
/// the grace: it first writes that negotiation's failure ("Hung"), so the coordinator records it and starts a new worker.
/// </summary>
public static class WorkerHost
{
    /// <summary>Exit code of a worker that ended itself because a negotiator never returned.</summary>
    public const int HungExitCode = 3;

    /// <summary>Runs until <paramref name="input"/> ends. <paramref name="exit"/> ends the process (tests pass their own).</summary>
    public static void Run(PreparedTournament tournament, TextReader input, TextWriter output, Action<int>? exit = null)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        exit ??= Environment.Exit;
        var watch = new TurnWatch();
        var gate = new object();
        int current = -1;
        bool ended = false;
        var limit = tournament.Spec.Protocol.TurnBudget + tournament.Spec.HangGrace;
        using var stop = new CancellationTokenSource();
        var watchdog = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (watch.OverdueBy(limit) is { } overdue)
                {
                    lock (gate)
                    {
                        if (ended) return;
                        ended = true;
                        var planned = tournament[Volatile.Read(ref current)];
                        var record = NegotiationExecutor.Failed(tournament, planned, WorkerWire.Hung, overdue.Seat,
                            string.Create(CultureInfo.InvariantCulture,
                                $"{tournament.Spec.Negotiators[planned.Seats[overdue.Seat]].Name} did not return from a call within the turn budget ({tournament.Spec.Protocol.TurnBudget.TotalMilliseconds:0.###} ms) plus grace ({tournament.Spec.HangGrace.TotalMilliseconds:0.###} ms); its worker process was replaced"),
                            overdue.Time);
                        output.WriteLine(WorkerWire.Write(record));
                        output.Flush();
                    }
                    exit(HungExitCode);
                    return;
                }
                stop.Token.WaitHandle.WaitOne(20);
            }
        })
        { IsBackground = true, Name = "parley-worker-watchdog" };
        watchdog.Start();

        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= tournament.Count)
                throw new InvalidDataException($"worker: expected a plan index below {tournament.Count}, got '{line}'");
            Volatile.Write(ref current, index);
            var record = NegotiationExecutor.Execute(tournament, index, (n, seat) => Watched.Wrap(n, seat, watch, tournament.Protocol.PrincipalType));
            lock (gate)
            {
                if (ended) break;
                output.WriteLine(WorkerWire.Write(record));
                output.Flush();
            }
        }
        stop.Cancel();
    }
}
