using CsCheck;
using Parley.Analysis;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Scenarios.Phases;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §1: a phased utility is additive over slots, equals its definition, and one phase is the flat scenario.</summary>
public class PhasedUtilityTests
{
    private static IEnumerable<int[]> AllOutcomes(Scenario s)
    {
        long n = s.Space.Count;
        var values = new int[s.Space.IssueCount];
        for (long o = 0; o < n; o++)
        {
            s.Space.Decode(new Parley.Outcomes.Outcome((ulong)o), values);
            yield return values;
        }
    }

    [Fact]
    public void Utility_OfPhasedScenario_EqualsBruteForceDefinition() =>
        PhasedScenarios.Phased().Sample(spec =>
        {
            var scenario = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
            var structure = scenario.Phasing!.Structure;
            foreach (var values in AllOutcomes(scenario))
            {
                string ValueOf(int i, int k) => scenario.Space.Issues[structure.SlotOf(i, k)].FormatValue(values[structure.SlotOf(i, k)]);
                for (int p = 0; p < 2; p++)
                {
                    double expected = PhasedScenarios.BruteForce(spec, spec.Parties[p], ValueOf);
                    double actual = scenario.Parties[p].Profile.Utility.Utility(values);
                    if (Math.Abs(expected - actual) > 1e-12) throw new Exception($"party {p}: {actual} vs brute force {expected}");
                }
            }
        }, iter: 150);

    [Fact]
    public void PartyWhoseWeightsAreAllZero_GetsTheConstantBreakdownTerm_NotAnError()
    {
        const string yaml = """
            name: indifferent party
            phases:
              - {name: p1, days: 10}
              - {name: p2, days: 10}
            issues:
              - {name: I0, type: discrete, values: [a, b], phased: true}
            parties:
              - name: A
                reservedValue: 0.25
                utility: {weights: {I0: 0}, issues: {I0: {values: {a: 1, b: 0.5}}}}
                phases: {weights: [0.5, 0.5], carriedOut: [1, 0.6], breakdownValue: 0.3}
              - name: B
                reservedValue: 0.25
                utility: {weights: {I0: 1}, issues: {I0: {values: {a: 0.2, b: 1}}}}
                phases: {weights: [0.5, 0.5], carriedOut: [1, 1], breakdownValue: 0}
            """;
        var scenario = YamlScenarioReader.Read("indifferent.yaml", yaml);
        // A cares about nothing: 0.5 · (1 − 0.6) · 0.3 = 0.06 whatever the outcome.
        foreach (var values in AllOutcomes(scenario))
            Assert.Equal(0.06, scenario.Parties[0].Profile.Utility.Utility(values), 12);
        var flat = PhasedFlattening.Flatten(scenario);
        foreach (var values in AllOutcomes(flat))
            Assert.Equal(0.06, flat.Parties[0].Profile.Utility.Utility(values), 12);
    }

    [Fact]
    public void OnePhase_WithNothingDeferrable_GivesTheFlatUtilitiesBitForBit() =>
        PhasedScenarios.Phased().Where(s => s.Phases == 1).Select(s => s with
        {
            Issues = [.. s.Issues.Select(i => i with { Deferrable = new bool[i.Deferrable.Length] })],
            Parties = [.. s.Parties.Select(p => p with { PhaseWeights = [1.0], CarriedOut = [1.0], Expects = [] })],
        }).Sample(spec =>
        {
            var phased = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
            var flat = YamlScenarioReader.Read("flat.yaml", PhasedScenarios.Yaml(spec, flat: true));
            Assert.Equal(flat.Space.Issues.Select(i => i.Name), phased.Space.Issues.Select(i => i.Name));
            foreach (var values in AllOutcomes(flat))
                for (int p = 0; p < 2; p++)
                {
                    double a = flat.Parties[p].Profile.Utility.Utility(values), b = phased.Parties[p].Profile.Utility.Utility(values);
                    if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b)) throw new Exception($"{a} vs {b}");
                }
            var fa = ScenarioAnalyzer.Analyze(flat);
            var pa = ScenarioAnalyzer.Analyze(phased);
            Assert.Equal(fa.Frontier.Points.Select(x => x.Utilities.ToArray()), pa.Frontier.Points.Select(x => x.Utilities.ToArray()));
            Assert.Equal(fa.Nash?.Utilities.ToArray(), pa.Nash?.Utilities.ToArray());
        }, iter: 60);

    [Fact]
    public void YamlRoundTrip_OfPhasedScenario_KeepsPhasesAndUtilities() =>
        PhasedScenarios.Phased().Sample(spec =>
        {
            var original = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
            string written = YamlScenarioWriter.Write(original);
            var copy = YamlScenarioReader.Read("copy.yaml", written);
            Assert.NotNull(copy.Phasing);
            Assert.True(original.Phasing!.Structure.Phases.SequenceEqual(copy.Phasing!.Structure.Phases));
            Assert.Equal(original.Space.Issues.Select(i => i.Name), copy.Space.Issues.Select(i => i.Name));
            foreach (var values in AllOutcomes(original))
                for (int p = 0; p < 2; p++)
                    Assert.Equal(original.Parties[p].Profile.Utility.Utility(values), copy.Parties[p].Profile.Utility.Utility(values));
            Assert.Equal(written, YamlScenarioWriter.Write(copy));
        }, iter: 80);

    [Fact]
    public void GeniusWrite_OfPhasedScenario_WarnsAndKeepsSlotUtilities() =>
        PhasedScenarios.Phased(allowOnePhase: false).Sample(spec =>
        {
            var original = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
            using var temp = TestPaths.TempFolder();
            var warnings = GeniusScenarioWriter.WriteFolder(original, temp.Path);
            Assert.Contains(warnings, w => w.StartsWith("GENIUS has no phases", StringComparison.Ordinal));
            var copy = GeniusScenarioReader.ReadFolder(temp.Path);
            Assert.Null(copy.Phasing);
            Assert.Equal(original.Space.Issues.Select(i => i.Name), copy.Space.Issues.Select(i => i.Name));
            foreach (var values in AllOutcomes(original))
                for (int p = 0; p < 2; p++)
                    Assert.Equal(original.Parties[p].Profile.Utility.Utility(values), copy.Parties[p].Profile.Utility.Utility(values), 1e-12);
        }, iter: 20);

    [Fact]
    public void Slots_ArePerPhaseWithDeferredLast()
    {
        var spec = new PhasedScenarios.Spec(2,
            [new("I0", false, 2, true, [false, true]), new("I1", true, 2, false, [false])],
            [new("A", [0.5, 0.5], [[1, 0], [0, 1]], [0.5, 0.5], [1, 0.8], 0.2, new() { [(0, 1)] = [(0, 1.0)] }),
             new("B", [0.5, 0.5], [[0, 1], [1, 0]], [0.5, 0.5], [1, 1], 0.2, new() { [(0, 1)] = [(1, 1.0)] })]);
        var s = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
        Assert.Equal(["I0@p1", "I0@p2", "I1"], s.Space.Issues.Select(i => i.Name));
        Assert.Equal(3, s.Space.Issues[1].ValueCount);
        Assert.Equal(PhaseStructure.DeferredValue, s.Space.Issues[1].FormatValue(2));
        Assert.True(s.Phasing!.Structure.IsDeferred(1, 2));
        // A: phase 1 v0 (1), phase 2 deferred, expecting v0 (1): 0.5·0.5·1 + 0.5·(0.8·0.5·1 + 0.2·0.2) + I1 min → 0.25 + 0.22
        Assert.Equal(0.5 * (0.5 * 1 + 0.5 * 0) + 0.5 * (0.8 * (0.5 * 1 + 0.5 * 0) + 0.2 * 0.2), s.Parties[0].Profile.Utility.Utility([0, 2, 0]), 12);
    }

    [Fact]
    public void Compile_PhasingThatDoesNotFitTheStructure_IsRefused()
    {
        var spec = new PhasedScenarios.Spec(2,
            [new("I0", false, 2, true, [false, true]), new("I1", true, 2, false, [false])],
            [new("A", [0.5, 0.5], [[1, 0], [0, 1]], [0.5, 0.5], [1, 0.8], 0.2, new() { [(0, 1)] = [(0, 1.0)] }),
             new("B", [0.5, 0.5], [[0, 1], [1, 0]], [0.5, 0.5], [1, 1], 0.2, new() { [(0, 1)] = [(1, 1.0)] })]);
        var s = YamlScenarioReader.Read("phased.yaml", PhasedScenarios.Yaml(spec));
        var structure = s.Phasing!.Structure;
        var a = s.Parties[0].Profile.Utility;
        var phasing = s.Phasing.Parties[0];
        Assert.Equal(a.Utility([0, 2, 0]), PhasedUtility.Compile(structure, phasing).Utility([0, 2, 0]), 12);
        Assert.Throws<ArgumentException>(() => PhasedUtility.Compile(structure, phasing with { PhaseWeights = [1.0] }));
        Assert.Throws<ArgumentException>(() => PhasedUtility.Compile(structure, phasing with { CarriedOut = [1.0, 1.0, 1.0] }));
        Assert.Throws<ArgumentException>(() => PhasedUtility.Compile(structure, phasing with { Expectations = System.Collections.Immutable.ImmutableDictionary<int, SlotExpectation>.Empty }));
        // A utility over the slot space (3 slots) rather than the issues (2).
        var overSlots = (Parley.Preferences.LinearAdditiveUtility)a;
        Assert.Throws<ArgumentException>(() => PhasedUtility.Compile(structure, phasing with { Utility = overSlots }));
    }
}

/// <summary>The worked example of docs/scenario-format.md (Phases) loads and gives the numbers the text derives.</summary>
public class PhasedDocumentationTests
{
    [Fact]
    public void ScenarioFormatDoc_PhasedWorkedExample_GivesTheNumbersInTheText()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scenario-format.md"));
        var match = System.Text.RegularExpressions.Regex.Match(doc, @"### Worked example.*?```yml\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success);
        var scenario = YamlScenarioReader.Read("scenario-format.md", match.Groups[1].Value);
        Assert.Equal(["raise@year 1", "raise@year 2", "no-strike clause"], scenario.Space.Issues.Select(i => i.Name));
        var package = Assert.Single(scenario.Packages);
        Assert.Equal(0.56, scenario.Parties[0].Profile.Utility.Utility(package.Values.AsSpan()), 12);
        Assert.Equal(0.795, scenario.Parties[1].Profile.Utility.Utility(package.Values.AsSpan()), 12);
        Assert.True(scenario.Accepts(0, package.Values.AsSpan(), 0) && scenario.Accepts(1, package.Values.AsSpan(), 0));
        // No package with both years fixed is as good for both at once.
        var values = new int[3];
        for (int o = 0; o < scenario.Space.Count; o++)
        {
            scenario.Space.Decode(new Parley.Outcomes.Outcome((ulong)o), values);
            if (scenario.Phasing!.Structure.IsDeferred(1, values[1])) continue;
            Assert.False(scenario.Parties[0].Profile.Utility.Utility(values) >= 0.56 && scenario.Parties[1].Profile.Utility.Utility(values) >= 0.795);
        }
    }
}
