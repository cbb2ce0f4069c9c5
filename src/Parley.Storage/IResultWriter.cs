namespace Parley.Tournaments.Storage;

/// <summary>Stores batches of results on one open connection of a <see cref="TournamentStore"/>, each batch in one transaction.</summary>
internal interface IResultWriter : IDisposable
{
    /// <summary>Stores <paramref name="records"/> of tournament <paramref name="id"/>; a record already stored is left as it is.</summary>
    void Write(long id, IReadOnlyList<NegotiationRecord> records);
}

/// <summary>The result tables' columns, in the order both writers store them.</summary>
internal static class ResultColumns
{
    public static readonly string[] Results = ["tournament_id", "negotiation_index", "status", "agreement", "rounds", "steps", "end_time", "welfare",
        "distance_to_pareto", "distance_to_nash", "failure_kind", "failure_seat", "failure_reason", "elapsed_ms"];

    public static readonly string[] Utilities = ["tournament_id", "negotiation_index", "seat", "utility", "undiscounted_utility"];

    public static readonly string[] Models = ["tournament_id", "negotiation_index", "seat", "pearson", "kendall", "pareto_error"];

    public static string List(string[] columns) => string.Join(", ", columns);
}
