using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Parties;

/// <summary>
/// What a party may know: its own profile (never anyone else's), its role and stake, the outcome space, the table (roles,
/// who it may talk to), the deadline, the scenario's public timeline, the history of actions it may see (without
/// utilities) and its own seed. One per party per negotiation.
/// </summary>
public sealed class NegotiatorContext
{
    private readonly Timeline _timeline;
    private readonly bool _hasWithdrawals;
    private readonly bool _hasShifts;
    private readonly bool _hasRedLines;
    private Random? _random;

    /// <summary>Creates a context; the session runner does this, tests may too.</summary>
    /// <param name="partyIndex">This party's index in table order.</param>
    /// <param name="partyCount">Parties at the table.</param>
    /// <param name="profile">This party's own preferences.</param>
    /// <param name="history">The actions this party may see.</param>
    /// <param name="options">The protocol's options (deadlines).</param>
    /// <param name="seed">This party's seed.</param>
    /// <param name="index">A prebuilt index of the profile's utility (built when null).</param>
    /// <param name="table">Roles, stake, channels and timeline of the table (everyone a principal, no events, when null).</param>
    public NegotiatorContext(int partyIndex, int partyCount, Profile profile, OfferHistory history, SessionOptions options, int seed,
        UtilityIndex? index = null, TableInfo? table = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        PartyIndex = partyIndex;
        PartyCount = partyCount;
        Profile = profile;
        History = history;
        Options = options;
        Seed = seed;
        Index = index ?? UtilityIndex.For(profile.Utility);
        Table = table ?? TableInfo.AllPrincipals(partyCount);
        _timeline = Table.Timeline;
        foreach (var e in _timeline.Events)
        {
            _hasWithdrawals |= e is IssueValueWithdrawn;
            _hasShifts |= e is ReservedValueChange c && c.Party == partyIndex;
        }
        _hasRedLines = !profile.RedLines.IsEmpty;
    }

    /// <summary>This party's index in table order.</summary>
    public int PartyIndex { get; }

    /// <summary>Number of parties at the table.</summary>
    public int PartyCount { get; }

    /// <summary>This party's own preferences.</summary>
    public Profile Profile { get; }

    /// <summary>The outcome space.</summary>
    public OutcomeSpace Space => Profile.Utility.Space;

    /// <summary>A fast index of this party's own utility (shared read-only across negotiations).</summary>
    public UtilityIndex Index { get; }

    /// <summary>All actions so far that this party may see, without utilities.</summary>
    public OfferHistory History { get; }

    /// <summary>The protocol options (deadlines).</summary>
    public SessionOptions Options { get; }

    /// <summary>This negotiator's seed, derived from the session seed and the party index.</summary>
    public int Seed { get; }

    /// <summary>
    /// A random source seeded with <see cref="Seed"/>; the only randomness a negotiator should use. Made on first use
    /// (seeding costs about as much as a negotiation round, and many negotiators never draw).
    /// </summary>
    public Random Random => _random ??= new Random(Seed);

    /// <summary>Public facts about the table: roles, stakes, channels, the timeline.</summary>
    public TableInfo Table { get; }

    /// <summary>This party's role.</summary>
    public PartyRole Role => Table.Roles[PartyIndex];

    /// <summary>True when some outcomes are unacceptable to this party (red lines, or values events may withdraw).</summary>
    public bool HasLimits => _hasRedLines || _hasWithdrawals;

    /// <summary>
    /// The undiscounted reserved value at normalised time <paramref name="t"/>: the profile's curve plus what scenario
    /// events (steps, ramps) have added by then.
    /// </summary>
    public double ReservedValue(double t) =>
        _hasShifts ? Profile.ReservedValue.At(t) + _timeline.ReservedValueShift(PartyIndex, t) : Profile.ReservedValue.At(t);

    /// <summary>This party's undiscounted utility of <paramref name="outcome"/>.</summary>
    public double Utility(Outcome outcome) => Index.Utility(outcome);

    /// <summary>
    /// False when <paramref name="outcome"/> crosses one of this party's red lines or uses a value withdrawn by time
    /// <paramref name="t"/>: the party must never accept or offer it, whatever its utility.
    /// </summary>
    public bool IsAllowed(Outcome outcome, double t)
    {
        if (!HasLimits) return true;
        Span<int> values = Space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[Space.IssueCount] : new int[Space.IssueCount];
        Space.Decode(outcome, values);
        return IsAllowed(values, t);
    }

    /// <summary>
    /// The allowed outcome (<see cref="IsAllowed(Outcome, double)"/>) closest in own utility to <paramref name="bid"/>:
    /// the bid itself when allowed, else the nearest better one in the index, else the nearest worse one; the bid when
    /// nothing is allowed.
    /// </summary>
    public Outcome NearestAllowed(Outcome bid, double t)
    {
        if (IsAllowed(bid, t)) return bid;
        int rank = Math.Min(Index.RankAtLeast(Index.Utility(bid)), Index.Count - 1);
        for (int r = rank; r < Index.Count; r++)
            if (IsAllowed(Index.OutcomeAt(r), t)) return Index.OutcomeAt(r);
        for (int r = rank - 1; r >= 0; r--)
            if (IsAllowed(Index.OutcomeAt(r), t)) return Index.OutcomeAt(r);
        return bid;
    }

    /// <summary>
    /// The (at most two) issues on which <paramref name="package"/> costs this party most, as a bit mask over issue
    /// indices: those that cross its red lines, then those where putting back its best outcome's value would raise its
    /// utility most. 0 for spaces of more than 64 issues.
    /// </summary>
    public ulong Objections(Outcome package)
    {
        int n = Space.IssueCount;
        if (n > 64) return 0;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        Span<int> best = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        Space.Decode(package, values);
        Space.Decode(Index.Best, best);
        var utility = Profile.Utility;
        double baseline = utility.Utility(values);
        var objected = new ObjectedIssues();
        for (int i = 0; i < n; i++)
        {
            int keep = values[i];
            double gain;
            if (Profile.RedLines.Crosses(i, keep)) gain = double.PositiveInfinity;
            else
            {
                if (keep == best[i]) continue;
                values[i] = best[i];
                gain = utility.Utility(values) - baseline;
                values[i] = keep;
            }
            objected.Consider(i, gain);
        }
        return objected.Mask;
    }

    /// <summary>As <see cref="IsAllowed(Outcome, double)"/> for one value index per issue.</summary>
    public bool IsAllowed(ReadOnlySpan<int> values, double t) =>
        !HasLimits || (!Profile.RedLines.Crosses(values) && (!_hasWithdrawals || _timeline.IsAvailable(values, t)));
}

/// <summary>Public facts about a negotiation table that every party may know.</summary>
/// <param name="Roles">Each party's role, in table order.</param>
/// <param name="Names">Each party's name, in table order.</param>
/// <param name="Stakes">Each party's stake α (0 for principals).</param>
/// <param name="Channels">Who may talk to whom (null: everyone with everyone, no delay).</param>
/// <param name="Timeline">The scenario's events.</param>
public sealed record TableInfo(ImmutableArray<PartyRole> Roles, ImmutableArray<string> Names, ImmutableArray<double> Stakes, CommunicationGraph? Channels, Timeline Timeline)
{
    /// <summary>A table of <paramref name="count"/> principals without channels or events.</summary>
    public static TableInfo AllPrincipals(int count) =>
        new([.. Enumerable.Repeat(PartyRole.Principal, count)], [.. Enumerable.Range(0, count).Select(i => $"party{i}")],
            [.. Enumerable.Repeat(0.0, count)], null, Timeline.Empty);

    private static readonly ConditionalWeakTable<Scenario, TableInfo> PerScenario = new();

    /// <summary>The table of <paramref name="scenario"/> (made once per scenario instance; scenarios are immutable).</summary>
    public static TableInfo Of(Scenario scenario) =>
        PerScenario.GetValue(scenario, s =>
            new([.. s.Parties.Select(p => p.Role)], [.. s.Parties.Select(p => p.Name)], [.. s.Parties.Select(p => p.Stake)], s.Channels, s.Timeline));

    /// <summary>Indices of the principals, ascending.</summary>
    public IEnumerable<int> Principals => Enumerable.Range(0, Roles.Length).Where(i => Roles[i] == PartyRole.Principal);

    /// <summary>Indices of the mediators, ascending.</summary>
    public IEnumerable<int> Mediators => Enumerable.Range(0, Roles.Length).Where(i => Roles[i] == PartyRole.Mediator);

    /// <summary>True when <paramref name="from"/> may send to <paramref name="to"/>; <paramref name="delayRounds"/> is the channel's delay.</summary>
    public bool CanSend(int from, int to, out int delayRounds)
    {
        delayRounds = 0;
        if (from == to || (uint)from >= (uint)Roles.Length || (uint)to >= (uint)Roles.Length) return false;
        return Channels is null || Channels.Allows(from, to, out delayRounds);
    }
}
