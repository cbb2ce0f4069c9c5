using Parley.Tournaments.Storage;

namespace Parley.Tests.Tournaments;

/// <summary>Sessions with people at the table in the results database: the same tables and answers on SQLite and PostgreSQL.</summary>
public sealed class SessionStoreTests
{
    [Theory]
    [MemberData(nameof(Databases.Kinds), MemberType = typeof(Databases))]
    public void Session_CreatedActionsAndEnd_ReadBackInOrder(string kind)
    {
        using var folder = TestPaths.TempFolder();
        using var store = Databases.Open(kind, folder);
        string id = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
        store.CreateSession(new StoredSession(id, created, "EnglandZimbabwe", "sao", "c1", 7, 20, null, """{"England":"boulware","Zimbabwe":"human"}"""));
        store.AppendSessionActions(id,
        [
            new StoredSessionAction(0, created.AddSeconds(1), "person", "Zimbabwe", "claimed", null, null, null, null),
            new StoredSessionAction(1, created.AddSeconds(2), "engine", "England", "offer", 0, 0.0, "Size of Fund=$10 billion", null),
            new StoredSessionAction(2, created.AddSeconds(9), "person", "Zimbabwe", "move", 0, null, null, "accept"),
        ]);
        Assert.Null(store.ReadSession(id).Status);
        store.EndSession(id, "agreed", "Size of Fund=$10 billion", created.AddSeconds(10));

        var (session, status, agreement) = store.ReadSession(id);
        Assert.Equal("agreed", status);
        Assert.Equal("Size of Fund=$10 billion", agreement);
        Assert.Equal(("c1", 7, 20, (double?)null), (session.Condition, session.Seed, session.Rounds, session.Minutes));
        var actions = store.ReadSessionActions(id);
        Assert.Equal([0, 1, 2], actions.Select(a => a.Seq));
        Assert.Equal(created.AddSeconds(9), actions[2].AtUtc);
        Assert.Equal(("engine", "offer", 0, 0.0), (actions[1].Source, actions[1].Kind, actions[1].Round!.Value, actions[1].Time!.Value));
        Assert.Throws<StoreException>(() => store.ReadSession("no-such-session"));
    }
}
