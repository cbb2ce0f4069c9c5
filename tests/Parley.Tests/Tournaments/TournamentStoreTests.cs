using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Tournaments;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;

namespace Parley.Tests.Tournaments;

public class TournamentStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Create_StoresThePlan_AllPending(string kind)
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        using var store = Databases.Open(kind, folder);
        long id = store.Create(t);
        var stored = store.Find(id)!;
        Assert.Equal(t.Count, stored.NegotiationCount);
        Assert.Equal(0, stored.Completed);
        Assert.Equal(t.Spec.Text, stored.SpecText);
        Assert.Equal(t.Count, store.Count(id, "negotiations"));
        Assert.Equal(2L * t.Count, store.Count(id, "seats"));
        Assert.Equal(Enumerable.Range(0, t.Count), store.Pending(id, t.Count));
        Assert.Equal(id, store.Find()!.Id);
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Claim_HeldByAnotherConnection_RefusedUntilReleased(string kind)
    {
        // Issue 20 §6: two resumes of one tournament both ran its pending negotiations.
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        using var first = Databases.Open(kind, folder);
        long id = first.Create(t);
        using var second = Databases.Open(kind, folder);
        var claim = first.Claim(id);
        var busy = Assert.Throws<StoreException>(() => second.Claim(id));
        Assert.Contains($"tournament {id} is being run by another process", busy.Message);
        claim.Dispose();
        second.Claim(id).Dispose();
    }

    [Fact]
    public void OpenSqlite_ReadOnlyOnAFileWithoutTables_RefusedAndNothingWritten()
    {
        using var folder = TestPaths.TempFolder();
        string file = System.IO.Path.Combine(folder.Path, "empty.db");
        File.WriteAllBytes(file, []);
        var e = Assert.Throws<StoreException>(() => TournamentStore.OpenSqlite(file, readOnly: true));
        Assert.Contains(file, e.Message);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Write_SameNegotiationTwice_RecordedOnce(string kind)
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        using var store = Databases.Open(kind, folder);
        long id = store.Create(t);
        var first = Enumerable.Range(0, 10).Select(i => NegotiationExecutor.Execute(t, i)).ToList();
        store.Write(id, first);
        store.Write(id, first.Take(5).Select(r => r with { Welfare = 99 }).ToList());
        Assert.Equal(10, store.Count(id, "results"));
        Assert.Equal(20, store.Count(id, "result_utilities"));
        Assert.Equal(Enumerable.Range(10, t.Count - 10), store.Pending(id, t.Count));
        var results = store.ReadResults(id).Results;
        Assert.All(results, r => Assert.NotEqual(99, r.Welfare));
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Write_BatchMixingStoredAndNew_StoresTheNewOnesOnce(string kind)
    {
        // 40 records: full multi-row statements and single rows on SQLite; on PostgreSQL the second batch's conflict
        // sends it through the staging tables.
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, repetitions: 4));
        Assert.True(t.Count >= 70, $"the test needs 70 negotiations, the plan has {t.Count}");
        using var store = Databases.Open(kind, folder);
        long id = store.Create(t);
        var records = Enumerable.Range(0, 70).Select(i => NegotiationExecutor.Execute(t, i)).ToList();
        store.Write(id, records.Take(40).ToList());
        store.Write(id, records.Skip(30).Select(r => r.Index < 40 ? r with { Welfare = 99 } : r).ToList());
        Assert.Equal(70, store.Count(id, "results"));
        Assert.Equal(140, store.Count(id, "result_utilities"));
        Assert.Equal(Enumerable.Range(70, t.Count - 70), store.Pending(id, t.Count));
        var stored = store.ReadResults(id).Results;
        Assert.Equal(records.Select(r => r.Welfare), stored.Select(s => s.Welfare));
        Assert.Equal(records.Select(r => r.Utilities.ToArray()), stored.Select(s => s.Seats.Select(x => x.Utility).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void ReadResults_RoundTripsEveryField(string kind)
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, random]"));
        using var store = Databases.Open(kind, folder);
        long id = store.Create(t);
        var records = Enumerable.Range(0, t.Count).Select(i => NegotiationExecutor.Execute(t, i)).ToList();
        records[3] = NegotiationExecutor.Failed(t, t[3], "Exception", 1, "it's \"broken\"; really", 0.5);
        store.Write(id, records);
        var stored = store.ReadResults(id);
        Assert.Equal(t.Spec.Negotiators.Select(n => n.Name), stored.Negotiators);
        Assert.Equal(t.Spec.Scenarios.Select(s => s.Name), stored.Scenarios);
        Assert.Equal(t.Count, stored.Results.Count);
        foreach (var (r, s) in records.Zip(stored.Results))
        {
            Assert.Equal(r.Index, s.Index);
            Assert.Equal(t[r.Index].Scenario, s.Scenario);
            Assert.Equal(r.Status, s.Status);
            Assert.Equal(r.Welfare, s.Welfare);
            Assert.Equal(r.DistanceToPareto, s.DistanceToPareto);
            Assert.Equal(r.DistanceToNash, s.DistanceToNash);
            Assert.Equal(r.FailureKind, s.FailureKind);
            Assert.Equal(r.FailureSeat, s.FailureSeat);
            Assert.Equal(r.FailureReason, s.FailureReason);
            Assert.Equal(t[r.Index].Seats, s.Seats.Select(x => x.Negotiator));
            Assert.Equal(r.Utilities, s.Seats.Select(x => x.Utility));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void ReadResults_RoundTripsOpponentModelAccuracy_StoredOnce(string kind)
    {
        // Issue 21: the accuracy of each seat's opponent model, per negotiation; a batch written twice (PostgreSQL's
        // staging path) stores it once.
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[hardheaded, boulware, nicetitfortat]", repetitions: 1));
        using var store = Databases.Open(kind, folder);
        long id = store.Create(t);
        var records = Enumerable.Range(0, t.Count).Select(i => NegotiationExecutor.Execute(t, i)).ToList();
        Assert.Contains(records, r => r.ModelAccuracy.Length == 2);
        Assert.Contains(records, r => r.ModelAccuracy.IsEmpty);
        store.Write(id, records);
        store.Write(id, records);
        Assert.Equal(records.Sum(r => r.ModelAccuracy.Length), store.Count(id, "result_models"));
        foreach (var (r, s) in records.Zip(store.ReadResults(id).Results))
            Assert.Equal(r.ModelAccuracy, s.Models!);
        var board = TournamentReport.Build(store.Find(id)!, store.ReadResults(id)).Leaderboard;
        Assert.Equal(0, board.Single(b => b.Name == "boulware").ModelNegotiations);
        Assert.Null(board.Single(b => b.Name == "boulware").ModelKendall);
        Assert.All(board.Where(b => b.Name != "boulware"), b => Assert.InRange(b.ModelKendall!.Value, -1, 1));
    }

    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Continue_AfterPartialRun_RunsOnlyTheRest_AndEqualsOneRun(string kind)
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, "[boulware, conceder, random]"));
        using var store = Databases.Open(kind, folder);
        long whole = store.Create(t);
        TournamentRun.Continue(t, whole, store, new ThreadRunner(2));

        long parts = store.Create(t);
        store.Write(parts, Enumerable.Range(0, t.Count).Where(i => i % 3 == 0).Select(i => NegotiationExecutor.Execute(t, i)).ToList());
        var summary = TournamentRun.Continue(t, parts, store, new ThreadRunner(2));
        Assert.Equal(t.Count - (t.Count + 2) / 3, summary.Ran);
        Assert.Equal(t.Count, store.Count(parts, "results"));
        Assert.Empty(store.Pending(parts, t.Count));

        var a = store.ReadResults(whole).Results;
        var b = store.ReadResults(parts).Results;
        Assert.Equal(a.Select(r => (r.Index, r.Status, r.Welfare, string.Join(',', r.Seats))), b.Select(r => (r.Index, r.Status, r.Welfare, string.Join(',', r.Seats))));
    }

    [Fact]
    public void OpenSqlite_NotADatabase_ClearError()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("notes.db", "this is not a database, just text that is long enough to have a header............................................");
        var e = Assert.Throws<StoreException>(() => TournamentStore.OpenSqlite(file));
        Assert.StartsWith(file + ": cannot be opened", e.Message);
    }

    [Fact]
    public void OpenSqlite_UsesWriteAheadLog()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        using (var store = TournamentStore.OpenSqlite(Path.Combine(folder.Path, "r.db"))) store.Create(t);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder.Path, "r.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [PostgresFact]
    public void OpenPostgres_ConfiguredServer_SameSchemaAsSqlite()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder));
        using var pg = TournamentStore.OpenPostgres(Databases.Postgres!);
        using var lite = TournamentStore.OpenSqlite(Path.Combine(folder.Path, "r.db"));
        long a = pg.Create(t), b = lite.Create(t);
        var records = Enumerable.Range(0, t.Count).Select(i => NegotiationExecutor.Execute(t, i)).ToList();
        pg.Write(a, records);
        lite.Write(b, records);
        var fromPg = TournamentReport.Build(pg.Find(a)!, pg.ReadResults(a));
        var fromLite = TournamentReport.Build(lite.Find(b)!, lite.ReadResults(b));
        Assert.Equal(fromLite.Leaderboard, fromPg.Leaderboard);
    }

    [Fact]
    public void OpenPostgres_BadConnectionString_ClearError()
    {
        var e = Assert.Throws<StoreException>(() => TournamentStore.OpenPostgres("Hots=nowhere;;=="));
        Assert.Contains("not a PostgreSQL connection string", e.Message);
    }
}
