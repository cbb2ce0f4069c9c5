using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// For one principal and one issue (slot): the worst value it can accept there, given the best it can get elsewhere in
/// the deal (every other issue at its most favourable feasible value for it, red lines, rules and withdrawn values
/// honoured), against its reserved value.
/// </summary>
/// <param name="Party">Principal index.</param>
/// <param name="Issue">Issue (slot) index.</param>
/// <param name="WorstAcceptable">The value index, or null when no value of the issue lets it reach its reserved value.</param>
/// <param name="Utility">Its best utility with that value (NaN when null).</param>
public sealed record IssueLimit(int Party, int Issue, int? WorstAcceptable, double Utility);

/// <summary>Builds the per-issue "what it would take" table of a report (exact: the space is enumerated, or searched by <see cref="ZoneSearch"/> when too large).</summary>
internal static class WhatItWouldTake
{
    public static ImmutableArray<IssueLimit> Of(Scenario scenario, double t, bool search = false)
    {
        var space = scenario.Space;
        if (search || !space.IsEnumerable || space.Count > ReportOptions.MaxOutcomes)
        {
            if (!ZoneSearch.Supports(scenario)) throw new ArgumentException($"Scenario '{scenario.Name}' is too large to enumerate and not additive.");
            return new ZoneSearch(scenario, [.. scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal).Select(x => x.i)]).Limits(t);
        }
        var principals = scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal).Select(x => x.i).ToArray();
        var matrix = UtilityMatrix.Evaluate(space, [.. principals.Select(p => scenario.Parties[p].Profile.Utility)]);
        var feasible = FeasibleValues.For(scenario, t);
        var mask = feasible.IsEmpty ? new bool[space.Count] : feasible.OutcomeMask();
        int n = space.IssueCount;
        var radices = space.Radices.ToArray();
        var result = ImmutableArray.CreateBuilder<IssueLimit>();
        for (int k = 0; k < principals.Length; k++)
        {
            var profile = scenario.Parties[principals[k]].Profile;
            double reserved = scenario.ReservedValueAt(principals[k], t);
            var row = matrix.Row(k);
            // best[i][v]: the principal's best discounted utility over feasible packages with issue i at value v.
            var best = radices.Select(r => Enumerable.Repeat(double.NegativeInfinity, r).ToArray()).ToArray();
            var values = new int[n];
            for (long o = 0; o < row.Length; o++)
            {
                if (mask[o])
                {
                    double u = profile.Discount(row[(int)o], t);
                    for (int i = 0; i < n; i++) if (u > best[i][values[i]]) best[i][values[i]] = u;
                }
                for (int i = 0; i < n; i++)
                {
                    if (++values[i] < radices[i]) break;
                    values[i] = 0;
                }
            }
            for (int i = 0; i < n; i++)
            {
                int? worst = null;
                double worstU = double.NaN;
                for (int v = 0; v < radices[i]; v++)
                    if (ZoneCalculator.Reaches(best[i][v], reserved) && (worst is null || best[i][v] < worstU)) (worst, worstU) = (v, best[i][v]);
                result.Add(new IssueLimit(principals[k], i, worst, worstU));
            }
        }
        return result.ToImmutable();
    }
}
