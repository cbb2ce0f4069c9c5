namespace Parley.Protocols.Shuttle;

/// <summary>
/// Options of a shuttle negotiation: the <see cref="SessionOptions"/> deadlines, budget and seed. A round is one turn of
/// every party at the table (principals and mediators), and channel delays count in these rounds.
/// </summary>
public sealed record ShuttleOptions : SessionOptions;
