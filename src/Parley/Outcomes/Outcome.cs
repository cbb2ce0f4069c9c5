namespace Parley.Outcomes;

/// <summary>
/// An outcome (a complete deal: one value per issue) as its mixed-radix index into an <see cref="OutcomeSpace"/>.
/// The first issue varies fastest, as in GENIUS. Decode with <see cref="OutcomeSpace.Decode(Outcome, Span{int})"/>.
/// </summary>
public readonly record struct Outcome(UInt128 Index) : IComparable<Outcome>
{
    public int CompareTo(Outcome other) => Index.CompareTo(other.Index);
    public static implicit operator Outcome(long index) => new((UInt128)index);
    public override string ToString() => Index.ToString();
}
