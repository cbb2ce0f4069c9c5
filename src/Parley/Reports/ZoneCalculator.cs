using System.Collections.Immutable;
using System.Numerics;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// Zones of agreement of one scenario at any time. A space of at most <see cref="ReportOptions.MaxOutcomes"/> outcomes is
/// enumerated: every party's undiscounted utility of every outcome is evaluated once; each query applies discounting,
/// reserved values, red lines and withdrawn values at its time. A larger space with additive utilities (e.g. a phased
/// scenario) is searched exactly by <see cref="ZoneSearch"/> instead (<see cref="Search"/>), without enumeration.
/// A package is in the zone when every principal's utility is at least its reserved value (a tie counts as acceptable);
/// the comparison allows <see cref="TieTolerance"/> for floating-point rounding (see there). Not for use by several
/// threads at once (it keeps the rows of the last time asked for).
/// </summary>
internal sealed class ZoneCalculator
{
    /// <summary>
    /// How far below its reserved value a utility may fall from rounding alone and still count as reaching it. A utility
    /// is a sum of weight × score over at most a few dozen issues, each term below 1, so rounding moves it by less than
    /// 1e-14; a reserved value (curve point interpolated at a day, plus event steps) by about as little. Inputs given to
    /// at most four decimals (weights, scores, reserved values and steps; interpolation over at most 400 days) put every
    /// true difference that is not zero at 1e-8 / 400 = 2.5e-11 or more. 1e-12 lies between the two, so a tie that
    /// rounding breaks either way is classified as the tie it is, and no real shortfall is forgiven.
    /// </summary>
    internal const double TieTolerance = 1e-12;

    /// <summary>True when <paramref name="utility"/> reaches <paramref name="reserved"/> (ties included, see <see cref="TieTolerance"/>).</summary>
    internal static bool Reaches(double utility, double reserved) => utility - reserved >= -TieTolerance;

    private readonly Scenario _scenario;
    private readonly UtilityMatrix _matrix = null!; // all parties, scenario order (enumerated spaces only)
    private readonly int[] _principals;
    private readonly int _count;

    public ZoneCalculator(Scenario scenario) : this(scenario, search: false)
    {
    }

    /// <summary>With <paramref name="search"/>, the exact search even on a space small enough to enumerate (tests compare the two).</summary>
    internal ZoneCalculator(Scenario scenario, bool search)
    {
        _scenario = scenario;
        var space = scenario.Space;
        _principals = [.. scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal).Select(x => x.i)];
        if (search || !space.IsEnumerable || space.Count > ReportOptions.MaxOutcomes)
        {
            if (!ZoneSearch.Supports(scenario))
                throw new ArgumentException($"Scenario '{scenario.Name}' has {space.Cardinality?.ToString() ?? "uncountably many"} outcomes and a utility that is not additive; a report enumerates at most {ReportOptions.MaxOutcomes:N0} outcomes and searches larger spaces only when every utility is additive.");
            Search = new ZoneSearch(scenario, _principals);
            return;
        }
        _matrix = UtilityMatrix.Evaluate(space, scenario.Parties.Select(p => p.Profile.Utility).ToArray());
        _count = (int)space.Count;
    }

    /// <summary>The exact search used instead of enumeration on a space too large to enumerate; null when enumerated.</summary>
    internal ZoneSearch? Search { get; }

    public ImmutableArray<int> Principals => [.. _principals];

    /// <summary>Principals' reserved values at t (principal order).</summary>
    public double[] Reserved(double t) => _principals.Select(p => _scenario.ReservedValueAt(p, t)).ToArray();

    /// <summary>Party <paramref name="party"/>'s discounted utility of outcome <paramref name="o"/> at t.</summary>
    public double Utility(int party, int o, double t) => _scenario.Parties[party].Profile.Discount(_matrix[party, o], t);

    public ReportPackage Package(int o, double t)
    {
        var values = new int[_scenario.Space.IssueCount];
        _scenario.Space.Decode(o, values);
        return new ReportPackage([.. values], [.. Enumerable.Range(0, _scenario.Parties.Length).Select(p => Utility(p, o, t))]);
    }

    /// <summary>Principals' discounted utilities at t, principal-major; with <paramref name="relaxedIssue"/> ≥ 0 each is its best over that issue's available values.</summary>
    private double[][] PrincipalRows(double t, int relaxedIssue, FeasibleValues feasible)
    {
        var discounted = DiscountedRows(t);
        if (relaxedIssue < 0) return discounted;
        return [.. discounted.Select(row => BestOverIssue(row, relaxedIssue, feasible))];
    }

    // The rows at the time last asked for (the report asks the same time for the zone and each relaxed issue). Read only.
    private double _rowsTime = double.NaN;
    private double[][]? _rows;

    private double[][] DiscountedRows(double t)
    {
        if (_rows is not null && _rowsTime.Equals(t)) return _rows;
        var rows = new double[_principals.Length][];
        for (int k = 0; k < rows.Length; k++)
        {
            var profile = _scenario.Parties[_principals[k]].Profile;
            var src = _matrix.Row(_principals[k]);
            var row = new double[_count];
            for (int o = 0; o < _count; o++) row[o] = profile.Discount(src[o], t);
            rows[k] = row;
        }
        (_rows, _rowsTime) = (rows, t);
        return rows;
    }

    private double[] BestOverIssue(double[] row, int issue, FeasibleValues feasible)
    {
        var radices = _scenario.Space.Radices;
        long stride = 1;
        for (int i = 0; i < issue; i++) stride *= radices[i];
        int radix = radices[issue];
        var best = new double[row.Length];
        // Each fibre (the outcomes that differ only on the issue) once: its best over the allowed values, then written to all of it.
        for (long block = 0; block < row.Length; block += stride * radix)
            for (long fibre = block; fibre < block + stride; fibre++)
            {
                double m = double.NegativeInfinity;
                for (int w = 0; w < radix; w++)
                    if (feasible.Allows(issue, w)) m = Math.Max(m, row[fibre + w * stride]);
                for (int w = 0; w < radix; w++) best[fibre + w * stride] = m;
            }
        return best;
    }

    /// <summary>The zone at t; with <paramref name="relaxedIssue"/> ≥ 0, that issue relaxed (no red lines on it, everyone's best value).</summary>
    public ZoneOfAgreement Zone(double t, int relaxedIssue = -1, bool solutions = true)
    {
        if (Search is { } search) return search.Zone(t, relaxedIssue, solutions);
        var feasible = FeasibleValues.For(_scenario, t, relaxedIssue);
        var mask = feasible.IsEmpty ? new bool[_count] : feasible.OutcomeMask();
        var rows = PrincipalRows(t, relaxedIssue, feasible);
        var reserved = Reserved(t);
        long size = 0;
        double gap = double.NegativeInfinity;
        int closest = -1, nash = -1, welfare = -1;
        double bestProduct = double.NegativeInfinity, bestWelfare = double.NegativeInfinity;
        for (int o = 0; o < _count; o++)
        {
            if (!mask[o]) continue;
            double min = double.PositiveInfinity, product = 1, sum = 0;
            for (int k = 0; k < rows.Length; k++)
            {
                double gain = rows[k][o] - reserved[k];
                min = Math.Min(min, gain);
                product *= Math.Max(gain, 0);
                sum += rows[k][o];
            }
            if (min > gap) { gap = min; closest = o; }
            if (min < -TieTolerance) continue;
            size++;
            if (product > bestProduct) { bestProduct = product; nash = o; }
            if (sum > bestWelfare) { bestWelfare = sum; welfare = o; }
        }
        if (relaxedIssue >= 0)
        {
            int available = Enumerable.Range(0, _scenario.Space.Issues[relaxedIssue].ValueCount).Count(v => feasible.Allows(relaxedIssue, v));
            size = available == 0 ? 0 : size / available;
        }
        if (!solutions || size == 0)
            return new ZoneOfAgreement(size, closest < 0 ? double.NegativeInfinity : gap, closest < 0 || !solutions ? null : Package(closest, t), null, null, []);
        var favourites = ImmutableArray.CreateBuilder<MediatorFavourite>();
        for (int m = 0; m < _scenario.Parties.Length; m++)
        {
            var party = _scenario.Parties[m];
            if (party.Role != PartyRole.Mediator) continue;
            int best = -1;
            double bestU = double.NegativeInfinity;
            for (int o = 0; o < _count; o++)
            {
                if (!mask[o] || !InZone(rows, reserved, o)) continue;
                double u = Utility(m, o, t);
                if (u > bestU) { bestU = u; best = o; }
            }
            favourites.Add(new MediatorFavourite(m, Package(best, t), Parley.Preferences.MediatorUtility.OfAgreement(party.Stake, bestU)));
        }
        return new ZoneOfAgreement(size, gap, Package(closest, t), Package(nash, t), Package(welfare, t), favourites.ToImmutable());
    }

    private static bool InZone(double[][] rows, double[] reserved, int o)
    {
        for (int k = 0; k < rows.Length; k++) if (!Reaches(rows[k][o], reserved[k])) return false;
        return true;
    }

    /// <summary>
    /// For each principal, the fall of its reserved value (others held) that would open a zone at t: its reserved value
    /// minus its best utility over feasible packages the others accept; null when the others accept none.
    /// </summary>
    public ImmutableArray<OutsideOptionFall> Falls(double t)
    {
        if (Search is { } search) return search.Falls(t);
        var feasible = FeasibleValues.For(_scenario, t);
        var mask = feasible.IsEmpty ? new bool[_count] : feasible.OutcomeMask();
        var rows = PrincipalRows(t, -1, feasible);
        var reserved = Reserved(t);
        var result = ImmutableArray.CreateBuilder<OutsideOptionFall>();
        for (int k = 0; k < rows.Length; k++)
        {
            double best = double.NegativeInfinity;
            for (int o = 0; o < _count; o++)
            {
                if (!mask[o]) continue;
                bool othersAccept = true;
                for (int q = 0; q < rows.Length && othersAccept; q++) othersAccept = q == k || Reaches(rows[q][o], reserved[q]);
                if (othersAccept) best = Math.Max(best, rows[k][o]);
            }
            double? fall = double.IsNegativeInfinity(best) ? null : Reaches(best, reserved[k]) ? 0 : reserved[k] - best;
            result.Add(new OutsideOptionFall(_principals[k], reserved[k], fall));
        }
        return result.ToImmutable();
    }

}
