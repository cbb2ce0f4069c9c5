using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>
/// What measuring opponent models (<see cref="OpponentModelAccuracy"/>) at one table needs that no model changes: the
/// sampled outcomes (<see cref="OpponentModelAccuracy.Sample"/>), each principal's true utility of them, the sample
/// ranked by each principal's utility, and, at a bilateral table, each principal's true Pareto frontier. Built once per
/// (seated) scenario and shared read-only: a tournament measures every negotiation at the table against it, with the
/// same values <see cref="OpponentModelAccuracy.Measure"/> gives.
/// </summary>
public sealed class OpponentModelReference
{
    private readonly double[][] _truth;                    // [principal][k]
    private readonly int[]?[] _ascending;                  // [principal]: positions by ascending true utility; null when it holds NaN
    private readonly int[][] _finiteDescending;            // [principal]: positions of finite true utility, best first
    private readonly List<(double A, double B)>[] _frontier; // [principal] (bilateral): the true frontier from its side

    private OpponentModelReference(int[] principals, Outcome[] sample, double[][] truth)
    {
        Principals = principals;
        Sample = sample;
        _truth = truth;
        _ascending = new int[truth.Length][];
        _finiteDescending = new int[truth.Length][];
        for (int p = 0; p < truth.Length; p++)
        {
            _ascending[p] = Array.Exists(truth[p], double.IsNaN) ? null : OpponentModelAccuracy.Ascending(truth[p]);
            _finiteDescending[p] = OpponentModelAccuracy.FiniteDescending(truth[p]);
        }
        _frontier = new List<(double A, double B)>[truth.Length];
        if (truth.Length == 2)
            for (int p = 0; p < 2; p++)
                _frontier[p] = OpponentModelAccuracy.FrontierPoints(_finiteDescending[p], truth[p], truth[1 - p], truth[1 - p])!;
    }

    /// <summary>The reference of a table whose space is enumerable and discrete (the principals, in party order, are the measured seats).</summary>
    public static OpponentModelReference For(Scenario table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] principals = [.. Enumerable.Range(0, table.Parties.Length).Where(i => table.Parties[i].Role == PartyRole.Principal)];
        var sample = OpponentModelAccuracy.Sample(table.Space);
        var truth = new double[principals.Length][];
        for (int p = 0; p < principals.Length; p++)
        {
            var index = UtilityIndex.For(table.Parties[principals[p]].Profile.Utility);
            truth[p] = new double[sample.Length];
            for (int k = 0; k < sample.Length; k++) truth[p][k] = index.Utility(sample[k]);
        }
        return new OpponentModelReference(principals, sample, truth);
    }

    /// <summary>A reference over given true utilities ([principal][k]) of <paramref name="sample"/>, principal p being party p.</summary>
    internal static OpponentModelReference Of(Outcome[] sample, double[][] truth) =>
        new([.. Enumerable.Range(0, truth.Length)], sample, truth);

    /// <summary>The party index of each principal (principal p sits at seat p).</summary>
    public int[] Principals { get; }

    /// <summary>The outcomes measured.</summary>
    public Outcome[] Sample { get; }

    /// <summary>
    /// The accuracy of principal <paramref name="seat"/>'s model of principal <paramref name="other"/>, given
    /// <paramref name="modelled"/>[k], its modelled utility of <see cref="Sample"/>[k]; the frontier error only at a
    /// bilateral table. Equals <see cref="OpponentModelAccuracy.Measure"/> of the same utilities.
    /// </summary>
    public OpponentModelAccuracy Measure(int seat, int other, ReadOnlySpan<double> modelled)
    {
        var actual = _truth[other];
        if (modelled.Length != actual.Length) throw new ArgumentException("One modelled utility per sampled outcome expected.", nameof(modelled));
        double? kendall = _ascending[other] is { } ascending ? OpponentModelAccuracy.KendallTauB(modelled, actual, ascending) : null;
        double? frontier = _truth.Length != 2 || actual.Length == 0 ? null
            : OpponentModelAccuracy.FrontierError(_frontier[seat], _finiteDescending[seat], _truth[seat], modelled, actual);
        return new OpponentModelAccuracy(OpponentModelAccuracy.PearsonOf(modelled, actual), kendall, frontier);
    }
}
