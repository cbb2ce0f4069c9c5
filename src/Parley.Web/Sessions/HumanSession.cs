using System.Security.Cryptography;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Web.Scenarios;

namespace Parley.Web.Sessions;

/// <summary>One item of a session's experiment log: something a person did (claimed a seat, opened a view, edited, moved, was refused) or the session did.</summary>
/// <param name="At">Wall-clock time (UTC).</param>
/// <param name="Seat">The party whose person it concerns, or "" for the session.</param>
/// <param name="Kind">created, claimed, claim-refused, view, edit, move, refused, suggest, ended.</param>
/// <param name="Action">The move's action, if any.</param>
/// <param name="Round">Round at the time (numbered from 1), if known.</param>
/// <param name="Outcome">The outcome concerned, issue → value, if any.</param>
/// <param name="Detail">Free text (a refusal's message, what was viewed).</param>
public sealed record SessionLogItem(DateTimeOffset At, string Seat, string Kind, string? Action, int? Round, IReadOnlyList<KeyValuePair<string, string>>? Outcome, string? Detail);

/// <summary>A person's seat of a web session: the token a script or page uses, the one-time invite a person claims it with.</summary>
public sealed class SeatTicket(int party, string name)
{
    public int Party { get; } = party;
    public string Name { get; } = name;
    public string Token { get; } = HumanSession.NewSecret();
    public string Invite { get; } = HumanSession.NewSecret();
    public bool Claimed { get; set; }
}

/// <summary>
/// A session of <c>parley serve</c> with people at the table: the live engine (<see cref="InteractiveSession"/>), the
/// seats' tokens and invites, what the people may see, and the experiment log. Thread-safe.
/// </summary>
public sealed class HumanSession
{
    private readonly object _gate = new();
    private readonly List<SessionLogItem> _log = [];
    private readonly Action<HumanSession, SessionLogItem>? _recorded;

    public HumanSession(string id, string scenarioName, CatalogScenario? catalog, InteractiveSession engine, bool analyst, bool suggestions, string? condition,
        TimeProvider time, Action<HumanSession, SessionLogItem>? recorded)
    {
        Id = id;
        ScenarioName = scenarioName;
        Catalog = catalog;
        Engine = engine;
        Analyst = analyst;
        Suggestions = suggestions;
        Condition = condition;
        Time = time;
        _recorded = recorded;
        Created = time.GetUtcNow();
        Seats = [.. engine.PersonSeats.Select(p => new SeatTicket(p, engine.Table.Parties[p].Name))];
    }

    public string Id { get; }
    public string ScenarioName { get; }
    public CatalogScenario? Catalog { get; }
    public InteractiveSession Engine { get; }
    public bool Analyst { get; }
    public bool Suggestions { get; }
    public string? Condition { get; }
    public TimeProvider Time { get; }
    public DateTimeOffset Created { get; }
    public string OwnerKey { get; } = NewSecret();
    public IReadOnlyList<SeatTicket> Seats { get; }

    /// <summary>When the wall-clock deadline passes, if there is one.</summary>
    public DateTimeOffset? EndsAt => Engine.Setup.TimeLimit is { } limit ? Created + limit : null;

    /// <summary>The seat whose token is <paramref name="token"/> (compared in constant time), or null.</summary>
    public SeatTicket? SeatOf(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        foreach (var seat in Seats)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(seat.Token), System.Text.Encoding.UTF8.GetBytes(token))) return seat;
        return null;
    }

    /// <summary>Claims the seat of <paramref name="invite"/> once: the seat, or why not (403 unknown invite, 409 already taken).</summary>
    public (SeatTicket? Seat, int Status) Claim(string? invite)
    {
        lock (_gate)
        {
            var seat = Seats.FirstOrDefault(s => !string.IsNullOrEmpty(invite) &&
                CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(s.Invite), System.Text.Encoding.UTF8.GetBytes(invite)));
            if (seat is null) return (null, 403);
            if (seat.Claimed)
            {
                Log(seat.Name, "claim-refused", detail: "the seat had already been taken");
                return (seat, 409);
            }
            seat.Claimed = true;
            Log(seat.Name, "claimed");
            return (seat, 200);
        }
    }

    /// <summary>Marks a seat taken when its token is used directly (a script playing it), so its invite can no longer claim it.</summary>
    public void Touch(SeatTicket seat)
    {
        lock (_gate)
        {
            if (seat.Claimed) return;
            seat.Claimed = true;
            Log(seat.Name, "claimed", detail: "by its token");
        }
    }

    /// <summary>Adds an item to the experiment log (and to the results database, when the server records sessions).</summary>
    public void Log(string seat, string kind, string? action = null, IReadOnlyList<KeyValuePair<string, string>>? outcome = null, string? detail = null)
    {
        SessionLogItem item;
        lock (_gate)
        {
            int? round = null;
            if (Engine.PersonSeats.FirstOrDefault(-1) is int p && p >= 0) round = Engine.View(p).Round + 1;
            item = new SessionLogItem(Time.GetUtcNow(), seat, kind, action, round, outcome, detail);
            _log.Add(item);
        }
        _recorded?.Invoke(this, item);
    }

    /// <summary>The experiment log so far.</summary>
    public IReadOnlyList<SessionLogItem> LogItems() { lock (_gate) return [.. _log]; }

    internal static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
