using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Protocols;

namespace Parley.Tournaments.Running;

/// <summary>
/// Runs one planned negotiation of a tournament and measures it: fresh negotiators, the protocol, then the distances of
/// the undiscounted utility vector to the Pareto frontier and the Nash point of the (unrotated) scenario. Never throws
/// for a negotiator's fault; an internal error becomes a failed record.
/// </summary>
public static class NegotiationExecutor
{
    /// <summary>Runs negotiation <paramref name="index"/>; <paramref name="wrap"/>, when given, wraps each seat's negotiator (e.g. to watch for hangs).</summary>
    public static NegotiationRecord Execute(PreparedTournament tournament, int index, Func<object, int, object>? wrap = null)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var planned = tournament[index];
        var table = tournament.Table(planned);
        NegotiationRecord record;
        object[] seats;
        try
        {
            seats = tournament.CreateNegotiators(planned);
        }
        catch (Exception e)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            return Failed(tournament, planned, "Exception", null, $"constructor threw {inner.GetType().Name}: {inner.Message}");
        }
        if (wrap is not null)
            for (int s = 0; s < seats.Length; s++) seats[s] = wrap(seats[s], s);
        try
        {
            record = tournament.Protocol.Run(table, seats, planned.Seed) with { Index = index };
        }
        catch (Exception e)
        {
            return Failed(tournament, planned, "Internal", null, $"{e.GetType().Name}: {e.Message}");
        }
        return Measure(tournament, planned, record);
    }

    /// <summary>A failed record for <paramref name="planned"/>: every seat gets its reserved value at time <paramref name="time"/>, discounted.</summary>
    public static NegotiationRecord Failed(PreparedTournament tournament, PlannedNegotiation planned, string kind, int? seat, string reason, double time = 0)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var principals = tournament.Table(planned).Principals.ToArray();
        var raw = principals.Select(p => p.Profile.ReservedValue.At(time)).ToImmutableArray();
        var final = principals.Select((p, i) => p.Profile.Discount(raw[i], time)).ToImmutableArray();
        var record = new NegotiationRecord
        {
            Index = planned.Index,
            Status = NegotiationStatus.Failed,
            Utilities = final,
            UndiscountedUtilities = raw,
            EndTime = time,
            Welfare = final.Sum(),
            FailureKind = kind,
            FailureSeat = seat,
            FailureReason = reason,
        };
        return Measure(tournament, planned, record);
    }

    private static NegotiationRecord Measure(PreparedTournament tournament, PlannedNegotiation planned, NegotiationRecord record)
    {
        if (tournament.Analysis(planned.Scenario) is not { } analysis) return record;
        int n = record.UndiscountedUtilities.Length;
        Span<double> point = stackalloc double[n];
        for (int seat = 0; seat < n; seat++) point[(seat + planned.Rotation) % n] = record.UndiscountedUtilities[seat];
        double best = double.PositiveInfinity;
        foreach (var p in analysis.Frontier.Points)
        {
            double d = Distance(point, p.Utilities.AsSpan());
            if (d < best) best = d;
        }
        return record with
        {
            DistanceToPareto = double.IsFinite(best) ? best : null,
            DistanceToNash = analysis.Nash is { } nash ? Distance(point, nash.Utilities.AsSpan()) : null,
        };
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
