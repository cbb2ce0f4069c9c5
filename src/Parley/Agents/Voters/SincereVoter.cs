using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Voters;

/// <summary>
/// A single-text voter that answers with its true preferences and nothing else — what a voter of NegMAS's single-text
/// mechanisms knows and says (its utility function compares the new text with the current one; the final text is the
/// agreement when it is worth at least the reserved value to everyone). A change worse for it than the text it revises
/// (the basis) is vetoed, any other change rejected (kept, but not yet the deal); a text the mediator puts unchanged (its
/// own basis) is accepted when it is worth at least the reserved value, else vetoed. A text that crosses its red lines
/// or uses a withdrawn value is always vetoed. It names no objections and has no strategy: no concession over time.
/// </summary>
public sealed class SincereVoter : IVoter
{
    private NegotiatorContext? _context;

    /// <inheritdoc />
    public string Name => "Sincere";

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc />
    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        double offered = context.Index.Utility(text);
        if (TextVotes.Vetoes(context, state, text, offered)) return new TextVote(TextAnswer.Veto);
        bool revises = state.Basis.HasValue;
        bool unchanged = revises && state.Basis.GetValueOrDefault() == text;
        if (revises && !unchanged) return new TextVote(TextAnswer.Reject);
        // Put for agreement (or a first text, which revises nothing): is it worth the reserved value?
        if (offered < context.ReservedValue(state.Time)) return new TextVote(TextAnswer.Veto);
        return new TextVote(unchanged ? TextAnswer.Accept : TextAnswer.Reject);
    }
}
