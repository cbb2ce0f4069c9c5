using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Scenarios;

namespace Parley.Protocols.Shuttle;

/// <summary>
/// The shuttle protocol as an <see cref="IProtocol{TState}"/>. Every party at the table — principals and mediators — moves
/// once per round in table order and may send one message to one party, only along a channel of the scenario's
/// communication graph (a scenario without one lets everyone talk to everyone). A message on a channel with a delay of d
/// rounds is recorded when sent (seen by its sender only) and delivered d rounds later (a <see cref="NegotiationAction.Deliver"/>
/// entry seen by the addressee); without delay the addressee sees it at once. A message along a missing channel, to a
/// party that left, or of a kind the sender's role may not send, fails the negotiation, attributed to the sender — never
/// a silent drop. A principal's offer, conditional concession or acceptance commits it to that package; the principals
/// agree when all their commitments are the same package and every principal's ratifier approves it; a refusal is
/// announced to everyone (mediators hear it as that principal's rejection), that principal's commitment lapses and the
/// talks go on. A principal leaving ends the negotiation; a mediator leaving closes its channels.
/// </summary>
internal readonly struct ShuttleProtocol : IProtocol<ShuttleState>
{
    private readonly IReadOnlyList<IShuttleParty> _parties;
    private readonly TableInfo _table;
    private readonly int _n;
    private readonly int[] _principals;
    private readonly OutcomeSpace _space;
    private readonly TextLimits? _limits;
    private readonly Scenario _scenario;
    private readonly int[] _ratified; // principals with a ratifier

    public ShuttleProtocol(Scenario scenario, IReadOnlyList<IShuttleParty> parties)
    {
        _scenario = scenario;
        _ratified = [.. Enumerable.Range(0, scenario.Parties.Length).Where(i => scenario.Parties[i].Role == PartyRole.Principal && scenario.Parties[i].Ratifier is not null)];
        _parties = parties;
        _table = TableInfo.Of(scenario);
        _n = scenario.Parties.Length;
        _principals = [.. _table.Principals];
        _space = scenario.Space;
        _limits = TextLimits.For(scenario);
    }

    public string Name => "shuttle";

    public bool Emits => true;

    public bool EmitsAfterStepsOnly => false;

    public int TurnsPerRound => _n;

    // One entry per turn, reserved up front (implemented here so the runner's call on this struct does not box it).
    public long TranscriptCapacity(long turns) => turns;

    public ShuttleState Initial => new()
    {
        Commitments = [.. new Outcome?[_n]],
        InTransit = [],
    };

    public void InitializeParty(int party, NegotiatorContext context) => _parties[party].Initialize(context);

    public bool IsOver(in ShuttleState state) => state.Status != NegotiationStatus.Running;

    public NegotiationStatus Status(in ShuttleState state) => state.Status;

    public Outcome? Agreement(in ShuttleState state) => state.Agreement;

    public bool TryEmit(in ShuttleState state, in SessionClock clock, out Move move)
    {
        if (state.RatifierRefusing is int refusing && state.Commitments[refusing] is { } refused)
        {
            // Two-level ratification during the talks: every principal committed to one package and this principal's
            // ratifier turned it down. The refusal is announced (with the issues it objects to); the commitment lapses.
            var values = new int[_space.IssueCount];
            _space.Decode(refused, values);
            var ratifier = _scenario.Parties[refusing].Ratifier!;
            move = new Move
            {
                Actor = refusing, Action = NegotiationAction.Reject, Outcome = refused, To = -1, Recipients = Audience.Everyone,
                Issues = _scenario.RatifierObjections(refusing, values),
                Note = $"ratification: {ratifier.Name} ({_scenario.Parties[refusing].Name}'s ratifier) rejects the package its negotiators accepted",
            };
            return true;
        }
        foreach (var m in state.InTransit)
        {
            if (m.ArrivalRound > clock.Round) continue;
            move = new Move
            {
                Actor = m.From, Action = NegotiationAction.Deliver, Outcome = m.Message.Package, To = m.To, Recipients = Audience.Of(m.To),
                Issues = m.Message.Issues, Note = m.Message.Kind.ToString(),
            };
            return true;
        }
        move = default;
        return false;
    }

    public int Mover(in ShuttleState state) => state.Turn;

    public Move Ask(ref ShuttleState state, in SessionClock clock)
    {
        int party = state.Turn;
        var message = _parties[party].Act(state with { Time = clock.Time, Round = clock.Round });
        string? replaced = null;
        if (message.Kind == NegotiationAction.Propose && _limits is { } limits && message.Package is { } text && _space.Contains(text))
        {
            // A mediator's own text never crosses a red line or breaks a rule: one that would is replaced by the start
            // text (inside every limit), or not sent when no package is.
            var guarded = limits.Guard(text, clock.Time);
            if (guarded != text)
            {
                if (guarded is null) return new Move { Actor = party, Action = NegotiationAction.Pass, To = -1, Recipients = Audience.Everyone, Note = OutsideLimits + "; no package is inside them, nothing sent" };
                message = message with { Package = guarded };
                replaced = OutsideLimits + "; replaced by the start text";
            }
        }
        if (message.Kind == NegotiationAction.Pass) return new Move { Actor = party, Action = NegotiationAction.Pass, To = -1, Recipients = Audience.Everyone };
        bool delayed = _table.CanSend(party, message.To, out int delay) && delay > 0;
        string? transit = delayed ? $"in transit: arrives in round {clock.Round + delay}" : null;
        return new Move
        {
            Actor = party, Action = message.Kind, Outcome = message.Package, To = message.To, Issues = message.Issues,
            Recipients = delayed ? Audience.Nobody : Audience.Of(message.To),
            Note = replaced is null ? transit : transit is null ? replaced : $"{replaced}; {transit}",
        };
    }

    private const string OutsideLimits = "the mediator's text crossed a principal's red line or rule, or used a withdrawn value";

    public string? Check(in ShuttleState state, in Move move)
    {
        if (move.Action == NegotiationAction.Pass) return null;
        int from = move.Actor, to = move.To;
        bool principal = _table.Roles[from] == PartyRole.Principal;
        bool allowed = principal
            ? move.Action is NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Object or NegotiationAction.Accept or NegotiationAction.Reject
            : move.Action is NegotiationAction.Relay or NegotiationAction.Propose or NegotiationAction.Object;
        if (!allowed) return $"sent a {move.Action} message, which a {(principal ? "principal" : "mediator")} may not send in the shuttle protocol";
        if ((uint)to >= (uint)_n) return $"sent a message to party {to}, which is not at the table";
        if (!_table.CanSend(from, to, out _))
            return $"sent a {move.Action} to {_table.Names[to]} along no channel: {_table.Names[from]} has no channel to {_table.Names[to]}";
        if (Audience.Contains(state.Left, to)) return $"sent a {move.Action} to {_table.Names[to]}, who has left the table";
        if (move.Outcome is not { } package || !_space.Contains(package)) return $"sent package {move.Outcome} outside the outcome space ({_space.Cardinality} outcomes)";
        if (move.Issues != 0 && _space.IssueCount < 64 && (move.Issues >> _space.IssueCount) != 0) return "named an issue the space does not have";
        return null;
    }

    public void Step(ref ShuttleState state, in Move move, in SessionClock clock) => state = Next(state, move, clock);

    private ShuttleState Next(in ShuttleState state, in Move move, in SessionClock clock)
    {
        if (state.RatifierRefusing is int refusing && move.Action == NegotiationAction.Reject && move.To == -1 && move.Actor == refusing)
            return state with { RatifierRefusing = null, Commitments = state.Commitments.SetItem(refusing, null) };
        if (move.Action == NegotiationAction.Deliver)
        {
            var list = state.InTransit;
            for (int i = 0; i < list.Count; i++)
                if (list[i].ArrivalRound <= clock.Round) return state with { InTransit = list.RemoveAt(i) };
            return state;
        }
        var s = state with { Turn = (state.Turn + 1) % _n, Round = state.Turn + 1 == _n ? state.Round + 1 : state.Round, Time = clock.Time };
        if (move.Action == NegotiationAction.Pass) return s;
        if (move.Recipients == Audience.Nobody && _table.CanSend(move.Actor, move.To, out int delay))
            s = s with { InTransit = s.InTransit.Add(new InTransit(move.Actor, move.To, new ShuttleMessage(move.Action, move.To, move.Outcome, move.Issues), clock.Round, clock.Round + delay)) };
        if (move.Action is NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Accept && move.Outcome is { } package)
        {
            var commitments = s.Commitments.SetItem(move.Actor, package);
            s = s with { Commitments = commitments };
            if (AllCommitted(commitments, package))
                s = RatifierRefusing(package, clock.Time) is int refuser
                    ? s with { RatifierRefusing = refuser }
                    : s with { Status = NegotiationStatus.Agreed, Agreement = package };
        }
        return s;
    }

    // The first principal whose ratifier refuses the package at t, or null when all approve (or none has a ratifier).
    private int? RatifierRefusing(Outcome package, double t)
    {
        if (_ratified.Length == 0) return null;
        var values = new int[_space.IssueCount];
        _space.Decode(package, values);
        foreach (int p in _ratified)
            if (!_scenario.Ratifies(p, values, t)) return p;
        return null;
    }

    private bool AllCommitted(ImmutableArray<Outcome?> commitments, Outcome package)
    {
        foreach (int p in _principals)
            if (commitments[p] != package) return false;
        return true;
    }

    public ShuttleState End(in ShuttleState state, NegotiationStatus status) => state with { Status = status };

    public ShuttleState Leave(in ShuttleState state, int party) =>
        _table.Roles[party] == PartyRole.Principal
            ? state with { Status = NegotiationStatus.Ended, Left = state.Left | Audience.Of(party) }
            : state with { Left = state.Left | Audience.Of(party) };
}
