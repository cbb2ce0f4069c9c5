using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The exact frontier of two linear additive utilities under rules over combinations (<see cref="SlotRule"/>), without
/// enumerating the space: the slots the rules read form one block whose feasible combinations are enumerated (at most
/// <see cref="MaxBlock"/>), and the block joins the issue-by-issue combination as one more "issue" whose values are those
/// combinations. Sound because the utilities are additive and the rules read the block only: the feasible packages are
/// the feasible block combinations times the allowed values of every other issue, and the frontier of such a sum is
/// formed from the frontier of each part.
/// </summary>
internal static class RuleBlockFrontier
{
    /// <summary>Largest block (product of the value counts of the slots the rules read) that is enumerated.</summary>
    public const long MaxBlock = 2_000_000;

    /// <summary>The frontier, or null when the block is larger than <see cref="MaxBlock"/> or the combination grows past <paramref name="maxCandidates"/>.</summary>
    public static CompleteFrontier? Compute(LinearAdditiveUtility a, LinearAdditiveUtility b, FeasibleValues feasible, int maxCandidates)
    {
        var space = a.Space;
        int[] block = [.. feasible.Rules.SelectMany(r => r.Slots).Distinct().Order()];
        long size = 1;
        foreach (int s in block)
        {
            size *= space.Radices[s];
            if (size > MaxBlock) return null;
        }
        var ta = feasible.PenalisedTables(a);
        var tb = feasible.PenalisedTables(b);
        var values = new int[space.IssueCount];
        var digits = new int[block.Length];
        var combos = new List<long>();
        var ca = new List<double>();
        var cb = new List<double>();
        for (long k = 0; k < size; k++)
        {
            bool ok = true;
            double sa = 0, sb = 0;
            for (int j = 0; j < block.Length; j++)
            {
                int s = block[j];
                values[s] = digits[j];
                ok &= feasible.Allows(s, digits[j]);
                sa += ta[s][digits[j]];
                sb += tb[s][digits[j]];
            }
            if (ok)
                foreach (var rule in feasible.Rules)
                    if (rule.Breaks(values)) { ok = false; break; }
            if (ok)
            {
                combos.Add(k);
                ca.Add(sa);
                cb.Add(sb);
            }
            for (int j = 0; j < digits.Length; j++)
            {
                if (++digits[j] < space.Radices[block[j]]) break;
                digits[j] = 0;
            }
        }
        if (combos.Count == 0) return new ListedFrontier([], 2);
        int[] rest = [.. Enumerable.Range(0, space.IssueCount).Except(block)];
        var tablesA = rest.Select(i => ta[i]).Append(ca.ToArray()).ToArray();
        var tablesB = rest.Select(i => tb[i]).Append(cb.ToArray()).ToArray();
        return AdditiveFrontier.Compute(tablesA, tablesB, maxCandidates) is { } inner ? new Mapped(inner, rest, block, [.. combos], space.Radices.ToArray()) : null;
    }

    /// <summary>The combined frontier with its outcomes mapped back to the space's issues.</summary>
    private sealed class Mapped(CompleteFrontier inner, int[] rest, int[] block, long[] combos, int[] radices) : CompleteFrontier
    {
        public override int Parties => inner.Parties;

        public override long Count => inner.Count;

        public override void Utilities(long position, Span<double> destination) => inner.Utilities(position, destination);

        public override int[] Values(long position)
        {
            var reduced = inner.Values(position);
            var values = new int[radices.Length];
            for (int j = 0; j < rest.Length; j++) values[rest[j]] = reduced[j];
            long k = combos[reduced[rest.Length]];
            foreach (int s in block)
            {
                values[s] = (int)(k % radices[s]);
                k /= radices[s];
            }
            return values;
        }
    }
}
