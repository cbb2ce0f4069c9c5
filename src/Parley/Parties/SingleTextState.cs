using Parley.Outcomes;
using Parley.Protocols;

namespace Parley.Parties;

/// <summary>
/// The state of a single-negotiating-text negotiation as an immutable value. Each round one mediator (rotating among the
/// mediators present) puts a complete <see cref="Text"/>, optionally against a <see cref="Basis"/> (the text it revises);
/// then every principal answers in table order; then the protocol tallies the answers. All principals accepting makes the
/// text the agreement. The previous round's text and answers stay in the state for the mediators.
/// </summary>
/// <remarks>
/// Immutable to everyone outside the library (every property is init-only). The session runner alone advances its own
/// copy in place through the internal methods below, so that a turn changes the few fields it concerns instead of
/// copying the whole value (about 180 bytes) several times; outcomes are stored without <see cref="Nullable{T}"/>'s
/// padding, with flags for their presence.
/// </remarks>
public record struct SingleTextState
{
    private int _round;
    private int _phase;
    private int _mediator;
    private double _time;
    private Outcome _text;
    private Outcome _basis;
    private Outcome _lastText;
    private Outcome _lastBasis;
    private ulong _accepts;
    private ulong _rejects;
    private ulong _vetoes;
    private ulong _lastAccepts;
    private ulong _lastRejects;
    private ulong _lastVetoes;
    private ulong _mediatorsPresent;
    private ulong _ratifierRejects;
    private ulong _lastRatifierRejects;
    private NegotiationStatus _status;
    private bool _hasText;
    private bool _hasBasis;
    private bool _hasLastText;
    private bool _hasLastBasis;

    /// <summary>0-based round.</summary>
    public int Round { readonly get => _round; init => _round = value; }

    /// <summary>Position in the round: 0 = the mediator proposes, k ≥ 1 = the k-th principal answers.</summary>
    public int Phase { readonly get => _phase; init => _phase = value; }

    /// <summary>Party index of the mediator whose round it is, or −1 when no mediator is present.</summary>
    public int Mediator { readonly get => _mediator; init => _mediator = value; }

    /// <summary>Normalised time of the current turn.</summary>
    public double Time { readonly get => _time; init => _time = value; }

    /// <summary>The text on the table this round, or null before the mediator has put one.</summary>
    public Outcome? Text
    {
        readonly get => _hasText ? _text : null;
        init => (_text, _hasText) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>The text <see cref="Text"/> revises, if the mediator named one: a principal vetoes a text worse for it than the basis.</summary>
    public Outcome? Basis
    {
        readonly get => _hasBasis ? _basis : null;
        init => (_basis, _hasBasis) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Principals that accepted <see cref="Text"/> so far this round (party mask).</summary>
    public ulong Accepts { readonly get => _accepts; init => _accepts = value; }

    /// <summary>Principals that rejected <see cref="Text"/> this round without a veto (party mask).</summary>
    public ulong Rejects { readonly get => _rejects; init => _rejects = value; }

    /// <summary>Principals that vetoed <see cref="Text"/> this round (party mask).</summary>
    public ulong Vetoes { readonly get => _vetoes; init => _vetoes = value; }

    /// <summary>The previous round's text, or null.</summary>
    public Outcome? LastText
    {
        readonly get => _hasLastText ? _lastText : null;
        init => (_lastText, _hasLastText) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>The previous round's basis, or null.</summary>
    public Outcome? LastBasis
    {
        readonly get => _hasLastBasis ? _lastBasis : null;
        init => (_lastBasis, _hasLastBasis) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Principals that accepted the previous round's text.</summary>
    public ulong LastAccepts { readonly get => _lastAccepts; init => _lastAccepts = value; }

    /// <summary>Principals that rejected the previous round's text without a veto.</summary>
    public ulong LastRejects { readonly get => _lastRejects; init => _lastRejects = value; }

    /// <summary>Principals that vetoed the previous round's text.</summary>
    public ulong LastVetoes { readonly get => _lastVetoes; init => _lastVetoes = value; }

    /// <summary>
    /// Principals whose ratifier turned down <see cref="Text"/> after every principal's negotiators accepted it (party mask;
    /// each is also in <see cref="Rejects"/>). The ratifiers are asked when the negotiators all accept; a refusal is public.
    /// </summary>
    public ulong RatifierRejects { readonly get => _ratifierRejects; init => _ratifierRejects = value; }

    /// <summary>Principals whose ratifier turned down the previous round's text (see <see cref="RatifierRejects"/>).</summary>
    public ulong LastRatifierRejects { readonly get => _lastRatifierRejects; init => _lastRatifierRejects = value; }

    /// <summary>Mediators still at the table (party mask).</summary>
    public ulong MediatorsPresent { readonly get => _mediatorsPresent; init => _mediatorsPresent = value; }

    /// <summary>Whether the negotiation is running or how it ended.</summary>
    public NegotiationStatus Status { readonly get => _status; init => _status = value; }

    /// <summary>True when the previous round's text was vetoed by nobody (all answered and none vetoed).</summary>
    public readonly bool LastUnvetoed => _hasLastText && _lastVetoes == 0;

    // The runner's in-place steps (see the remarks): each sets only what the step changes.

    /// <summary>Stamps the time of the turn about to be asked.</summary>
    internal void StampTime(double time) => _time = time;

    /// <summary>The mediator put <paramref name="text"/> (or passed: null) against <paramref name="basis"/>; the principals answer next.</summary>
    internal void Put(double time, Outcome? text, Outcome? basis)
    {
        _time = time;
        (_text, _hasText) = (text.GetValueOrDefault(), text.HasValue);
        (_basis, _hasBasis) = (basis.GetValueOrDefault(), basis.HasValue);
        _phase = 1;
    }

    /// <summary>A principal answered: its party mask added to one of the masks (or to none, for a pass).</summary>
    internal void Answered(double time, ulong accepts, ulong rejects, ulong vetoes)
    {
        _time = time;
        _accepts |= accepts;
        _rejects |= rejects;
        _vetoes |= vetoes;
        _phase++;
    }

    /// <summary>The ratifiers of <paramref name="principals"/> turned the text down: their acceptances become rejections.</summary>
    internal void RatifierRejected(double time, ulong principals)
    {
        _time = time;
        _accepts &= ~principals;
        _rejects |= principals;
        _ratifierRejects |= principals;
    }

    /// <summary>The text is agreed.</summary>
    internal void Agree(double time)
    {
        _time = time;
        _status = NegotiationStatus.Agreed;
    }

    /// <summary>The round is tallied without agreement: its text and answers become the last round's; <paramref name="mediator"/> puts next.</summary>
    internal void NextRound(double time, int mediator)
    {
        _time = time;
        _round++;
        _phase = 0;
        _mediator = mediator;
        (_lastText, _hasLastText, _lastBasis, _hasLastBasis) = (_text, _hasText, _basis, _hasBasis);
        (_lastAccepts, _lastRejects, _lastVetoes, _lastRatifierRejects) = (_accepts, _rejects, _vetoes, _ratifierRejects);
        (_text, _hasText, _basis, _hasBasis) = (default, false, default, false);
        (_accepts, _rejects, _vetoes, _ratifierRejects) = (0, 0, 0, 0);
    }
}

/// <summary>A principal's answer to a text.</summary>
public enum TextAnswer : byte
{
    /// <summary>Agree to the text as the deal.</summary>
    Accept,
    /// <summary>Not as the deal; but it is no worse for me than the basis, so it may replace it.</summary>
    Reject,
    /// <summary>Worse for me than the basis the mediator revised: do not keep this change.</summary>
    Veto,
}

/// <summary>A principal's answer with the issues it objects to most (bit mask over issue indices; may be 0).</summary>
public readonly record struct TextVote(TextAnswer Answer, ulong Objections = 0);

/// <summary>A mediator's text and, optionally, the earlier text it revises (the basis vetoes are measured against).</summary>
public readonly record struct TextProposal(Outcome Text, Outcome? Basis = null);
