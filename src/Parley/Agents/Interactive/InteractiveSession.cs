using System.Collections.Immutable;
using Parley.Agents.Mediators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Interactive;
using Parley.Protocols.SingleText;

namespace Parley.Agents.Interactive;

/// <summary>What one seat may see of a live session at one moment.</summary>
/// <param name="Version">Grows with every change of the session (a move, a prompt, the end).</param>
/// <param name="Status">Running, or how the negotiation ended.</param>
/// <param name="Round">0-based round of the latest turn.</param>
/// <param name="Time">Normalised time t of the latest turn.</param>
/// <param name="Prompt">The question this seat must answer now, or null when it is not its turn.</param>
/// <param name="WaitingFor">Party indices of the people whose move the session waits for (empty while agents move or after the end).</param>
/// <param name="History">Every action this seat may see, in order (own utility is computed by the caller from its profile).</param>
/// <param name="Result">The result once the negotiation has ended, or null.</param>
/// <param name="Error">Why the negotiation could not run, or null.</param>
public sealed record SeatView(long Version, NegotiationStatus Status, int Round, double Time, SeatPrompt? Prompt,
    ImmutableArray<int> WaitingFor, ImmutableArray<HistoryEntry> History, NegotiationResult? Result, string? Error);

/// <summary>
/// A negotiation with people at some seats, running live: the session runner of the library runs it on its own thread
/// (<see cref="InteractiveSetup.Run"/>), and each person's seat blocks on its turn until the person's move arrives
/// through <see cref="Submit"/> (checked first by <see cref="SeatRules"/>), or until the seat's timeout (then it walks
/// away, or is recorded as abandoned) or the wall-clock deadline. Every move a person made is kept, so the negotiation
/// can be replayed through the library (<see cref="InteractiveSetup.Replay"/>); every transcript entry is stamped with
/// the wall-clock time it was observed. Thread-safe.
/// </summary>
public sealed class InteractiveSession
{
    private readonly object _gate = new();
    private readonly InteractiveSetup _setup;
    private readonly TimeProvider _time;
    private readonly Seat?[] _seats;
    private readonly List<DateTimeOffset> _observed = [];
    private Transcript? _transcript;
    private long _version;
    private int _round;
    private double _t;
    private NegotiationResult? _result;
    private string? _error;
    private Task? _run;
    private long _started;
    private bool _stopping;

    private sealed class Seat(int party)
    {
        public int Party { get; } = party;
        public NegotiatorContext? Context;
        public PersonSeat? Person;
        public SeatPrompt? Prompt;
        public TaskCompletionSource<SeatMove>? Pending;
        public readonly List<SeatMove> Moves = [];
        public readonly List<HistoryEntry> History = [];
        public Dictionary<string, (long Version, TextProposal Proposal, ITextMediator Mediator)> Advisors = [];
    }

    /// <summary>A session for <paramref name="setup"/> (validated here: <see cref="ArgumentException"/> when wrong); call <see cref="Start"/>.</summary>
    public InteractiveSession(InteractiveSetup setup, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _setup = setup;
        _time = time ?? TimeProvider.System;
        Table = setup.Table();
        _seats = new Seat?[setup.Seats.Count];
        for (int i = 0; i < _seats.Length; i++)
            if (setup.Seats[i] == InteractiveSetup.Person) _seats[i] = new Seat(i);
    }

    /// <summary>The setup.</summary>
    public InteractiveSetup Setup => _setup;

    /// <summary>The seated table (parties in table order).</summary>
    public Scenarios.Scenario Table { get; }

    /// <summary>Party indices of the people's seats.</summary>
    public IEnumerable<int> PersonSeats => _seats.Where(s => s is not null).Select(s => s!.Party);

    /// <summary>True once the negotiation has ended (or could not run).</summary>
    public bool IsOver { get { lock (_gate) return _result is not null || _error is not null; } }

    /// <summary>The result once ended, or null.</summary>
    public NegotiationResult? Result { get { lock (_gate) return _result; } }

    /// <summary>Starts the negotiation on its own thread.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_run is not null) throw new InvalidOperationException("The session has already started.");
            _started = _time.GetTimestamp();
            _run = Task.Factory.StartNew(RunToEnd, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void RunToEnd()
    {
        try
        {
            var result = _setup.Run(party => new Live(this, _seats[party]!), _time);
            lock (_gate)
            {
                _transcript ??= result.Transcript;
                _result = result;
                _round = Math.Max(0, result.Rounds - 1);
                _t = result.EndTime;
                Publish();
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _error = e.Message;
                Publish();
            }
        }
    }

    /// <summary>
    /// Ends the session now (a server shutting down): every person's seat waiting for a move, and any asked later, is
    /// recorded as abandoned (a failure attributed to it), so the negotiation's thread ends.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            foreach (var seat in _seats) seat?.Pending?.TrySetResult(default);
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until the session has changed since <paramref name="version"/> and settled: ended, or waiting for a person.</summary>
    public bool WaitSettled(long version, TimeSpan timeout)
    {
        long until = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            while (!(_version > version && (_result is not null || _error is not null || _seats.Any(s => s?.Pending is not null))))
            {
                long left = until - _time.GetTimestamp();
                if (left <= 0) return false;
                Monitor.Wait(_gate, TimeSpan.FromSeconds(Math.Min(left / (double)_time.TimestampFrequency, 1)));
            }
            return true;
        }
    }

    /// <summary>The current version (see <see cref="SeatView.Version"/>).</summary>
    public long Version { get { lock (_gate) return _version; } }

    /// <summary>What the person at <paramref name="party"/> may see now.</summary>
    public SeatView View(int party)
    {
        lock (_gate)
        {
            var seat = _seats[party] ?? throw new ArgumentOutOfRangeException(nameof(party), "not a person's seat");
            var status = _result?.Status ?? (_error is not null ? NegotiationStatus.Failed : NegotiationStatus.Running);
            return new SeatView(_version, status, _round, _t, seat.Prompt,
                [.. _seats.Where(s => s?.Pending is not null).Select(s => s!.Party)], [.. seat.History], _result, _error);
        }
    }

    /// <summary>The context of a person's seat once the negotiation has started (its profile, the table, the timeline).</summary>
    public NegotiatorContext? Context(int party) { lock (_gate) return _seats[party]?.Context; }

    /// <summary>The moves the person at <paramref name="party"/> made so far, in order (what <see cref="InteractiveSetup.Replay"/> takes).</summary>
    public IReadOnlyList<SeatMove> Moves(int party) { lock (_gate) return [.. _seats[party]?.Moves ?? []]; }

    /// <summary>The transcript's entries observed so far, each with the wall-clock time it was observed.</summary>
    public IReadOnlyList<(TranscriptEntry Entry, DateTimeOffset At)> Entries()
    {
        lock (_gate)
        {
            var list = new List<(TranscriptEntry, DateTimeOffset)>(_observed.Count);
            for (int i = 0; i < _observed.Count; i++) list.Add((_transcript![i], _observed[i]));
            return list;
        }
    }

    /// <summary>Hands the person's move to the seat at <paramref name="party"/>, or says why it is refused (nothing changes then).</summary>
    public SeatRefusal? Submit(int party, SeatMove move)
    {
        lock (_gate)
        {
            var seat = _seats[party] ?? throw new ArgumentOutOfRangeException(nameof(party), "not a person's seat");
            if (_result is not null || _error is not null) return new SeatRefusal(409, $"the negotiation has ended ({(_result?.Status.ToString() ?? "failed")})");
            if (seat.Pending is null || seat.Prompt is not { } prompt)
            {
                var waiting = _seats.Where(s => s?.Pending is not null).Select(s => Table.Parties[s!.Party].Name).ToArray();
                return new SeatRefusal(409, waiting.Length > 0 ? $"it is not your turn: waiting for {string.Join(", ", waiting)}" : "it is not your turn: the other parties are moving");
            }
            if (SeatRules.Check(prompt, move, seat.Context!) is { } refusal) return refusal;
            seat.Pending.TrySetResult(move);
            return null;
        }
    }

    /// <summary>
    /// The text Parley's single-text mediator <paramref name="mediator"/> would put now in the place of the person at the
    /// mediator seat <paramref name="party"/> (it follows the negotiation from that seat's view; asked once per turn).
    /// </summary>
    public SeatRefusal? Suggest(int party, string mediator, out TextProposal proposal)
    {
        proposal = default;
        lock (_gate)
        {
            var seat = _seats[party] ?? throw new ArgumentOutOfRangeException(nameof(party), "not a person's seat");
            if (seat.Prompt is not { Question: SeatQuestion.PutText }) return new SeatRefusal(409, "suggestions are for the mediator's turn to put a text");
            if (seat.Advisors.TryGetValue(mediator, out var known) && known.Version == _version)
            {
                proposal = known.Proposal;
                return null;
            }
            ITextMediator advisor;
            if (known.Mediator is not null) advisor = known.Mediator;
            else
            {
                if (!MediatorRegistry.TryCreate(mediator, out var created))
                    return new SeatRefusal(422, $"unknown mediator '{mediator}'; expected one of: {string.Join(", ", MediatorRegistry.Available.Select(a => a.Name))}");
                advisor = created;
                advisor.Initialize(seat.Context!);
            }
            proposal = advisor.Propose(seat.Person!.TextState);
            seat.Advisors[mediator] = (_version, proposal, advisor);
            return null;
        }
    }

    // Under the gate: a new version; entries recorded since the last look stamped now; every person's view brought up to date.
    private void Publish()
    {
        _version++;
        var now = _time.GetUtcNow();
        if (_transcript is not null)
            for (int i = _observed.Count; i < _transcript.Count; i++) _observed.Add(now);
        foreach (var seat in _seats)
        {
            if (seat?.Context is not { } context) continue;
            var history = context.History;
            for (int i = seat.History.Count; i < history.Count; i++) seat.History.Add(history[i]);
        }
        Monitor.PulseAll(_gate);
    }

    /// <summary>The moves of a person's seat: waits for <see cref="Submit"/>, the seat timeout or the wall-clock deadline.</summary>
    private sealed class Live(InteractiveSession session, Seat seat) : ISeatMoves
    {
        public void Started(PersonSeat person)
        {
            lock (session._gate)
            {
                seat.Person = person;
                seat.Context = person.Context;
                session._transcript ??= person.Context!.History.Source;
            }
        }

        public SeatMove Next(int party, in SeatPrompt prompt)
        {
            var pending = new TaskCompletionSource<SeatMove>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (session._gate)
            {
                if (session._stopping) throw new SeatAbandonedException();
                seat.Prompt = prompt;
                seat.Pending = pending;
                session._round = prompt.Round;
                session._t = prompt.Time;
                session.Publish();
            }
            var wait = session._setup.SeatTimeout;
            bool deadline = false;
            if (session._setup.TimeLimit is { } limit)
            {
                var left = limit - session._time.GetElapsedTime(session._started) + TimeSpan.FromMilliseconds(50);
                if (left < wait)
                {
                    wait = left < TimeSpan.Zero ? TimeSpan.Zero : left;
                    deadline = true;
                }
            }
            bool answered = pending.Task.Wait(wait);
            lock (session._gate)
            {
                seat.Prompt = null;
                seat.Pending = null;
                if (session._stopping) throw new SeatAbandonedException();
                if (!answered && pending.TrySetResult(default))
                {
                    if (deadline) throw new DeadlinePassedException();
                    var abandoned = prompt.Question == SeatQuestion.Respond ? new SeatMove(NegotiationAction.WalkAway) : SeatMove.Abandoned;
                    seat.Moves.Add(abandoned);
                    return abandoned;
                }
                var move = pending.Task.Result;
                seat.Moves.Add(move);
                return move;
            }
        }
    }
}
