namespace Parley.Protocols.Sao;

/// <summary>
/// Options of a stacked-alternating-offers negotiation: the <see cref="SessionOptions"/> deadlines, budget and seed. A
/// round is one turn of every principal, so t = turn / (Rounds × principals).
/// </summary>
public sealed record SaoOptions : SessionOptions;
