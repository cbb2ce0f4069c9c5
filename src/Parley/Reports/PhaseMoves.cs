using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// Moving a question settled once for the whole deal into the phases: value <see cref="Before"/> until phase
/// <see cref="Phase"/>, value <see cref="After"/> from it on (a concession released later, or withdrawn later), every other
/// question settled now. A per-phase issue already takes a value in each phase in every zone, so moving its values between
/// phases is inside the zone already; these moves are of once-issues.
/// </summary>
/// <param name="Issue">Index of the once-issue in <see cref="Scenarios.Phases.PhaseStructure.Issues"/>.</param>
/// <param name="Phase">The phase from which <see cref="After"/> applies (≥ 1).</param>
/// <param name="Size">Packages in the zone over every pair of values (before, after) with before ≠ after.</param>
/// <param name="Gap">The zone's gap over them (see <see cref="ZoneOfAgreement.Gap"/>).</param>
/// <param name="Best">The Nash package of that zone, with the issue at <see cref="Before"/> and the moved utilities (null without one).</param>
/// <param name="Before">The issue's value before <see cref="Phase"/> in <see cref="Best"/> (or in the package closest to a zone; −1 when none is feasible).</param>
/// <param name="After">Its value from <see cref="Phase"/> on, likewise.</param>
/// <param name="OpensZone">True when settling every question now gives no zone and this move gives one.</param>
public sealed record PhaseMove(int Issue, int Phase, BigInteger Size, double Gap, ReportPackage? Best, int Before, int After, bool OpensZone);

/// <summary>Finds the <see cref="PhaseMove"/>s of a phased scenario at a time, exactly (by enumeration of the settled-now space).</summary>
internal static class PhaseMoves
{
    /// <summary>Once-issues with more values are not moved (every ordered pair of values is tried).</summary>
    public const int MaxValues = 32;

    public static ImmutableArray<PhaseMove> Of(Scenario scenario, double t, bool settledZoneExists)
    {
        if (scenario.Phasing is not { } phasing || phasing.Structure.Phases.Length < 2) return [];
        var structure = phasing.Structure;
        var settled = Sequencing.Restrict(scenario, _ => true);
        var space = settled.Space;
        if (!space.IsEnumerable || space.Count > ReportOptions.MaxOutcomes) return [];
        int[] principals = [.. Enumerable.Range(0, scenario.Parties.Length).Where(p => scenario.Parties[p].Role == PartyRole.Principal)];
        var matrix = UtilityMatrix.Evaluate(space, principals.Select(p => scenario.Parties[p].Profile.Utility).ToArray());
        var mask = FeasibleValues.For(settled, t) is { IsEmpty: false } feasible ? feasible.OutcomeMask() : new bool[space.Count];
        var reserved = principals.Select(p => scenario.ReservedValueAt(p, t)).ToArray();
        var radices = space.Radices;
        var moves = ImmutableArray.CreateBuilder<PhaseMove>();
        for (int i = 0; i < structure.Issues.Length; i++)
        {
            var pi = structure.Issues[i];
            if (pi.PerPhase) continue;
            int slot = structure.SlotOf(i, 0);
            int values = pi.Issue.ValueCount; // its own values (a deferrable slot's 'deferred' comes after them)
            if (values is < 2 or > MaxValues) continue;
            long stride = 1;
            for (int s = 0; s < slot; s++) stride *= radices[s];
            for (int k = 1; k < structure.Phases.Length; k++)
            {
                // Per principal: what a unit of score on the issue from phase k on is worth, w_i · Σ_{k' ≥ k} π_k' · c_k'.
                var later = principals.Select(p =>
                {
                    var ph = phasing.Parties[p];
                    double share = 0;
                    for (int q = k; q < structure.Phases.Length; q++) share += ph.PhaseWeights[q] * ph.CarriedOut[q];
                    return ph.Utility.Weights[i] * share;
                }).ToArray();
                moves.Add(Move(scenario, phasing, principals, matrix, mask, reserved, i, k, slot, stride, values, later, t, settledZoneExists));
            }
        }
        return moves.ToImmutable();
    }

    private static PhaseMove Move(Scenario scenario, Scenarios.Phases.ScenarioPhasing phasing, int[] principals, UtilityMatrix matrix, bool[] mask, double[] reserved,
        int issue, int phase, int slot, long stride, int values, double[] later, double t, bool settledZoneExists)
    {
        var baseIssue = phasing.Structure.Issues[issue].Issue;
        long count = mask.LongLength;
        int radix = scenario.Space.Radices[slot];
        BigInteger size = 0;
        double gap = double.NegativeInfinity, bestProduct = double.NegativeInfinity;
        (long O, int X, int Y, double[] U)? best = null, closest = null;
        var u = new double[principals.Length];
        for (int x = 0; x < values; x++)
            for (int y = 0; y < values; y++)
            {
                if (x == y) continue;
                var delta = principals.Select((p, k) =>
                {
                    var evaluator = phasing.Parties[p].Utility.Evaluators[issue];
                    return later[k] * (evaluator.Score(baseIssue, y) - evaluator.Score(baseIssue, x));
                }).ToArray();
                for (long block = 0; block < count; block += stride * radix)
                for (long o = block + x * stride, end = o + stride; o < end; o++)
                {
                    long moved = o + (long)(y - x) * stride;
                    // Both values are in force (one before, one from the phase on): each must be inside every limit.
                    if (!mask[o] || !mask[moved]) continue;
                    double min = double.PositiveInfinity, product = 1;
                    for (int k = 0; k < principals.Length; k++)
                    {
                        u[k] = scenario.Parties[principals[k]].Profile.Discount(matrix[k, (int)o] + delta[k], t);
                        double g = u[k] - reserved[k];
                        min = Math.Min(min, g);
                        product *= Math.Max(g, 0);
                    }
                    if (min > gap) { gap = min; closest = (o, x, y, [.. u]); }
                    if (min < -ZoneCalculator.TieTolerance) continue;
                    size++;
                    if (product > bestProduct) { bestProduct = product; best = (o, x, y, [.. u]); }
                }
            }
        var shown = best ?? closest;
        return new PhaseMove(issue, phase, size, gap, best is { } b ? Package(scenario, principals, b.O, b.U) : null,
            shown?.X ?? -1, shown?.Y ?? -1, !settledZoneExists && size > 0);
    }

    private static ReportPackage Package(Scenario scenario, int[] principals, long o, double[] utilities)
    {
        var values = new int[scenario.Space.IssueCount];
        scenario.Space.Decode(new Outcome((ulong)o), values);
        var all = new double[scenario.Parties.Length];
        Array.Fill(all, double.NaN);
        for (int k = 0; k < principals.Length; k++) all[principals[k]] = utilities[k];
        return new ReportPackage([.. values], [.. all]);
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Why a move that opens a zone does, in words.</summary>
    public static string Reason(Scenario scenario, PhaseMove move)
    {
        var phasing = scenario.Phasing!;
        var structure = phasing.Structure;
        var issue = structure.Issues[move.Issue].Issue;
        var shares = scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal).Select(x =>
        {
            var ph = phasing.Parties[x.i];
            double all = 0, later = 0;
            for (int q = 0; q < structure.Phases.Length; q++)
            {
                all += ph.PhaseWeights[q] * ph.CarriedOut[q];
                if (q >= move.Phase) later += ph.PhaseWeights[q] * ph.CarriedOut[q];
            }
            return $"{x.p.Name} {F(all > 0 ? later / all : 0)}";
        });
        return $"Settling {issue.Name} at {issue.FormatValue(move.Before)} until {structure.Phases[move.Phase].Name} and at {issue.FormatValue(move.After)} from then on opens a zone ({move.Size} packages) where settling every question now gives none: the question is then split across the phases, a middle ground that no single value gives; the share of the question that falls from {structure.Phases[move.Phase].Name} on, by how much each side weighs the phases and believes they are carried out: {string.Join(", ", shares)}.";
    }
}
