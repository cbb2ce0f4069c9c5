using Parley.Outcomes;

namespace Parley.Parties;

/// <summary>
/// A mediator under the single-negotiating-text protocol: on its rounds it puts one complete text. It sees the texts,
/// the principals' answers (with objections) and the tallies in its <see cref="NegotiatorContext.History"/>, and the
/// previous round's outcome in the state. Stateful; <see cref="Initialize"/> resets it.
/// </summary>
public interface ITextMediator
{
    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>Starts a negotiation.</summary>
    void Initialize(NegotiatorContext context);

    /// <summary>The text to put this round (inside the outcome space).</summary>
    TextProposal Propose(in SingleTextState state);
}
