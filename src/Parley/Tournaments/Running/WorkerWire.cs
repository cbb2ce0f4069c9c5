using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Tournaments.Running;

/// <summary>
/// What a worker process says about one negotiation: what happened (status, agreement, rounds, steps, end time,
/// failure), never the scores. The coordinator checks it against what it asked for and computes the utilities itself
/// (<see cref="WorkerWire.Accept"/>).
/// </summary>
internal sealed record WorkerReport
{
    public int Index { get; init; }
    public int Scenario { get; init; }
    public int Rotation { get; init; }
    public int[] Seats { get; init; } = [];
    public NegotiationStatus Status { get; init; }
    public string? Agreement { get; init; }
    public int Rounds { get; init; }
    public int Steps { get; init; }
    public double EndTime { get; init; }
    public string? FailureKind { get; init; }
    public int? FailureSeat { get; init; }
    public string? FailureReason { get; init; }
    public double ElapsedMs { get; init; }
    public ModelAccuracyRecord[]? ModelAccuracy { get; init; }

    public static WorkerReport Of(PlannedNegotiation planned, NegotiationRecord record) => new()
    {
        Index = planned.Index,
        Scenario = planned.Scenario,
        Rotation = planned.Rotation,
        Seats = [.. planned.Seats],
        Status = record.Status,
        Agreement = record.Agreement,
        Rounds = record.Rounds,
        Steps = record.Steps,
        EndTime = record.EndTime,
        FailureKind = record.FailureKind,
        FailureSeat = record.FailureSeat,
        FailureReason = record.FailureReason,
        ElapsedMs = record.ElapsedMs,
        ModelAccuracy = record.ModelAccuracy.IsDefaultOrEmpty ? null : [.. record.ModelAccuracy],
    };
}

/// <summary>
/// How coordinator and worker processes talk, over a channel of their own (<see cref="WorkerChannel"/>; never the
/// worker's stdout or stderr, which user code can write to): the coordinator writes one plan index per line; the worker
/// answers each, in order, with one JSON <see cref="WorkerReport"/> per line. A worker about to die of a fault in user
/// code (an exception on a background thread, <c>Environment.Exit</c>) sends a last report, failure kind
/// <see cref="Crashed"/>, naming the seat to blame.
/// </summary>
internal static class WorkerWire
{
    /// <summary>Failure kind of a negotiation whose negotiator never returned from a call.</summary>
    public const string Hung = "Hung";

    /// <summary>Failure kind of a negotiation whose worker process died.</summary>
    public const string Crashed = "Crashed";

    /// <summary>Failure kind of a negotiation whose negotiator ran its worker out of the memory cap.</summary>
    public const string MemoryLimit = "MemoryLimit";

    /// <summary>Failure kind of a negotiation whose worker sent a report that does not match what it was asked to run.</summary>
    public const string Tampered = "Tampered";

    /// <summary>Longest report line the coordinator reads.</summary>
    public const int MaxLine = 1 << 20;

    private const int MaxReason = 2000;

    private static readonly HashSet<string> Kinds = ["Exception", "InvalidAction", "TimeBudgetExceeded", "Internal", Hung, Crashed, MemoryLimit];

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static string Write(WorkerReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>The report in <paramref name="line"/>, or null (with the reason) when it is not one.</summary>
    public static WorkerReport? Read(string line, out string? problem)
    {
        problem = null;
        try
        {
            var report = JsonSerializer.Deserialize<WorkerReport>(line, Options);
            if (report is null) problem = "it sent 'null'";
            return report;
        }
        catch (JsonException e)
        {
            problem = $"it sent a line that is not a report ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// The stored record for <paramref name="report"/>, an answer about <paramref name="expected"/>; null (with the
    /// reason) when the report does not match what was asked: another negotiation, other seats, an agreement outside the
    /// outcome space, counts or times out of range, an unknown failure. Utilities, welfare and distances are computed
    /// here from the scenario, whatever the worker claims.
    /// </summary>
    public static NegotiationRecord? Accept(PreparedTournament tournament, PlannedNegotiation expected, WorkerReport report, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(report);
        problem = Mismatch(tournament, expected, report, out int[]? agreement);
        if (problem is not null) return null;
        string? reason = report.FailureReason is { Length: > MaxReason } r ? r[..MaxReason] + "…" : report.FailureReason;
        return NegotiationExecutor.Settle(tournament, expected, new NegotiationRecord
        {
            Index = expected.Index,
            Status = report.Status,
            Utilities = [],
            UndiscountedUtilities = [],
            Rounds = report.Rounds,
            Steps = report.Steps,
            EndTime = report.EndTime,
            FailureKind = report.FailureKind,
            FailureSeat = report.FailureSeat,
            FailureReason = reason,
            ElapsedMs = report.ElapsedMs,
            ModelAccuracy = report.ModelAccuracy is { } models ? [.. models] : [],
        }, agreement);
    }

    private static string? Mismatch(PreparedTournament tournament, PlannedNegotiation expected, WorkerReport report, out int[]? agreement)
    {
        agreement = null;
        if (report.Index != expected.Index) return $"it answered negotiation {report.Index}, expected {expected.Index}";
        if (report.Scenario != expected.Scenario || report.Rotation != expected.Rotation || report.Seats is null || !report.Seats.AsSpan().SequenceEqual(expected.Seats.AsSpan()))
            return "its report names other scenario, rotation or seats than the negotiation asked for";
        if (!Enum.IsDefined(report.Status)) return $"unknown status {(int)report.Status}";
        if (report.Rounds < 0 || report.Steps < 0 || (tournament.Spec.Protocol.Rounds is { } max && report.Rounds > max))
            return string.Create(CultureInfo.InvariantCulture, $"{report.Rounds} rounds and {report.Steps} steps are out of range");
        if (!(report.EndTime >= 0 && report.EndTime <= 1)) return string.Create(CultureInfo.InvariantCulture, $"end time {report.EndTime} is outside [0, 1]");
        if (!double.IsFinite(report.ElapsedMs) || report.ElapsedMs < 0) return "elapsed time is not a duration";
        foreach (var m in report.ModelAccuracy ?? [])
            if (m.Seat < 0 || m.Seat >= expected.Seats.Length || !InRange(m.Pearson, -1, 1) || !InRange(m.Kendall, -1, 1) || !InRange(m.ParetoError, 0, 2))
                return "its opponent-model accuracy names no seat or lies out of range";
        bool failed = report.Status == NegotiationStatus.Failed;
        if (failed != report.FailureKind is not null) return "status and failure kind disagree";
        if (report.FailureKind is { } kind && !Kinds.Contains(kind)) return $"unknown failure kind '{kind}'";
        if (report.FailureSeat is { } seat && (seat < 0 || seat >= expected.Seats.Length)) return $"failure seat {seat} does not exist";
        if ((report.Status == NegotiationStatus.Agreed) != report.Agreement is not null) return "status and agreement disagree";
        if (report.Agreement is { } text)
        {
            agreement = Parse(tournament.Table(expected).Space, text);
            if (agreement is null) return "its agreement is not an outcome of the scenario";
        }
        return null;
    }

    private static bool InRange(double? value, double low, double high) => value is not { } v || (v >= low && v <= high);

    /// <summary>The value index per issue of an agreement as stored (issue → value, in issue order), or null when it is not an outcome of <paramref name="space"/>.</summary>
    private static int[]? Parse(Parley.Outcomes.OutcomeSpace space, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var values = new int[space.IssueCount];
            int i = 0;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (i >= values.Length || property.Name != space.Issues[i].Name || property.Value.ValueKind != JsonValueKind.String) return null;
                int v = space.Issues[i].IndexOf(property.Value.GetString()!);
                if (v < 0 || v >= space.Radices[i]) return null;
                values[i++] = v;
            }
            return i == values.Length ? values : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
