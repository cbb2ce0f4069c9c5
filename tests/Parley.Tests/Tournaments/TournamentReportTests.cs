using Parley.Tournaments;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Storage;

namespace Parley.Tests.Tournaments;

public class TournamentReportTests
{
    private static StoredResult Result(int index, int scenario, NegotiationStatus status, params (int Negotiator, double Utility)[] seats) =>
        new(index, scenario, status, seats.Sum(s => s.Utility), 0.1 * index, null, status == NegotiationStatus.Failed ? "Exception" : null,
            status == NegotiationStatus.Failed ? 0 : null, status == NegotiationStatus.Failed ? "boom" : null, seats);

    [Fact]
    public void Build_SmallTable_MatchesHandComputedFigures()
    {
        var results = new StoredResults(["A", "B"], ["S1", "S2"],
        [
            Result(0, 0, NegotiationStatus.Agreed, (0, 0.9), (1, 0.5)),
            Result(1, 0, NegotiationStatus.Agreed, (1, 0.6), (0, 0.7)),
            Result(2, 1, NegotiationStatus.Deadline, (0, 0.2), (1, 0.2)),
            Result(3, 1, NegotiationStatus.Failed, (0, 0.0), (1, 0.3)),
        ]);
        var report = TournamentReport.Build(new StoredTournament(1, "t", "f", "", 4, 4), results);

        var a = report.Leaderboard.Single(r => r.Name == "A");
        Assert.Equal(4, a.Negotiations);
        Assert.Equal((0.9 + 0.7 + 0.2 + 0.0) / 4, a.MeanUtility, 12);
        double sd = Math.Sqrt(new[] { 0.9, 0.7, 0.2, 0.0 }.Sum(x => Math.Pow(x - 0.45, 2)) / 3);
        Assert.Equal(3.182 * sd / 2, a.Ci95, 12);
        Assert.Equal(0.5, a.AgreementRate);
        Assert.Equal(1, a.Failures);
        Assert.Equal(0, report.Leaderboard.Single(r => r.Name == "B").Failures);
        Assert.Equal((0.0 + 0.1 + 0.2 + 0.3) / 4, a.MeanDistanceToPareto!.Value, 12);
        Assert.Null(a.MeanDistanceToNash);
        Assert.Equal((1.4 + 1.3 + 0.4 + 0.3) / 4, a.MeanWelfare, 12);
        Assert.Equal("A", report.Leaderboard[0].Name);

        // A beat B in negotiations 0 and 1, tied in 2, lost 3: (1 + 1 + 0.5 + 0) / 4.
        Assert.Equal(0.625, report.WinRate[0, 1], 12);
        Assert.Equal(0.375, report.WinRate[1, 0], 12);
        Assert.True(double.IsNaN(report.WinRate[0, 0]));

        var s1 = report.Scenarios[0];
        Assert.Equal(2, s1.Negotiations);
        Assert.Equal(1.0, s1.AgreementRate);
        Assert.Equal("A", s1.Best);
        Assert.Equal(1, report.Scenarios[1].Failures);
        Assert.Single(report.FailureSamples);
    }

    [Fact]
    public void Build_SelfPlay_CountsEachSeatButNoEncounter()
    {
        var results = new StoredResults(["A"], ["S"], [Result(0, 0, NegotiationStatus.Agreed, (0, 0.4), (0, 0.8))]);
        var report = TournamentReport.Build(new StoredTournament(1, "t", "f", "", 1, 1), results);
        Assert.Equal(2, report.Leaderboard[0].Negotiations);
        Assert.Equal(0.6, report.Leaderboard[0].MeanUtility, 12);
        Assert.Equal(0, report.Encounters[0, 0]);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(10, 2.228)]
    [InlineData(30, 2.042)]
    [InlineData(40, 2.021)]
    [InlineData(60, 2.000)]
    [InlineData(120, 1.980)]
    [InlineData(100000, 1.960)]
    public void StudentT_Quantile975_MatchesTables(int df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(df), 3);
}
