namespace Parley.Cluster;

/// <summary>
/// One silo's negotiation workers, as a grain keyed by the silo's address (the coordinator places it on that silo with a
/// placement hint). Calls are handled one at a time; a batch runs on all of the silo's workers.
/// </summary>
public interface INegotiationBatchGrain : IGrainWithStringKey
{
    /// <summary>Runs plan indices <paramref name="indices"/> of stored tournament <paramref name="tournament"/> and returns one record per index.</summary>
    Task<Tournaments.NegotiationRecord[]> Run(long tournament, int[] indices);

    /// <summary>How many negotiations this silo runs at once.</summary>
    Task<int> Workers();
}
