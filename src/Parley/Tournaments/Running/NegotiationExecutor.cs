using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Protocols;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Tournaments.Running;

/// <summary>
/// Runs one planned negotiation of a tournament and measures it: fresh negotiators, the protocol, then the distances of
/// the undiscounted utility vector to the Pareto frontier and the Nash point of the (unrotated) scenario. Never throws
/// for a negotiator's fault; an internal error becomes a failed record.
/// </summary>
public static class NegotiationExecutor
{
    /// <summary>Runs negotiation <paramref name="index"/>; <paramref name="wrap"/>, when given, wraps each seat's negotiator (e.g. to watch for hangs);
    /// <paramref name="measure"/> false leaves the quality measures out (a worker process: the coordinator measures).</summary>
    public static NegotiationRecord Execute(PreparedTournament tournament, int index, Func<object, int, object>? wrap = null, bool measure = true)
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
        var unwrapped = (object[])seats.Clone();
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
        if (record.Status != NegotiationStatus.Failed) record = record with { ModelAccuracy = ModelAccuracies(table, unwrapped) };
        return measure ? Measure(tournament, planned, record) : record;
    }

    /// <summary>
    /// The accuracy of each seat's opponent model (negotiators that expose one) against the other principals' true
    /// utilities, over the outcomes of <see cref="OpponentModelAccuracy.Sample"/>. A model that throws is left out.
    /// </summary>
    internal static ImmutableArray<ModelAccuracyRecord> ModelAccuracies(Parley.Scenarios.Scenario table, object[] seats)
    {
        List<ModelAccuracyRecord>? result = null;
        OpponentModelReference? reference = null;
        double[]? modelled = null;
        for (int seat = 0; seat < seats.Length; seat++)
        {
            if (seats[seat] is not Parley.Agents.Negotiators.IHasOpponentModel { OpponentModel: { } model }) continue;
            if (!table.Space.IsEnumerable || !table.Space.IsDiscrete) return [];
            reference ??= References.GetValue(table, static t => OpponentModelReference.For(t));
            var principals = reference.Principals;
            if (seat >= principals.Length) break;
            var sample = reference.Sample;
            modelled ??= new double[sample.Length];
            try
            {
                double pearson = 0, kendall = 0;
                int pearsons = 0, kendalls = 0;
                double? frontier = null;
                for (int other = 0; other < principals.Length; other++)
                {
                    if (other == seat) continue;
                    for (int k = 0; k < sample.Length; k++) modelled[k] = model.PredictUtility(principals[other], sample[k]);
                    var accuracy = reference.Measure(seat, other, modelled);
                    if (accuracy.Pearson is { } p) { pearson += p; pearsons++; }
                    if (accuracy.Kendall is { } t) { kendall += t; kendalls++; }
                    frontier = accuracy.ParetoError;
                }
                (result ??= []).Add(new ModelAccuracyRecord(seat, pearsons > 0 ? pearson / pearsons : null, kendalls > 0 ? kendall / kendalls : null, frontier));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The model's own fault: no accuracy for this seat; the negotiation's result stands.
            }
        }
        return result is null ? [] : [.. result];
    }

    // The sample, true utilities and true frontiers of each table, built at its first measured negotiation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Parley.Scenarios.Scenario, OpponentModelReference> References = new();

    /// <summary>A failed record for <paramref name="planned"/>: every seat gets its reserved value at time <paramref name="time"/>, discounted.</summary>
    public static NegotiationRecord Failed(PreparedTournament tournament, PlannedNegotiation planned, string kind, int? seat, string reason, double time = 0)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        return Settle(tournament, planned, new NegotiationRecord
        {
            Index = planned.Index,
            Status = NegotiationStatus.Failed,
            Utilities = [],
            UndiscountedUtilities = [],
            EndTime = time,
            FailureKind = kind,
            FailureSeat = seat,
            FailureReason = reason,
        }, null);
    }

    /// <summary>
    /// <paramref name="record"/> with its utilities, welfare and quality measures computed here from the scenario, as the
    /// protocols compute them: each principal's utility of <paramref name="agreement"/> (one value index per issue of the
    /// seated scenario), or without one its reserved value at the end time (moved by the scenario's timeline), then
    /// discounted to the end time. What a worker process reports is never trusted for these.
    /// </summary>
    internal static NegotiationRecord Settle(PreparedTournament tournament, PlannedNegotiation planned, NegotiationRecord record, int[]? agreement)
    {
        var table = tournament.Table(planned);
        double t = record.EndTime;
        Outcome? deal = agreement is null ? null : table.Space.Encode(agreement);
        var final = ImmutableArray.CreateBuilder<double>();
        var raw = ImmutableArray.CreateBuilder<double>();
        double welfare = 0;
        for (int i = 0; i < table.Parties.Length; i++)
        {
            var party = table.Parties[i];
            if (party.Role != Parley.Scenarios.PartyRole.Principal) continue;
            var profile = party.Profile;
            double u = deal is { } d ? UtilityIndex.For(profile.Utility).Utility(d) : profile.ReservedValue.At(t) + table.Timeline.ReservedValueShift(i, t);
            raw.Add(u);
            double discounted = profile.Discount(u, t);
            final.Add(discounted);
            welfare += discounted;
        }
        var utilities = final.ToImmutable();
        return Measure(tournament, planned, record with
        {
            Agreement = agreement is null ? null : AgreementText.Format(table.Space, [.. agreement]),
            Utilities = utilities,
            UndiscountedUtilities = raw.ToImmutable(),
            Welfare = welfare,
        });
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
