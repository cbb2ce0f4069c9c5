using System.Collections.Immutable;
using System.Numerics;
using Parley.Analysis;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The zone of agreement, its solutions, outside-option falls, win-sets and per-issue limits of a scenario whose
/// utilities are additive, computed exactly by <see cref="AdditiveSearch"/> without enumerating the outcome space
/// (what a report does on spaces beyond <see cref="ReportOptions.MaxOutcomes"/>, e.g. a phased scenario).
/// </summary>
internal sealed class ZoneSearch
{
    private readonly Scenario _scenario;
    private readonly int[] _principals;
    private readonly int[] _mediators;

    public ZoneSearch(Scenario scenario, int[] principals)
    {
        _scenario = scenario;
        _principals = principals;
        _mediators = [.. scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Mediator).Select(x => x.i)];
    }

    /// <summary>True when every party's and ratifier's utility is additive (what the search needs).</summary>
    public static bool Supports(Scenario scenario) =>
        scenario.Space.Cardinality is not null && scenario.Space.Issues.All(i => i.ValueCount > 0)
        && scenario.Parties.All(p => p.Profile.Utility is LinearAdditiveUtility && (p.Ratifier is null || p.Ratifier.Profile.Utility is LinearAdditiveUtility));

    private static (double[][] Table, double Cap) Tables(Profile profile, double t)
    {
        var u = (LinearAdditiveUtility)profile.Utility;
        double factor = profile.Discount(1.0, t);
        var tables = new double[u.Space.IssueCount][];
        for (int i = 0; i < tables.Length; i++)
        {
            var row = u.WeightedScores(i);
            tables[i] = new double[row.Length];
            for (int v = 0; v < row.Length; v++) tables[i][v] = factor == 1.0 ? row[v] : row[v] * factor;
        }
        return (tables, factor);
    }

    /// <summary>
    /// The search box at t: values the feasible set allows (minus <paramref name="extraLines"/>), its rules and those of the extra red lines,
    /// over the given profiles; <paramref name="relaxedIssue"/> (≥ 0) is fixed to one
    /// available value at which every function scores its best available value there.
    /// </summary>
    private AdditiveSearch Box(double t, FeasibleValues feasible, IReadOnlyList<Profile> profiles, int relaxedIssue = -1,
        IEnumerable<RedLines>? extraLines = null, (int Issue, int Value)? fixedValue = null)
    {
        var space = _scenario.Space;
        var extras = extraLines?.ToArray() ?? [];
        var allowed = new int[]?[space.IssueCount];
        for (int i = 0; i < allowed.Length; i++)
            allowed[i] = [.. Enumerable.Range(0, space.Issues[i].ValueCount).Where(v => feasible.Allows(i, v) && !extras.Any(r => r.Crosses(i, v)))];
        var tables = new double[profiles.Count][][];
        var caps = new double[profiles.Count];
        for (int f = 0; f < profiles.Count; f++) (tables[f], caps[f]) = Tables(profiles[f], t);
        if (relaxedIssue >= 0 && allowed[relaxedIssue]!.Length > 0)
        {
            var available = allowed[relaxedIssue]!;
            foreach (var table in tables)
            {
                double best = available.Max(v => table[relaxedIssue][v]);
                table[relaxedIssue] = (double[])table[relaxedIssue].Clone();
                table[relaxedIssue][available[0]] = best;
            }
            allowed[relaxedIssue] = [available[0]];
        }
        if (fixedValue is { } fv) allowed[fv.Issue] = allowed[fv.Issue]!.Contains(fv.Value) ? [fv.Value] : [];
        var rules = feasible.Rules.Concat(extras.SelectMany(r => r.Rules)).Distinct().ToArray();
        return new AdditiveSearch(space.IssueCount, allowed, rules, tables, caps);
    }

    private Profile[] PrincipalProfiles => [.. _principals.Select(p => _scenario.Parties[p].Profile)];

    public double[] Reserved(double t) => [.. _principals.Select(p => _scenario.ReservedValueAt(p, t))];

    public ReportPackage Package(int[] values, double t) =>
        new([.. values], [.. _scenario.Parties.Select(p => p.Profile.Discount(p.Profile.Utility.Utility(values), t))]);

    private int[] PrincipalIndices => [.. Enumerable.Range(0, _principals.Length)];

    /// <summary>See <see cref="ZoneCalculator.Zone"/>.</summary>
    public ZoneOfAgreement Zone(double t, int relaxedIssue, bool solutions)
    {
        var feasible = FeasibleValues.For(_scenario, t, relaxedIssue);
        var profiles = solutions ? [.. PrincipalProfiles, .. _mediators.Select(m => _scenario.Parties[m].Profile)] : PrincipalProfiles;
        var box = Box(t, feasible, profiles, relaxedIssue);
        var reserved = Reserved(t);
        var who = PrincipalIndices;
        var size = feasible.IsEmpty ? BigInteger.Zero : box.Count(who, reserved);
        var closest = feasible.IsEmpty ? null : box.Maximise(AdditiveSearch.LeastMargin(who, reserved), [], []);
        double gap = closest?.Value ?? double.NegativeInfinity;
        if (!solutions || size.IsZero)
            return new ZoneOfAgreement(size, gap, closest is null || !solutions ? null : Package(closest.Value.Package, t), null, null, []);
        var nash = box.Maximise(AdditiveSearch.NashProduct(who, reserved), who, reserved)!.Value.Package;
        var welfare = box.Maximise(AdditiveSearch.Sum(who), who, reserved)!.Value.Package;
        var favourites = ImmutableArray.CreateBuilder<MediatorFavourite>();
        for (int m = 0; m < _mediators.Length; m++)
        {
            var best = box.Maximise(AdditiveSearch.Single(_principals.Length + m), who, reserved)!.Value.Package;
            var party = _scenario.Parties[_mediators[m]];
            double u = party.Profile.Discount(party.Profile.Utility.Utility(best), t);
            favourites.Add(new MediatorFavourite(_mediators[m], Package(best, t), MediatorUtility.OfAgreement(party.Stake, u)));
        }
        return new ZoneOfAgreement(size, gap, Package(closest!.Value.Package, t), Package(nash, t), Package(welfare, t), favourites.ToImmutable());
    }

    /// <summary>See <see cref="ZoneCalculator.Falls"/>.</summary>
    public ImmutableArray<OutsideOptionFall> Falls(double t)
    {
        var feasible = FeasibleValues.For(_scenario, t);
        var box = Box(t, feasible, PrincipalProfiles);
        var reserved = Reserved(t);
        var result = ImmutableArray.CreateBuilder<OutsideOptionFall>();
        for (int k = 0; k < _principals.Length; k++)
        {
            var others = PrincipalIndices.Where(q => q != k).ToArray();
            var best = feasible.IsEmpty ? null : box.Maximise(AdditiveSearch.Single(k), others, [.. others.Select(q => reserved[q])]);
            double? fall = best is null ? null : ZoneCalculator.Reaches(best.Value.Value, reserved[k]) ? 0 : reserved[k] - best.Value.Value;
            result.Add(new OutsideOptionFall(_principals[k], reserved[k], fall));
        }
        return result.ToImmutable();
    }

    /// <summary>See <see cref="Ratification"/>: win-sets, the ratified zone and who blocks, counted exactly.</summary>
    public RatificationReport? Ratification(double t)
    {
        var ratified = _principals.Where(p => _scenario.Parties[p].Ratifier is not null).ToArray();
        if (ratified.Length == 0) return null;
        var feasible = FeasibleValues.For(_scenario, t);
        var reserved = Reserved(t);
        var ratifiers = ratified.Select(p => _scenario.Parties[p].Ratifier!).ToArray();
        var ratifierReserved = ratified.Select(p => _scenario.RatifierReservedValueAt(p, t)!.Value).ToArray();
        var who = PrincipalIndices;
        BigInteger CountWith(IReadOnlyList<int> approving, bool principals)
        {
            if (feasible.IsEmpty) return BigInteger.Zero;
            var profiles = (principals ? PrincipalProfiles : []).Concat(approving.Select(k => ratifiers[k].Profile)).ToArray();
            var box = Box(t, feasible, profiles, extraLines: approving.Select(k => ratifiers[k].Profile.RedLines));
            int[] constrained = [.. Enumerable.Range(0, profiles.Length)];
            double[] thresholds = [.. (principals ? reserved : []).Concat(approving.Select(k => ratifierReserved[k]))];
            return box.Count(constrained, thresholds);
        }
        var all = Enumerable.Range(0, ratified.Length).ToArray();
        var winSizes = all.Select(k => CountWith([k], principals: false)).ToArray();
        var zone = CountWith([], principals: true);
        var ratifiedZone = CountWith(all, principals: true);
        var rejects = all.Select(k => CountWith([.. all.Where(q => q != k)], principals: true) - ratifiedZone).ToArray();
        ReportPackage? nash = null;
        if (!ratifiedZone.IsZero)
        {
            var profiles = PrincipalProfiles.Concat(ratifiers.Select(r => r.Profile)).ToArray();
            var box = Box(t, feasible, profiles, extraLines: ratifiers.Select(r => r.Profile.RedLines));
            int[] constrained = [.. Enumerable.Range(0, profiles.Length)];
            double[] thresholds = [.. reserved.Concat(ratifierReserved)];
            nash = box.Maximise(AdditiveSearch.NashProduct(who, reserved), constrained, thresholds) is { } best ? Package(best.Package, t) : null;
        }
        return new RatificationReport(
            [.. ratified.Select((p, k) => new WinSet(p, ratifiers[k].Name, winSizes[k], ratifierReserved[k]))],
            ratifiedZone, zone - ratifiedZone, [.. ratified.Select((p, k) => (p, rejects[k]))], nash);
    }

    /// <summary>See <see cref="WhatItWouldTake"/>: per principal and issue, the worst value it can accept given its best elsewhere.</summary>
    public ImmutableArray<IssueLimit> Limits(double t)
    {
        var feasible = FeasibleValues.For(_scenario, t);
        var space = _scenario.Space;
        var result = ImmutableArray.CreateBuilder<IssueLimit>();
        var reserved = Reserved(t);
        for (int k = 0; k < _principals.Length; k++)
        {
            var profile = _scenario.Parties[_principals[k]].Profile;
            for (int i = 0; i < space.IssueCount; i++)
            {
                int? worst = null;
                double worstU = double.NaN;
                for (int v = 0; v < space.Issues[i].ValueCount; v++)
                {
                    if (feasible.IsEmpty) break;
                    var box = Box(t, feasible, [profile], fixedValue: (i, v));
                    if (box.Maximise(AdditiveSearch.Single(0), [], []) is not { } best) continue;
                    if (ZoneCalculator.Reaches(best.Value, reserved[k]) && (worst is null || best.Value < worstU)) (worst, worstU) = (v, best.Value);
                }
                result.Add(new IssueLimit(_principals[k], i, worst, worstU));
            }
        }
        return result.ToImmutable();
    }
}
