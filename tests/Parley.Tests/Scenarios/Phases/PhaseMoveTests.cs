using CsCheck;
using Parley.Outcomes;
using Parley.Reports;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §4: sequencing by moving a question settled once for the whole deal into the phases.</summary>
public class PhaseMoveTests
{
    /// <summary>
    /// One question, yes or no, over two equal phases. A wants yes and weighs the first phase 0.8; B wants no and weighs
    /// the second 0.8; each needs 0.4. Settled for the whole deal, yes leaves B at 0 and no leaves A at 0: no zone. "Yes
    /// until phase 2, no from then on" gives each 0.8: a zone of one package. The reverse gives each 0.2: none.
    /// </summary>
    private const string Split = """
        name: split question
        phases:
          - {name: first, days: 10}
          - {name: second, days: 10}
        issues:
          - {name: Q, type: discrete, values: ["no", "yes"]}
        parties:
          - name: A
            reservedValue: 0.4
            utility:
              weights: {Q: 1}
              issues:
                Q: {values: {"no": 0, "yes": 1}}
            phases:
              weights: [0.8, 0.2]
          - name: B
            reservedValue: 0.4
            utility:
              weights: {Q: 1}
              issues:
                Q: {values: {"no": 1, "yes": 0}}
            phases:
              weights: [0.2, 0.8]
        """;

    [Fact]
    public void MovingAQuestionIntoThePhases_OpensTheZoneTheAnswerSays()
    {
        var s = YamlScenarioReader.Read("split.yaml", Split);
        var report = ReportBuilder.Build(s, new ReportOptions(MediatedRuns: false));
        var seq = report.Sequencing!;
        Assert.Equal(0, (int)seq.SettledNow.Size);
        var move = Assert.Single(seq.Moves);
        Assert.Equal(1, move.Phase);
        Assert.Equal(1, (int)move.Size);
        Assert.True(move.OpensZone);
        Assert.Equal("yes", s.Space.Issues[0].FormatValue(move.Before));
        Assert.Equal("no", s.Space.Issues[0].FormatValue(move.After));
        Assert.Equal(0.8, move.Best!.Utilities[0], 12);
        Assert.Equal(0.8, move.Best.Utilities[1], 12);
        Assert.Contains(report.Findings, f => f.StartsWith("Settling Q at yes until second and at no from then on opens a zone (1 packages)", StringComparison.Ordinal));
    }

    [Fact]
    public void MoveZones_AreTheBruteForceCount_OnRandomPhasedScenarios() =>
        Gen.Select(PhasedScenarios.Phased(allowOnePhase: false), Gen.Double[0, 0.7]).Sample((spec, reserved) =>
        {
            string yaml = PhasedScenarios.Yaml(spec).Replace("reservedValue: 0.25", $"reservedValue: {reserved.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
            var s = YamlScenarioReader.Read("random.yaml", yaml);
            var seq = ReportBuilder.Build(s, new ReportOptions(MediatedRuns: false)).Sequencing;
            var once = Enumerable.Range(0, spec.Issues.Length).Where(i => !spec.Issues[i].PerPhase).ToArray();
            if (once.Length == 0) return;
            Assert.NotNull(seq);
            Assert.Equal(once.Length * (spec.Phases - 1), seq!.Moves.Length);
            // Brute force from the definition: every settled package (no slot deferred), the once-issue at x before phase k and y from it on.
            var structure = s.Phasing!.Structure;
            var values = new int[s.Space.IssueCount];
            foreach (var move in seq.Moves)
            {
                int issue = move.Issue, count = 0;
                for (long o = 0; o < s.Space.Count; o++)
                {
                    s.Space.Decode(new Outcome((ulong)o), values);
                    if (Enumerable.Range(0, values.Length).Any(slot => structure.IsDeferred(slot, values[slot]))) continue;
                    int x = values[structure.SlotOf(issue, 0)];
                    for (int y = 0; y < spec.Issues[issue].Count; y++)
                    {
                        if (y == x) continue;
                        string ValueOf(int i, int k) => spec.ValueText(i, i == issue ? (k < move.Phase ? x : y) : values[structure.SlotOf(i, k)]);
                        if (spec.Parties.All(p => PhasedScenarios.BruteForce(spec, p, ValueOf) - reserved >= -1e-9)) count++;
                    }
                }
                Assert.Equal(count, (int)move.Size);
                Assert.Equal(seq.SettledNow.Size == 0 && count > 0, move.OpensZone);
            }
        }, iter: 40);
}
