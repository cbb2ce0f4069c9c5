using System.Collections;
using System.Globalization;
using Parley.Outcomes;

namespace Parley.Protocols;

/// <summary>
/// Every action of one negotiation in order (any protocol), with the utility of its outcome to each party. Read-only to
/// its users; the session runner appends to preallocated arrays that grow geometrically, so recording allocates nothing
/// in the steady state. Columns that a protocol does not use (addressees, private recipients, issue masks, votes, notes)
/// are allocated only when first written, so a public alternating-offers transcript stores time, round, actor, action,
/// outcome and utilities only.
/// </summary>
public sealed class Transcript : IReadOnlyList<TranscriptEntry>
{
    private double[] _times;
    private NegotiationAction[] _kinds;
    private int[] _parties;
    private int[] _rounds;
    private Outcome[] _outcomes;
    private double[] _utilities;
    private int[]? _to;
    private ulong[]? _recipients;
    private ulong[]? _issues;
    private ulong[]? _accepts;
    private ulong[]? _rejects;
    private string?[]? _notes;

    internal Transcript(int partyCount, int capacity)
    {
        PartyCount = partyCount;
        capacity = Math.Max(capacity, 4);
        _times = new double[capacity];
        _kinds = new NegotiationAction[capacity];
        _parties = new int[capacity];
        _rounds = new int[capacity];
        _outcomes = new Outcome[capacity];
        _utilities = new double[capacity * partyCount];
    }

    /// <summary>
    /// Empties the transcript for a new negotiation of <paramref name="partyCount"/> parties, keeping its arrays (growing
    /// them to <paramref name="capacity"/> when smaller). For callers that run many negotiations and keep only their
    /// results (tournaments): the entries of the previous negotiation are gone.
    /// </summary>
    internal void Reset(int partyCount, int capacity)
    {
        Count = 0;
        PartyCount = partyCount;
        _to = null;
        _recipients = null;
        _issues = null;
        _accepts = null;
        _rejects = null;
        _notes = null;
        if (_times.Length < capacity) Grow(capacity);
        if (_utilities.Length < _times.Length * partyCount) _utilities = new double[_times.Length * partyCount];
    }

    /// <summary>Number of parties (length of each entry's utilities).</summary>
    public int PartyCount { get; private set; }

    /// <summary>Number of recorded actions.</summary>
    public int Count { get; private set; }

    /// <summary>True when every entry so far is public (seen by every party).</summary>
    internal bool AllPublic => _recipients is null;

    /// <summary>The <paramref name="index"/>-th action.</summary>
    public TranscriptEntry this[int index] =>
        (uint)index < (uint)Count ? new TranscriptEntry(Action(index), _utilities, index * PartyCount, PartyCount)
                                  : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>True when party <paramref name="party"/> may see entry <paramref name="index"/> (it acted, or is a recipient).</summary>
    public bool IsVisibleTo(int index, int party) =>
        _recipients is null || _parties[index] == party || Audience.Contains(_recipients[index], party);

    /// <summary>The <paramref name="index"/>-th action without utilities (what negotiators see).</summary>
    internal HistoryEntry Action(int index)
    {
        var kind = _kinds[index];
        Outcome? outcome = HasOutcome(kind, _utilities[index * PartyCount]) ? _outcomes[index] : null;
        return new HistoryEntry(index, _rounds[index], _times[index], _parties[index], kind, outcome)
        {
            To = _to?[index] ?? -1,
            Recipients = _recipients?[index] ?? Audience.Everyone,
            Issues = _issues?[index] ?? 0,
            Accepts = _accepts?[index] ?? 0,
            Rejects = _rejects?[index] ?? 0,
            Note = _notes?[index],
        };
    }

    // An entry carries an outcome exactly when its utilities were filled (NaN marks "no outcome"; utilities are finite).
    private static bool HasOutcome(NegotiationAction kind, double firstUtility) =>
        kind is not (NegotiationAction.WalkAway or NegotiationAction.Fail or NegotiationAction.Tally or NegotiationAction.Event or NegotiationAction.Pass)
        && !double.IsNaN(firstUtility);

    /// <summary>The utilities recorded with entry <paramref name="index"/> (one per party).</summary>
    internal ReadOnlySpan<double> UtilitiesOf(int index) => _utilities.AsSpan(index * PartyCount, PartyCount);

    /// <summary>Appends <paramref name="move"/> and returns the span to fill with its utilities (NaN when it has no outcome).</summary>
    internal Span<double> Append(in Move move, int round, double time)
    {
        int i = Count;
        if (i == _times.Length) Grow(i * 2);
        _times[i] = time;
        _kinds[i] = move.Action;
        _parties[i] = move.Actor;
        _rounds[i] = round;
        _outcomes[i] = move.Outcome.GetValueOrDefault();
        if (move.To >= 0 || _to is not null) Column(ref _to, -1)[i] = move.To;
        if (move.Recipients != Audience.Everyone || _recipients is not null) Column(ref _recipients, Audience.Everyone)[i] = move.Recipients;
        if (move.Issues != 0 || _issues is not null) Column(ref _issues, 0UL)[i] = move.Issues;
        if (move.Accepts != 0 || _accepts is not null) Column(ref _accepts, 0UL)[i] = move.Accepts;
        if (move.Rejects != 0 || _rejects is not null) Column(ref _rejects, 0UL)[i] = move.Rejects;
        if (move.Note is not null || _notes is not null) Column(ref _notes, null)[i] = move.Note;
        Count = i + 1;
        return _utilities.AsSpan(i * PartyCount, PartyCount);
    }

    private T[] Column<T>(ref T[]? column, T empty)
    {
        if (column is null)
        {
            column = new T[_times.Length];
            if (!EqualityComparer<T>.Default.Equals(empty, default!)) Array.Fill(column, empty);
        }
        return column;
    }

    private void Grow(int size)
    {
        Array.Resize(ref _times, size);
        Array.Resize(ref _kinds, size);
        Array.Resize(ref _parties, size);
        Array.Resize(ref _rounds, size);
        Array.Resize(ref _outcomes, size);
        Array.Resize(ref _utilities, size * PartyCount);
        GrowColumn(ref _to, size, -1);
        GrowColumn(ref _recipients, size, Audience.Everyone);
        GrowColumn(ref _issues, size, 0UL);
        GrowColumn(ref _accepts, size, 0UL);
        GrowColumn(ref _rejects, size, 0UL);
        GrowColumn(ref _notes, size, null);
    }

    private static void GrowColumn<T>(ref T[]? column, int size, T empty)
    {
        if (column is null) return;
        int old = column.Length;
        Array.Resize(ref column, size);
        if (!EqualityComparer<T>.Default.Equals(empty, default!)) column.AsSpan(old).Fill(empty);
    }

    /// <summary>
    /// Writes the transcript as CSV (step from 0, round from 1 as in every output, time, party, action, addressee, outcome index, value per issue, utility
    /// per party), numbers in invariant round-trip format so equal transcripts give equal bytes. <paramref name="partyNames"/>
    /// are the parties in scenario order; the protocol's own entries (tallies, events) name no party.
    /// </summary>
    public void WriteCsv(TextWriter writer, OutcomeSpace space, IReadOnlyList<string> partyNames)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.Write("step,round,time,party,action,to,outcome");
        foreach (var issue in space.Issues) writer.Write("," + Csv(issue.Name));
        foreach (var name in partyNames) writer.Write("," + Csv("u_" + name));
        writer.Write('\n');
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        for (int i = 0; i < Count; i++)
        {
            var e = Action(i);
            string party = e.Party >= 0 ? Csv(partyNames[e.Party]) : "";
            string to = e.To >= 0 ? Csv(partyNames[e.To]) : "";
            writer.Write(string.Create(inv, $"{e.Step},{e.Round + 1},{e.Time:R},{party},{e.Action},{to},{e.Outcome?.ToString() ?? ""}"));
            if (e.Outcome is { } o) space.Decode(o, values);
            for (int k = 0; k < space.IssueCount; k++)
                writer.Write("," + (e.Outcome is null ? "" : Csv(space.Issues[k].FormatValue(values[k]))));
            for (int p = 0; p < PartyCount; p++)
                writer.Write("," + _utilities[i * PartyCount + p].ToString("R", inv));
            writer.Write('\n');
        }
    }

    private static string Csv(string s) => CsvField.Format(s);

    /// <summary>Enumerates the entries (struct enumerator; no allocation when used with foreach).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<TranscriptEntry> IEnumerable<TranscriptEntry>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Struct enumerator over a <see cref="Transcript"/>.</summary>
    public struct Enumerator : IEnumerator<TranscriptEntry>
    {
        private readonly Transcript _transcript;
        private int _index;

        internal Enumerator(Transcript transcript)
        {
            _transcript = transcript;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly TranscriptEntry Current => _transcript[_index];
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _transcript.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose() { }
    }
}
