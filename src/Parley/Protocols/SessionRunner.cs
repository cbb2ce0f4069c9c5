using System.Diagnostics;
using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// The generic session loop, the only mutator of a negotiation under any protocol: it keeps the clock and the deadlines,
/// fires scenario events at their time (and lists them in the transcript), asks the protocol who moves and what it does,
/// times each turn against the budget, attributes failures (an exception, an illegal action, an overrun budget) to the
/// party that caused them, refuses any acceptance or offer of an outcome that crosses the actor's red lines, records every
/// action with every party's utility, and steps the protocol's state value. The per-turn path allocates nothing.
/// </summary>
internal sealed class SessionRunner<TProtocol, TState>
    where TProtocol : IProtocol<TState>
    where TState : struct
{
    private readonly Scenario _scenario;
    private readonly TProtocol _protocol;
    private readonly IReadOnlyList<string> _names;
    private readonly SessionOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Per-turn budgets at least this long are timed on the millisecond tick count (see <see cref="Run"/>).</summary>
    private static readonly TimeSpan CoarseBudget = TimeSpan.FromMilliseconds(100);
    private readonly int _n;
    private readonly UtilityIndex[] _indices;
    private readonly Transcript _transcript;
    private Outcome _lastRecorded; // the outcome of entry _lastRecordedEntry, whose utilities were looked up (−1: none yet)
    private int _lastRecordedEntry = -1;
    private readonly ImmutableArray<ScenarioEvent> _events;
    private readonly bool _presenceEvents;
    private readonly bool _limits;
    private readonly TableInfo _table;
    private string? _refusedDuringTalks; // the last ratifier that turned down a text every negotiator had accepted

    /// <summary>How a ratifier's verdict is noted in the transcript.</summary>
    internal const string RatificationNote = RatifierNote.Prefix;

    /// <summary>A runner for one negotiation; <paramref name="recycled"/>, when given, is emptied and recorded into instead of a new transcript (see <see cref="Transcript.Reset"/>).</summary>
    public SessionRunner(Scenario scenario, TProtocol protocol, IReadOnlyList<string> negotiatorNames, SessionOptions options, TimeProvider time, Transcript? recycled = null)
    {
        _scenario = scenario;
        _protocol = protocol;
        _names = negotiatorNames;
        _options = options;
        _time = time;
        _n = scenario.Parties.Length;
        _indices = new UtilityIndex[_n];
        for (int i = 0; i < _n; i++) _indices[i] = UtilityIndex.For(scenario.Parties[i].Profile.Utility);
        long turns = options.Rounds is { } r ? (long)r * protocol.TurnsPerRound + 1 : 256;
        int capacity = (int)Math.Clamp(_protocol.TranscriptCapacity(turns), 4, 1 << 16);
        if (recycled is null) _transcript = new Transcript(_n, capacity);
        else
        {
            recycled.Reset(_n, capacity);
            _transcript = recycled;
        }
        _events = scenario.Timeline.Events;
        _table = TableInfo.Of(scenario);
        foreach (var e in _events)
        {
            _presenceEvents |= e is PartyJoins or PartyLeaves;
            _limits |= e is IssueValueWithdrawn;
        }
        foreach (var party in scenario.Parties) _limits |= !party.Profile.RedLines.IsEmpty;
    }

    public NegotiationResult Run()
    {
        // The protocol as a local: the JIT then calls it in place instead of copying the field's value for each call.
        var protocol = _protocol;
        long wallStart = _time.GetTimestamp();
        long start = wallStart;
        var state = protocol.Initial;
        NegotiationFailure? failure = null;
        int walkedAway = -1;
        double t = 0;
        int turn = 0, round = 0, inRound = 0;
        int tpr = protocol.TurnsPerRound;

        var table = _table;
        for (int i = 0; i < _n && failure is null; i++)
        {
            var context = new NegotiatorContext(i, _n, _scenario.Parties[i].Profile, new OfferHistory(_transcript, i), _options,
                Negotiation.DeriveSeed(_options.Seed, i), _indices[i], table);
            try
            {
                protocol.InitializeParty(i, context);
            }
            catch (Exception ex)
            {
                failure = Fail(i, FailureKind.Exception, $"Initialize threw {ex.GetType().Name}: {ex.Message}", new SessionClock(0, 0, 0));
                state = protocol.End(state, NegotiationStatus.Failed);
            }
        }

        long maxTurns = _options.Rounds is { } rounds ? (long)rounds * tpr : long.MaxValue;
        // One timestamp per turn: the end of one turn is the start of the next. A precise timestamp costs about 25 ns (a
        // quarter of a SAOP turn), so a session on the system clock with no time limit and a per-turn budget of at least
        // CoarseBudget times its turns on the millisecond tick count (about 4 ns), which is ample to enforce such a budget.
        bool coarse = ReferenceEquals(_time, TimeProvider.System) && _options.TimeLimit is null && _options.PerTurnBudget >= CoarseBudget;
        double frequency = coarse ? 1000.0 : _time.TimestampFrequency;
        double limitTicks = _options.TimeLimit is { } limit ? limit.TotalSeconds * frequency : double.PositiveInfinity;
        long budgetTicks = (long)Math.Min(_options.PerTurnBudget.TotalSeconds * frequency, long.MaxValue / 2.0);
        int nextEvent = 0;
        long turnStart = coarse ? Environment.TickCount64 : _time.GetTimestamp();
        // Whether an emission may be due before the next turn: always when emissions can fall due with time; otherwise
        // only at the start and after a step or an event not yet drained (a drain after each step empties the rest).
        bool undrained = true;
        if (coarse) start = turnStart;
        while (!protocol.IsOver(state))
        {
            long elapsed = turnStart - start;
            if (turn >= maxTurns || elapsed >= limitTicks)
            {
                t = 1.0;
                var end = new SessionClock(turn, round, t);
                while (nextEvent < _events.Length && !protocol.IsOver(state)) state = FireEvent(state, _events[nextEvent++], end);
                if (!protocol.IsOver(state)) state = protocol.End(state, NegotiationStatus.Deadline);
                break;
            }
            t = _options.Rounds is { } r ? (double)turn / ((double)r * tpr) : Math.Min(1.0, elapsed / limitTicks);
            var clock = new SessionClock(turn, round, t);

            if (nextEvent < _events.Length)
            {
                while (nextEvent < _events.Length && _events[nextEvent].Time <= t && !protocol.IsOver(state))
                {
                    state = FireEvent(state, _events[nextEvent++], clock);
                    undrained = true;
                }
                if (protocol.IsOver(state)) break;
            }
            if (protocol.Emits && (undrained || !protocol.EmitsAfterStepsOnly))
            {
                Drain(protocol, ref state, clock);
                undrained = false;
                if (protocol.IsOver(state)) break;
            }

            int party = protocol.Mover(state);
            if (_presenceEvents && !_scenario.Timeline.IsPresent(party, t))
            {
                protocol.Step(ref state, new Move { Actor = party, Action = NegotiationAction.Pass, To = -1, Recipients = Audience.Everyone }, clock);
                undrained = true;
                turn++;
                if (++inRound == tpr) { round++; inRound = 0; }
                continue;
            }

            Move move;
            long protocolWork = ProtocolWork.Ticks;
            try
            {
                move = protocol.Ask(ref state, clock);
            }
            catch (Interactive.DeadlinePassedException) when (_options.TimeLimit is not null)
            {
                // A person's seat saw the wall-clock deadline pass while deciding: the check at the top of the loop ends it.
                turnStart = _time.GetTimestamp();
                continue;
            }
            catch (Exception ex)
            {
                failure = Fail(party, FailureKind.Exception, $"threw {ex.GetType().Name}: {ex.Message}", clock);
                state = protocol.End(state, NegotiationStatus.Failed);
                turn++;
                if (++inRound == tpr) { round++; inRound = 0; }
                break;
            }

            long now = coarse ? Environment.TickCount64 : _time.GetTimestamp();
            long took = now - turnStart;
            turnStart = now;
            // What the protocol did on its own behalf during the turn (ProtocolWork) is not the mover's time. Measured on
            // the system's clock, so deducted only when the session runs on it.
            if (ProtocolWork.Ticks != protocolWork && ReferenceEquals(_time, TimeProvider.System))
                took -= (long)((ProtocolWork.Ticks - protocolWork) * (frequency / Stopwatch.Frequency));
            string? invalid = move.Actor != party ? $"answered for party {move.Actor}" : protocol.Check(state, move);
            if (invalid is null && _limits) invalid = CheckLimits(move, t);
            if (invalid is not null || took > budgetTicks)
            {
                failure = invalid is not null
                    ? Fail(party, FailureKind.InvalidAction, invalid, clock)
                    : Fail(party, FailureKind.TimeBudgetExceeded,
                        $"took {took * 1000.0 / frequency:0.###} ms for one turn; the budget is {_options.PerTurnBudget.TotalMilliseconds:0.###} ms", clock);
                state = protocol.End(state, NegotiationStatus.Failed);
                turn++;
                if (++inRound == tpr) { round++; inRound = 0; }
                break;
            }
            if (move.Action == NegotiationAction.WalkAway) walkedAway = party;
            if (move.Action != NegotiationAction.Pass) Record(move, clock);
            protocol.Step(ref state, move, clock);
            if (protocol.Emits) Drain(protocol, ref state, clock);
            turn++;
            if (++inRound == tpr) { round++; inRound = 0; }
        }

        return BuildResult(state, t, turn, failure, walkedAway, _time.GetElapsedTime(wallStart));
    }

    // The protocol's own actions due now (tallies, deliveries), recorded and applied in order.
    private void Drain(in TProtocol protocol, ref TState state, in SessionClock clock)
    {
        while (!protocol.IsOver(state) && protocol.TryEmit(state, clock, out var emitted))
        {
            Record(emitted, clock);
            if (emitted.Action == NegotiationAction.Reject && RatifierNote.Marks(emitted.Note)
                && (uint)emitted.Actor < (uint)_n && _scenario.Parties[emitted.Actor].Ratifier is { } refusing)
                _refusedDuringTalks = $"{refusing.Name} ({_scenario.Parties[emitted.Actor].Name})";
            protocol.Step(ref state, emitted, clock);
        }
    }

    private TState FireEvent(TState state, ScenarioEvent e, in SessionClock clock)
    {
        int party = e switch
        {
            ReservedValueChange c => c.Party,
            PartyLeaves l => l.Party,
            PartyJoins j => j.Party,
            _ => -1,
        };
        Record(new Move { Actor = party, Action = NegotiationAction.Event, To = -1, Recipients = Audience.Everyone, Note = Describe(e) }, clock);
        return e is PartyLeaves leaves ? _protocol.Leave(state, leaves.Party) : state;
    }

    private string Describe(ScenarioEvent e)
    {
        string what = e switch
        {
            ReservedValueChange c => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"reserved value of {_scenario.Parties[c.Party].Name} {(c.Change >= 0 ? "+" : "")}{c.Change:0.###}{(c.RampDuration > 0 ? $" over t+{c.RampDuration:0.###}" : "")}"),
            IssueValueWithdrawn w => $"{_scenario.Space.Issues[w.Issue].Name} = {_scenario.Space.Issues[w.Issue].FormatValue(w.Value)} withdrawn",
            PartyLeaves l => $"{_scenario.Parties[l.Party].Name} leaves",
            PartyJoins j => $"{_scenario.Parties[j.Party].Name} joins",
            _ => "milestone",
        };
        return $"{e.Name} ({what}{(e.Date is { } d ? $", {d:yyyy-MM-dd}" : "")})";
    }

    // Red lines and withdrawn values: a principal never accepts or commits to such an outcome, whatever its negotiator says.
    private string? CheckLimits(in Move move, double t)
    {
        if (move.Outcome is not { } o || _scenario.Parties[move.Actor].Role != PartyRole.Principal) return null;
        if (move.Action is not (NegotiationAction.Accept or NegotiationAction.Offer or NegotiationAction.Concede)) return null;
        Span<int> values = _scenario.Space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[_scenario.Space.IssueCount] : new int[_scenario.Space.IssueCount];
        _scenario.Space.Decode(o, values);
        if (_scenario.Parties[move.Actor].Profile.RedLines.Crosses(values))
            return $"{(move.Action == NegotiationAction.Accept ? "accepted" : "offered")} outcome {o}, which crosses its red line";
        if (!_scenario.Timeline.IsAvailable(values, t))
            return $"{(move.Action == NegotiationAction.Accept ? "accepted" : "offered")} outcome {o}, which uses a value withdrawn by a scenario event";
        return null;
    }

    private void Record(in Move move, in SessionClock clock)
    {
        var utilities = _transcript.Append(move, clock.Round, clock.Time);
        if (move.Outcome is { } o)
        {
            // Consecutive entries often carry the same outcome (a text, its votes and its tally; an offer and its
            // acceptance): its utilities are copied from the entry before instead of looked up again.
            if (_lastRecordedEntry >= 0 && _lastRecorded == o)
            {
                _transcript.UtilitiesOf(_lastRecordedEntry).CopyTo(utilities);
                return;
            }
            for (int i = 0; i < utilities.Length; i++) utilities[i] = _indices[i].Utility(o);
            _lastRecorded = o;
            _lastRecordedEntry = _transcript.Count - 1;
        }
        else
        {
            utilities.Fill(double.NaN);
        }
    }

    private NegotiationFailure Fail(int party, FailureKind kind, string reason, in SessionClock clock)
    {
        Record(new Move { Actor = party, Action = NegotiationAction.Fail, To = -1, Recipients = Audience.Everyone }, clock);
        return new(party, _scenario.Parties[party].Name, kind, reason);
    }

    private NegotiationResult BuildResult(TState state, double t, int turns, NegotiationFailure? failure, int walkedAway, TimeSpan elapsed)
    {
        var status = _protocol.Status(state);
        Outcome? agreement = status == NegotiationStatus.Agreed ? _protocol.Agreement(state) : null;
        string? rejectedBy = null;
        if (agreement is { } agreed && _scenario.Parties.Any(p => p.Ratifier is not null))
        {
            // Two-level ratification: every principal's ratifier is asked at the end; one refusal and there is no agreement.
            var clock = new SessionClock(turns, _protocol.TurnsPerRound == 0 ? 0 : turns / _protocol.TurnsPerRound, t);
            var agreedValues = new int[_scenario.Space.IssueCount];
            _scenario.Space.Decode(agreed, agreedValues);
            for (int i = 0; i < _n; i++)
            {
                if (_scenario.Parties[i].Ratifier is not { } ratifier) continue;
                bool approves = _scenario.Ratifies(i, agreedValues, t);
                Record(new Move
                {
                    Actor = i, Action = approves ? NegotiationAction.Accept : NegotiationAction.Reject, Outcome = agreed, To = -1, Recipients = Audience.Everyone,
                    Note = $"ratification: {ratifier.Name} ({_scenario.Parties[i].Name}'s ratifier) {(approves ? "approves" : "rejects")} the agreement",
                }, clock);
                if (!approves) rejectedBy ??= $"{ratifier.Name} ({_scenario.Parties[i].Name})";
            }
            if (rejectedBy is not null)
            {
                agreement = null;
                status = NegotiationStatus.Ended;
            }
        }
        // A ratifier that turned down a text during the talks (mediated protocols ask at each unanimous acceptance) and no
        // agreement after it: the result names the last one.
        if (agreement is null) rejectedBy ??= _refusedDuringTalks;
        var utilities = ImmutableArray.CreateBuilder<double>(_n);
        var raw = ImmutableArray.CreateBuilder<double>(_n);
        for (int i = 0; i < _n; i++)
        {
            var party = _scenario.Parties[i];
            var profile = party.Profile;
            double reserved = profile.ReservedValue.At(t) + _scenario.Timeline.ReservedValueShift(i, t);
            double u = agreement is { } a ? _indices[i].Utility(a) : reserved;
            double discounted = profile.Discount(u, t);
            if (party.Role == PartyRole.Mediator)
            {
                u = agreement is null ? MediatorUtility.OfNoAgreement(party.Stake, u) : MediatorUtility.OfAgreement(party.Stake, u);
                discounted = agreement is null ? MediatorUtility.OfNoAgreement(party.Stake, discounted) : MediatorUtility.OfAgreement(party.Stake, discounted);
            }
            raw.Add(u);
            utilities.Add(discounted);
        }
        var values = ImmutableArray<int>.Empty;
        if (agreement is { } deal)
        {
            var v = new int[_scenario.Space.IssueCount];
            _scenario.Space.Decode(deal, v);
            values = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(v);
        }
        int tpr = _protocol.TurnsPerRound;
        return new NegotiationResult
        {
            Scenario = _scenario.Name,
            Protocol = _protocol.Name,
            Parties = _table.Names,
            Roles = _table.Roles,
            Negotiators = [.. _names],
            Status = status,
            Agreement = agreement,
            AgreementValues = values,
            Utilities = utilities.MoveToImmutable(),
            UndiscountedUtilities = raw.MoveToImmutable(),
            Rounds = (turns + tpr - 1) / tpr,
            Steps = turns,
            EndTime = t,
            WalkedAwayBy = walkedAway,
            Failure = failure,
            RejectedByRatifier = rejectedBy,
            Transcript = _transcript,
            Elapsed = elapsed,
        };
    }
}
