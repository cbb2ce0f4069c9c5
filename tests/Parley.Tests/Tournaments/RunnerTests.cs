using System.Collections.Concurrent;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols.Sao;
using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Tests.Tournaments;

public class RunnerTests
{
    internal sealed class ListSink : IResultSink
    {
        public ConcurrentBag<NegotiationRecord> Records { get; } = [];

        public void Accept(NegotiationRecord record) => Records.Add(record);

        public NegotiationRecord[] ByIndex => [.. Records.OrderBy(r => r.Index)];
    }

    private static ListSink Run(PreparedTournament t, int jobs)
    {
        var sink = new ListSink();
        new ThreadRunner(jobs).RunAsync(t, Enumerable.Range(0, t.Count).ToArray(), sink, default).GetAwaiter().GetResult();
        return sink;
    }

    [Fact]
    public void ThreadRunner_SameTournament_SameResultsWhateverTheJobs()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, titfortat, random]"));
        var one = Run(t, 1).ByIndex;
        var four = Run(t, 4).ByIndex;
        Assert.Equal(t.Count, one.Length);
        Assert.Equal(Enumerable.Range(0, t.Count), four.Select(r => r.Index));
        for (int i = 0; i < one.Length; i++) Assert.True(one[i].SameOutcomeAs(four[i]), $"negotiation {i} differs");
    }

    [Fact]
    public void Execute_MatchesNegotiationRunWithTheSameSeed()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, random]"));
        for (int i = 0; i < t.Count; i += 3)
        {
            var planned = t[i];
            var direct = Parley.Protocols.Negotiation.Run(t.Table(planned), t.CreateNegotiators(planned).Cast<Parley.Parties.INegotiator>().ToArray(),
                new Parley.Protocols.Sao.SaoOptions { Rounds = 100, Seed = planned.Seed });
            var record = NegotiationExecutor.Execute(t, i);
            Assert.Equal(direct.Utilities.ToArray(), record.Utilities.ToArray());
            Assert.Equal(direct.Rounds, record.Rounds);
            Assert.Equal(direct.HasAgreement, record.Status == NegotiationStatus.Agreed);
        }
    }

    [Fact]
    public void Execute_MeasuresDistanceInTheScenarioPartyOrder()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder]"));
        var analysis = t.Analysis(0)!;
        for (int i = 0; i < t.Count; i++)
        {
            var p = t[i];
            if (p.Scenario != 0) continue;
            var r = NegotiationExecutor.Execute(t, i);
            // Put the seat utilities back into scenario order, then measure against the frontier by brute force.
            var point = new double[2];
            for (int seat = 0; seat < 2; seat++) point[(seat + p.Rotation) % 2] = r.UndiscountedUtilities[seat];
            double best = analysis.Frontier.Points.Min(f => Math.Sqrt(Math.Pow(f.Utilities[0] - point[0], 2) + Math.Pow(f.Utilities[1] - point[1], 2)));
            Assert.Equal(best, r.DistanceToPareto!.Value, 12);
        }
    }

    [Theory]
    [InlineData("Throwing", "Exception", "deliberate failure")]
    [InlineData("Garbage", "InvalidAction", "outside the outcome space")]
    [InlineData("Slow", "TimeBudgetExceeded", "budget")]
    public void ThreadRunner_FaultyNegotiator_FailsOnlyItsOwnNegotiations(string type, string kind, string reason)
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, $$"""

              - boulware
              - {name: Bad, assembly: {{TournamentFiles.TestAgents}}, type: Parley.TestAgents.{{type}}}
            """, repetitions: 1, extra: "isolation: threads", turnBudget: "100ms"));
        var records = Run(t, 2).ByIndex;
        Assert.Equal(t.Count, records.Length);
        int bad = t.Spec.Negotiators.ToList().FindIndex(n => n.Name == "Bad");
        foreach (var r in records)
        {
            var seats = t[r.Index].Seats;
            if (!seats.Contains(bad))
            {
                Assert.NotEqual(NegotiationStatus.Failed, r.Status);
                continue;
            }
            Assert.Equal(NegotiationStatus.Failed, r.Status);
            Assert.Equal(kind, r.FailureKind);
            Assert.Contains(reason, r.FailureReason);
            Assert.Equal(bad, seats[r.FailureSeat!.Value]);
        }
    }
}
