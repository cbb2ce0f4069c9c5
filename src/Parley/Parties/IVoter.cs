using Parley.Outcomes;

namespace Parley.Parties;

/// <summary>
/// A principal under the single-negotiating-text protocol: answers each text. A built-in <c>ComposedNegotiator</c> is a
/// voter as it stands: its acceptance strategy decides Accept, its red lines and the basis decide Veto.
/// </summary>
public interface IVoter
{
    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>Starts a negotiation.</summary>
    void Initialize(NegotiatorContext context);

    /// <summary>The answer to <paramref name="text"/> (revising <see cref="SingleTextState.Basis"/>, if any).</summary>
    TextVote Vote(in SingleTextState state, Outcome text);
}
