using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Tests.Tournaments;

/// <summary>Issue 20 §4: what a worker reports is checked against what it was asked, and the coordinator computes the scores.</summary>
public class WorkerWireTests
{
    private static (PreparedTournament Tournament, NegotiationRecord Truth, WorkerReport Report) Agreed(TempFolder folder)
    {
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[conceder, boulware]", repetitions: 1));
        for (int i = 0; i < t.Count; i++)
        {
            var truth = NegotiationExecutor.Execute(t, i);
            if (truth.Status == NegotiationStatus.Agreed) return (t, truth, WorkerReport.Of(t[i], truth));
        }
        throw new InvalidOperationException("no agreement in the plan");
    }

    [Fact]
    public void Accept_HonestReport_GivesTheSameRecordAsRunningInProcess()
    {
        using var folder = TestPaths.TempFolder();
        var (t, truth, report) = Agreed(folder);
        var line = WorkerWire.Write(report);
        var record = WorkerWire.Accept(t, t[truth.Index], WorkerWire.Read(line, out _)!, out string? problem);
        Assert.Null(problem);
        Assert.True(record!.SameOutcomeAs(truth with { ElapsedMs = record.ElapsedMs }), $"{record} vs {truth}");
    }

    [Fact]
    public void Accept_ModelAccuracy_TravelsWithTheReport()
    {
        // Issue 21: a worker measures its negotiators' opponent models where they live and reports the measures.
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[hardheaded, boulware]", repetitions: 1));
        var truth = NegotiationExecutor.Execute(t, 0);
        Assert.NotEmpty(truth.ModelAccuracy);
        var line = WorkerWire.Write(WorkerReport.Of(t[0], truth with { DistanceToPareto = null, DistanceToNash = null }));
        var record = WorkerWire.Accept(t, t[0], WorkerWire.Read(line, out _)!, out string? problem);
        Assert.Null(problem);
        Assert.Equal(truth.ModelAccuracy.ToArray(), record!.ModelAccuracy.ToArray());
    }

    [Fact]
    public void Accept_ReportCannotCarryScores_UtilitiesComeFromTheScenario()
    {
        using var folder = TestPaths.TempFolder();
        var (t, truth, report) = Agreed(folder);
        // A forged line in the old record shape, claiming utilities of 1 for everyone: the claim is simply not read.
        string forged = WorkerWire.Write(report).TrimEnd('}') + ",\"Utilities\":[1,1],\"Welfare\":2}";
        var record = WorkerWire.Accept(t, t[truth.Index], WorkerWire.Read(forged, out _)!, out _)!;
        Assert.Equal(truth.Utilities.ToArray(), record.Utilities.ToArray());
        Assert.Equal(truth.Welfare, record.Welfare);
    }

    [Fact]
    public void Accept_ReportThatDoesNotMatchTheRequest_IsRefused()
    {
        using var folder = TestPaths.TempFolder();
        var (t, truth, report) = Agreed(folder);
        var planned = t[truth.Index];
        var other = t[(truth.Index + 1) % t.Count];
        var bad = new (WorkerReport Report, string Problem)[]
        {
            (report with { Index = other.Index }, "answered negotiation"),
            (report with { Seats = [.. planned.Seats.Select(s => 1 - s)] }, "seats"),
            (report with { Scenario = planned.Scenario + 1 }, "seats"),
            (report with { Agreement = report.Agreement!.Replace("\":\"", "\":\"x", StringComparison.Ordinal) }, "not an outcome"),
            (report with { Agreement = "{}" }, "not an outcome"),
            (report with { Agreement = null }, "agreement disagree"),
            (report with { Rounds = 101 }, "out of range"),
            (report with { EndTime = 2 }, "end time"),
            (report with { EndTime = double.NaN }, "end time"),
            (report with { Status = NegotiationStatus.Failed }, "failure kind disagree"),
            (report with { Status = NegotiationStatus.Failed, FailureKind = "Whatever", Agreement = null }, "unknown failure kind"),
            (report with { Status = NegotiationStatus.Failed, FailureKind = "Exception", FailureSeat = 7, Agreement = null }, "seat 7"),
            (report with { ModelAccuracy = [new ModelAccuracyRecord(5, 0.5, 0.5, 0.1)] }, "opponent-model accuracy"),
            (report with { ModelAccuracy = [new ModelAccuracyRecord(0, 1.5, 0.5, 0.1)] }, "opponent-model accuracy"),
            (report with { ModelAccuracy = [new ModelAccuracyRecord(0, 0.5, double.NaN, 0.1)] }, "opponent-model accuracy"),
            (report with { ModelAccuracy = [new ModelAccuracyRecord(0, 0.5, 0.5, -0.1)] }, "opponent-model accuracy"),
        };
        foreach (var (r, expected) in bad)
        {
            var accepted = WorkerWire.Accept(t, planned, r, out string? problem);
            Assert.True(accepted is null, $"accepted {r}");
            Assert.Contains(expected, problem);
        }
        Assert.Null(WorkerWire.Read("not json {", out string? notJson));
        Assert.Contains("not a report", notJson);
    }
}
