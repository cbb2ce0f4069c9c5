using System.Collections.Immutable;
using System.Numerics;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>One principal's win-set: the feasible packages its ratifier would approve (Putnam).</summary>
/// <param name="Party">Principal index.</param>
/// <param name="Ratifier">The ratifier's name.</param>
/// <param name="Size">Feasible packages (no principal's red line or rule crossed, every value available) its ratifier approves.</param>
/// <param name="Reserved">The ratifier's reserved value at the report's time.</param>
public sealed record WinSet(int Party, string Ratifier, BigInteger Size, double Reserved);

/// <summary>Two-level ratification at the report's time: each side's win-set and the zone of agreement over ratified packages.</summary>
/// <param name="WinSets">One per principal with a ratifier.</param>
/// <param name="RatifiedZoneSize">Packages in the zone of agreement that every ratifier approves.</param>
/// <param name="RejectedByRatifiers">Packages the negotiators accept (in the zone) that some ratifier rejects.</param>
/// <param name="Blocking">For each ratifier: how many zone packages it alone rejects, by principal index.</param>
/// <param name="RatifiedNash">The Nash package of the ratified zone (null without one).</param>
public sealed record RatificationReport(ImmutableArray<WinSet> WinSets, BigInteger RatifiedZoneSize, BigInteger RejectedByRatifiers, ImmutableArray<(int Party, BigInteger Rejects)> Blocking, ReportPackage? RatifiedNash);

/// <summary>Builds the <see cref="RatificationReport"/> (exact: the space is enumerated, or searched by <see cref="ZoneSearch"/> when too large).</summary>
public static class Ratification
{
    /// <summary>
    /// Win-sets and the ratified zone of <paramref name="scenario"/> at normalised time <paramref name="t"/>; null when no
    /// principal has a ratifier. Throws <see cref="ArgumentException"/> for a space too large to enumerate.
    /// </summary>
    public static RatificationReport? Of(Scenario scenario, double t) =>
        scenario.Parties.Any(p => p.Ratifier is not null) ? Of(scenario, t, new ZoneCalculator(scenario)) : null;

    internal static RatificationReport? Of(Scenario scenario, double t, ZoneCalculator calc)
    {
        var ratified = scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal && x.p.Ratifier is not null).Select(x => x.i).ToArray();
        if (ratified.Length == 0) return null;
        if (calc.Search is { } search) return search.Ratification(t);
        var space = scenario.Space;
        var principals = calc.Principals;
        var reserved = calc.Reserved(t);
        var feasible = FeasibleValues.For(scenario, t);
        var mask = feasible.IsEmpty ? new bool[space.Count] : feasible.OutcomeMask();
        var ratifierRows = ratified.Select(p => UtilityMatrix.Evaluate(space, [scenario.Parties[p].Ratifier!.Profile.Utility]).Row(0).ToArray()).ToArray();
        var ratifierReserved = ratified.Select(p => scenario.RatifierReservedValueAt(p, t)!.Value).ToArray();
        var winSizes = new long[ratified.Length];
        var rejects = new long[ratified.Length];
        long ratifiedZone = 0, rejectedByRatifiers = 0;
        int nash = -1;
        double bestProduct = double.NegativeInfinity;
        var values = new int[space.IssueCount];
        for (int o = 0; o < mask.Length; o++)
        {
            if (!mask[o]) continue;
            space.Decode(new Outcomes.Outcome((ulong)o), values);
            int rejecting = 0, lastRejecting = -1;
            for (int k = 0; k < ratified.Length; k++)
            {
                var r = scenario.Parties[ratified[k]].Ratifier!;
                bool approves = !r.Profile.RedLines.Crosses(values) && ZoneCalculator.Reaches(r.Profile.Discount(ratifierRows[k][o], t), ratifierReserved[k]);
                if (approves) winSizes[k]++;
                else { rejecting++; lastRejecting = k; }
            }
            bool inZone = true;
            double product = 1;
            for (int k = 0; k < principals.Length && inZone; k++)
            {
                double gain = calc.Utility(principals[k], o, t) - reserved[k];
                inZone = gain >= -ZoneCalculator.TieTolerance;
                product *= gain;
            }
            if (!inZone) continue;
            if (rejecting == 0)
            {
                ratifiedZone++;
                if (product > bestProduct) (bestProduct, nash) = (product, o);
            }
            else
            {
                rejectedByRatifiers++;
                if (rejecting == 1) rejects[lastRejecting]++;
            }
        }
        return new RatificationReport(
            [.. ratified.Select((p, k) => new WinSet(p, scenario.Parties[p].Ratifier!.Name, winSizes[k], ratifierReserved[k]))],
            ratifiedZone, rejectedByRatifiers, [.. ratified.Select((p, k) => (p, (BigInteger)rejects[k]))], nash >= 0 ? calc.Package(nash, t) : null);
    }
}
