using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Voters;

/// <summary>What every built-in single-text voter shares: when a text is vetoed whatever the voter's strategy.</summary>
internal static class TextVotes
{
    /// <summary>
    /// True when <paramref name="text"/> (worth <paramref name="offered"/> to the voter) crosses the voter's red lines or
    /// uses a withdrawn value, or is worth less to it than the basis it revises (a basis it may itself accept).
    /// </summary>
    public static bool Vetoes(NegotiatorContext context, in SingleTextState state, Outcome text, double offered)
    {
        double t = state.Time;
        if (context.HasLimits && !context.IsAllowed(text, t)) return true;
        return state.Basis is { } basis && (!context.HasLimits || context.IsAllowed(basis, t)) && offered < context.Index.Utility(basis);
    }
}
