using System.Collections;
using System.Globalization;
using Parley.Outcomes;

namespace Parley.Protocols.Sao;

/// <summary>
/// Every action of one negotiation in order, with the utility of its outcome to each party. Read-only to its users;
/// the engine appends to preallocated arrays that grow geometrically, so recording allocates nothing in the steady state.
/// </summary>
public sealed class Transcript : IReadOnlyList<TranscriptEntry>
{
    // Structure of arrays: step = entry index and round = step / parties, so only these are stored.
    private double[] _times;
    private SaoAction[] _kinds;
    private int[] _parties;
    private Outcome[] _outcomes;
    private double[] _utilities;

    internal Transcript(int partyCount, int capacity)
    {
        PartyCount = partyCount;
        capacity = Math.Max(capacity, 4);
        _times = new double[capacity];
        _kinds = new SaoAction[capacity];
        _parties = new int[capacity];
        _outcomes = new Outcome[capacity];
        _utilities = new double[capacity * partyCount];
    }

    /// <summary>Number of parties (length of each entry's utilities).</summary>
    public int PartyCount { get; }

    /// <summary>Number of recorded actions.</summary>
    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>-th action.</summary>
    public TranscriptEntry this[int index] =>
        (uint)index < (uint)Count ? new TranscriptEntry(Action(index), _utilities, index * PartyCount, PartyCount)
                                  : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The <paramref name="index"/>-th action without utilities (what negotiators see).</summary>
    internal HistoryEntry Action(int index)
    {
        var kind = _kinds[index];
        Outcome? outcome = kind is SaoAction.Offer or SaoAction.Accept ? _outcomes[index] : null;
        return new HistoryEntry(index, index / PartyCount, _times[index], _parties[index], kind, outcome);
    }

    /// <summary>Appends the action of step <see cref="Count"/> and returns the span to fill with its utilities.</summary>
    internal Span<double> Append(int party, double time, SaoAction kind, Outcome outcome)
    {
        int i = Count;
        if (i == _times.Length)
        {
            int size = i * 2;
            Array.Resize(ref _times, size);
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _parties, size);
            Array.Resize(ref _outcomes, size);
            Array.Resize(ref _utilities, size * PartyCount);
        }
        _times[i] = time;
        _kinds[i] = kind;
        _parties[i] = party;
        _outcomes[i] = outcome;
        Count = i + 1;
        return _utilities.AsSpan(i * PartyCount, PartyCount);
    }

    /// <summary>
    /// Writes the transcript as CSV (step, round, time, party, action, outcome index, value per issue, utility per party),
    /// numbers in invariant round-trip format so equal transcripts give equal bytes.
    /// </summary>
    public void WriteCsv(TextWriter writer, OutcomeSpace space, IReadOnlyList<string> partyNames)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.Write("step,round,time,party,action,outcome");
        foreach (var issue in space.Issues) writer.Write("," + Csv(issue.Name));
        foreach (var name in partyNames) writer.Write(",u_" + Csv(name));
        writer.Write('\n');
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        for (int i = 0; i < Count; i++)
        {
            var e = Action(i);
            writer.Write(string.Create(inv, $"{e.Step},{e.Round},{e.Time:R},{Csv(partyNames[e.Party])},{e.Action},{e.Outcome?.ToString() ?? ""}"));
            if (e.Outcome is { } o) space.Decode(o, values);
            for (int k = 0; k < space.IssueCount; k++)
                writer.Write("," + (e.Outcome is null ? "" : Csv(space.Issues[k].FormatValue(values[k]))));
            for (int p = 0; p < PartyCount; p++)
                writer.Write("," + _utilities[i * PartyCount + p].ToString("R", inv));
            writer.Write('\n');
        }
    }

    private static string Csv(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

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
