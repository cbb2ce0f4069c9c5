using System.Globalization;
using Parley.Agents.Negotiators;

namespace Parley.Tournaments.Running;

/// <summary>
/// The loop of a worker process (<c>parley tournament worker</c>): reads plan indices, runs each negotiation, writes what
/// happened as a <see cref="WorkerReport"/> (<see cref="WorkerWire"/>), on the private channel to the coordinator. A
/// watchdog thread ends the process when a negotiator stays inside one call longer than the turn budget plus the grace:
/// it first reports that negotiation as failed ("Hung"), so the coordinator records it and starts a new worker. When user
/// code brings the process down (an unhandled exception on a thread it started, <c>Environment.Exit</c>), the worker
/// reports the negotiation it was running as "Crashed", blamed on the seat whose call started that thread (or made the
/// exit call), before it dies.
/// </summary>
public static class WorkerHost
{
    /// <summary>Exit code of a worker that ended itself because a negotiator never returned.</summary>
    public const int HungExitCode = 3;

    /// <summary>Runs until <paramref name="input"/> ends. <paramref name="exit"/> ends the process (tests pass their own);
    /// <paramref name="guardProcess"/> installs the crash reports on this process's unhandled-exception and exit events.</summary>
    public static void Run(PreparedTournament tournament, TextReader input, TextWriter output, Action<int>? exit = null, bool guardProcess = false) =>
        Run(tournament, input, output, exit, guardProcess, null);

    /// <summary>As the public overload, telling <paramref name="board"/> (shared with the coordinator) what runs.</summary>
    internal static void Run(PreparedTournament tournament, TextReader input, TextWriter output, Action<int>? exit, bool guardProcess, CallBoard? board)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        exit ??= Environment.Exit;
        var watch = new TurnWatch(board);
        var gate = new object();
        int current = -1;
        bool ended = false;
        var limit = tournament.Spec.Protocol.TurnBudget + tournament.Spec.HangGrace;

        // Sends the last word about the running negotiation, once; false when there is none or one was sent.
        bool Last(Func<PlannedNegotiation, NegotiationRecord> failure)
        {
            lock (gate)
            {
                int index = Volatile.Read(ref current);
                if (ended || index < 0) return false;
                ended = true;
                var planned = tournament[index];
                output.WriteLine(WorkerWire.Write(WorkerReport.Of(planned, failure(planned))));
                output.Flush();
                return true;
            }
        }

        UnhandledExceptionEventHandler? onUnhandled = null;
        EventHandler? onExit = null;
        if (guardProcess)
        {
            onUnhandled = (_, e) =>
            {
                int? seat = Watched.CallerSeat ?? watch.SeatInCall;
                seat = seat is >= 0 and < 64 ? seat : null;
                string what = e.ExceptionObject is Exception x ? $"{x.GetType().Name}: {x.Message}" : "an unknown exception";
                try
                {
                    Last(p => NegotiationExecutor.Failed(tournament, p, e.ExceptionObject is OutOfMemoryException ? WorkerWire.MemoryLimit : WorkerWire.Crashed, seat,
                        $"{Blame(tournament, p, seat)} brought its worker process down: unhandled {what} on a thread it started; the worker was replaced", watch.Time));
                }
                catch (Exception) { /* dying anyway */ }
            };
            onExit = (_, _) =>
            {
                int? seat = Watched.CallerSeat ?? watch.SeatInCall;
                seat = seat is >= 0 and < 64 ? seat : null;
                try
                {
                    Last(p => NegotiationExecutor.Failed(tournament, p, WorkerWire.Crashed, seat,
                        string.Create(CultureInfo.InvariantCulture, $"{Blame(tournament, p, seat)} ended its worker process (Environment.Exit({Environment.ExitCode})); the worker was replaced"), watch.Time));
                }
                catch (Exception) { /* exiting anyway */ }
            };
            AppDomain.CurrentDomain.UnhandledException += onUnhandled;
            AppDomain.CurrentDomain.ProcessExit += onExit;
        }

        using var stop = new CancellationTokenSource();
        var watchdog = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (watch.OverdueBy(limit) is { } overdue)
                {
                    bool sent = Last(planned => NegotiationExecutor.Failed(tournament, planned, WorkerWire.Hung, overdue.Seat,
                        string.Create(CultureInfo.InvariantCulture,
                            $"{tournament.Spec.Negotiators[planned.Seats[overdue.Seat]].Name} did not return from a call within the turn budget ({tournament.Spec.Protocol.TurnBudget.TotalMilliseconds:0.###} ms) plus grace ({tournament.Spec.HangGrace.TotalMilliseconds:0.###} ms); its worker process was replaced"),
                        overdue.Time));
                    if (!sent) return;
                    if (onExit is not null) AppDomain.CurrentDomain.ProcessExit -= onExit;
                    exit(HungExitCode);
                    return;
                }
                stop.Token.WaitHandle.WaitOne(20);
            }
        })
        { IsBackground = true, Name = "parley-worker-watchdog" };
        watchdog.Start();

        try
        {
            string? line;
            while ((line = input.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= tournament.Count)
                    throw new InvalidDataException($"worker: expected a plan index below {tournament.Count}, got '{line}'");
                Volatile.Write(ref current, index);
                board?.Running(index);
                var record = NegotiationExecutor.Execute(tournament, index, (n, seat) => Watched.Wrap(n, seat, watch, tournament.Protocol.PrincipalType), measure: false);
                if (record.FailureReason is { } reason && reason.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal))
                    record = record with { FailureKind = WorkerWire.MemoryLimit, FailureReason = reason + " (the worker's memory cap, 'workerMemory')" };
                lock (gate)
                {
                    if (ended) break;
                    output.WriteLine(WorkerWire.Write(WorkerReport.Of(tournament[index], record)));
                    output.Flush();
                    Volatile.Write(ref current, -1);
                }
            }
        }
        finally
        {
            stop.Cancel();
            if (onUnhandled is not null) AppDomain.CurrentDomain.UnhandledException -= onUnhandled;
            if (onExit is not null) AppDomain.CurrentDomain.ProcessExit -= onExit;
        }
    }

    private static string Blame(PreparedTournament tournament, PlannedNegotiation planned, int? seat) =>
        seat is { } s && s < planned.Seats.Length ? tournament.Spec.Negotiators[planned.Seats[s]].Name : "a negotiator";
}
