using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// A party's (undiscounted) utility over an outcome space. Utilities are in [0, 1] for the GENIUS function kinds
/// (values above 1 are capped, as in GENIUS).
/// </summary>
public abstract class UtilityFunction
{
    protected UtilityFunction(OutcomeSpace space) => Space = space;

    public OutcomeSpace Space { get; }

    /// <summary>Utility of the outcome given by one value index per issue.</summary>
    public abstract double Utility(ReadOnlySpan<int> values);

    /// <summary>Utility of an outcome of the space. An index is decoded on the stack (no allocation); a value vector is read as it is.</summary>
    public double Utility(Outcome outcome)
    {
        if (!outcome.IsIndex) return Utility(outcome.Values);
        int n = Space.IssueCount;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        Space.Decode(outcome, values);
        return Utility(values);
    }

    /// <summary>
    /// Utilities of every outcome of an enumerable space, in index order, into <paramref name="destination"/>
    /// (length = outcome count). Walks the space as an odometer; no per-outcome allocation.
    /// </summary>
    public virtual void EvaluateAll(Span<double> destination)
    {
        long count = Space.Count;
        if (destination.Length != count) throw new ArgumentException($"Destination holds {destination.Length} utilities, the space has {count} outcomes.");
        int n = Space.IssueCount;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        values.Clear();
        var radices = Space.Radices;
        for (long o = 0; o < count; o++)
        {
            destination[(int)o] = Utility(values);
            for (int i = 0; i < values.Length; i++)
            {
                if (++values[i] < radices[i]) break;
                values[i] = 0;
            }
        }
    }
}
