using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Phases;

namespace Parley.Reports;

/// <summary>One way of sequencing an issue: leaving it deferred from one phase on (every other question settled now).</summary>
/// <param name="Issue">Index of the issue in <see cref="PhaseStructure.Issues"/>.</param>
/// <param name="DeferredTo">The phase from which it is deferred (a per-phase issue), or "later round" (a once-issue).</param>
/// <param name="Size">Packages in the zone when only this deferral is allowed.</param>
/// <param name="Gap">The zone's gap then (see <see cref="ZoneOfAgreement.Gap"/>).</param>
/// <param name="Best">The Nash package of that zone (null without one).</param>
/// <param name="OpensZone">True when settling every question now gives no zone and this deferral gives one.</param>
public sealed record SequencingOption(int Issue, string DeferredTo, BigInteger Size, double Gap, ReportPackage? Best, bool OpensZone)
{
    /// <summary><see cref="DeferredTo"/> of a once-issue left to a later round.</summary>
    public const string LaterRound = "later round";
}

/// <summary>The zone under one phase structure (which deferrals are allowed).</summary>
/// <param name="Name">In words: "every question settled now", "the scenario's phases", or a named package's phases.</param>
/// <param name="Size">Packages in the zone.</param>
/// <param name="Gap">The zone's gap.</param>
public sealed record PhaseStructureZone(string Name, BigInteger Size, double Gap);

/// <summary>
/// What deferral does to the zone of agreement of a phased scenario: the zone with every question settled now, with
/// each issue's deferral alone, with each once-issue moved into the phases (<see cref="Moves"/>), and under each phase
/// structure; and, where a deferral or a move opens a zone, why.
/// </summary>
/// <param name="SettledNow">The zone with no slot deferred.</param>
/// <param name="Options">Each issue's deferrals, in issue then phase order.</param>
/// <param name="Structures">The zone under each phase structure, largest first.</param>
/// <param name="Reasons">For each deferral that opens a zone: why, in words.</param>
public sealed record SequencingReport(PhaseStructureZone SettledNow, ImmutableArray<SequencingOption> Options, ImmutableArray<PhaseStructureZone> Structures, ImmutableArray<string> Reasons)
{
    /// <summary>Each once-issue moved into the phases (a value until a phase, another from it on), in issue then phase order.</summary>
    public ImmutableArray<PhaseMove> Moves { get; init; } = [];

    /// <summary>The deferral whose zone is largest (null when none gives a zone).</summary>
    public SequencingOption? Best => Options.Where(o => o.Size > 0).OrderByDescending(o => o.Size).FirstOrDefault();
}

/// <summary>Builds the <see cref="SequencingReport"/> of a phased scenario by what-if scenarios in which deferred values are withdrawn from t = 0.</summary>
internal static class Sequencing
{
    private const string LaterRound = SequencingOption.LaterRound;

    public static SequencingReport? Of(Scenario scenario, double t)
    {
        if (scenario.Phasing is not { } phasing) return null;
        var structure = phasing.Structure;
        var deferrable = Enumerable.Range(0, structure.Slots.Length).Where(s => structure.Slots[s].Deferrable).ToArray();
        bool movable = structure.Phases.Length > 1 && structure.Issues.Any(i => !i.PerPhase);
        if (deferrable.Length == 0 && !movable) return null;

        (ZoneOfAgreement Zone, BigInteger Size) ZoneAllowing(Func<int, bool> allowed)
        {
            var zone = new ZoneCalculator(Restrict(scenario, s => !allowed(s))).Zone(t);
            return (zone, zone.Size);
        }
        var (settledZone, _) = ZoneAllowing(_ => false);
        var settled = new PhaseStructureZone("every question settled now", settledZone.Size, settledZone.Gap);
        var options = ImmutableArray.CreateBuilder<SequencingOption>();
        var reasons = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < structure.Issues.Length; i++)
        {
            var pi = structure.Issues[i];
            if (!pi.AnyDeferrable) continue;
            var slots = structure.SlotsOf(i).ToArray();
            for (int k = 0; k < slots.Length; k++)
            {
                if (!pi.Deferrable[k]) continue;
                var from = slots.Skip(k).ToHashSet();
                var (zone, size) = ZoneAllowing(s => from.Contains(s) && structure.Slots[s].Deferrable);
                string to = pi.PerPhase ? structure.Phases[k].Name : LaterRound;
                bool opens = !settledZone.Exists && zone.Exists;
                options.Add(new SequencingOption(i, to, size, zone.Gap, zone.Nash, opens));
                if (opens) reasons.Add(Reason(scenario, phasing, i, slots[k], to, size));
            }
        }
        var (all, _) = ZoneAllowing(_ => true);
        var structures = new List<PhaseStructureZone> { settled, new("the scenario's phases (every allowed deferral)", all.Size, all.Gap) };
        foreach (var package in scenario.Packages)
        {
            var used = deferrable.Where(s => structure.IsDeferred(s, package.Values[s])).ToHashSet();
            if (used.Count == 0) continue;
            var (zone, _) = ZoneAllowing(used.Contains);
            structures.Add(new PhaseStructureZone($"the phases of '{package.Name}' ({string.Join(", ", used.Select(s => scenario.Space.Issues[s].Name))} deferred)", zone.Size, zone.Gap));
        }
        var moves = PhaseMoves.Of(scenario, t, settledZone.Exists);
        foreach (var move in moves) if (move.OpensZone) reasons.Add(PhaseMoves.Reason(scenario, move));
        return new SequencingReport(settled, options.ToImmutable(), [.. structures.OrderByDescending(z => z.Size).ThenByDescending(z => z.Gap)], reasons.ToImmutable()) { Moves = moves };
    }

    /// <summary><paramref name="scenario"/> with the deferred value of every slot <paramref name="forbid"/> selects withdrawn from t = 0.</summary>
    internal static Scenario Restrict(Scenario scenario, Func<int, bool> forbid)
    {
        var structure = scenario.Phasing!.Structure;
        var extra = new List<ScenarioEvent>();
        for (int s = 0; s < structure.Slots.Length; s++)
            if (structure.Slots[s].Deferrable && forbid(s))
                extra.Add(new IssueValueWithdrawn(0, $"[what-if] {scenario.Space.Issues[s].Name} settled now", s, scenario.Space.Issues[s].ValueCount - 1));
        if (extra.Count == 0) return scenario;
        var timeline = scenario.Timeline;
        return scenario with { Timeline = new Timeline([.. timeline.Events, .. extra], timeline.Start, timeline.Deadline) };
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Reason(Scenario scenario, ScenarioPhasing phasing, int issue, int slot, string to, BigInteger size)
    {
        var structure = phasing.Structure;
        var baseIssue = structure.Issues[issue].Issue;
        var principals = scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Principal).Select(x => x.i).ToArray();
        var expected = new List<string>();
        double deferredSum = 0;
        foreach (int p in principals)
        {
            var ph = phasing.Parties[p];
            var evaluator = ph.Utility.Evaluators[issue];
            double e = ph.Expectations[slot].ExpectedScore(baseIssue, evaluator);
            deferredSum += e;
            expected.Add($"{scenario.Parties[p].Name} {F(e)}");
        }
        double bestSettled = double.NegativeInfinity;
        string bestValue = "";
        for (int v = 0; v < baseIssue.ValueCount; v++)
        {
            double sum = 0;
            foreach (int p in principals) sum += phasing.Parties[p].Utility.Evaluators[issue].Score(baseIssue, v);
            if (sum > bestSettled) (bestSettled, bestValue) = (sum, baseIssue.FormatValue(v));
        }
        string where = to == LaterRound ? "to a later round" : $"from {to} on";
        return $"Deferring {baseIssue.Name} {where} opens a zone ({size} packages) where settling every question now gives none: each side scores the deferred question by what it expects the later round to give it ({string.Join(", ", expected)} of its best), {F(deferredSum)} together, while the value settled now that the two score highest together ({bestValue}) gives {F(bestSettled)}. The sides expect different things of the later round, so deferring is worth more to both than any value fixed now.";
    }
}
