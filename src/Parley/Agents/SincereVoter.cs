using Parley.Outcomes;
using Parley.Protocols.SingleText;

namespace Parley.Agents;

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
        double t = state.Time;
        if (context.HasLimits && !context.IsAllowed(text, t)) return new TextVote(TextAnswer.Veto);
        var index = context.Index;
        double offered = index.Utility(text);
        if (state.Basis is not { } basis) return new TextVote(offered >= context.ReservedValue(t) ? TextAnswer.Reject : TextAnswer.Veto);
        if (basis == text) return new TextVote(offered >= context.ReservedValue(t) ? TextAnswer.Accept : TextAnswer.Veto);
        bool basisAllowed = !context.HasLimits || context.IsAllowed(basis, t);
        return new TextVote(basisAllowed && offered < index.Utility(basis) ? TextAnswer.Veto : TextAnswer.Reject);
    }
}
