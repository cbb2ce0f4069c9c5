namespace Parley.Analysis;

/// <summary>
/// The exact frontier of an enumerated space: distinct non-dominated utility vectors in lexicographically descending
/// order (so the first party's utility descends), one representative outcome index per vector (the smallest index that
/// reaches it), and the number of outcomes whose vector is on the frontier.
/// </summary>
internal sealed record EnumeratedFrontier(double[][] Vectors, int[] Outcomes, long OutcomesOnFrontier)
{
    public int Count => Vectors.Length;
}
