namespace Parley.Protocols.SingleText;

/// <summary>
/// Options of a single-negotiating-text negotiation: the <see cref="SessionOptions"/> deadlines, budget and seed. A round
/// is one text and every principal's answer to it, so t = turn / (Rounds × (principals + 1)).
/// </summary>
public sealed record SingleTextOptions : SessionOptions;
