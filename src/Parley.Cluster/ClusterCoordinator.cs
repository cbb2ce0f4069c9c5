using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;

namespace Parley.Cluster;

/// <summary>The coordinator's side: connects a client to the cluster, waiting a while for a first silo.</summary>
public static class ClusterCoordinator
{
    /// <summary>How long the coordinator waits for a gateway (a silo) to accept it.</summary>
    public static TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A started client host; dispose it to disconnect. Throws <see cref="ClusterUnavailableException"/> when no silo answers in <see cref="ConnectTimeout"/>.</summary>
    public static IHost Connect(string connectionString, CancellationToken cancellation = default)
    {
        IHost host;
        try
        {
            host = ClusterConnection.Client(connectionString, services => services.AddSingleton<IClientConnectionRetryFilter>(new RetryUntil(DateTime.UtcNow + ConnectTimeout)));
        }
        catch (NpgsqlException e)
        {
            throw new ClusterUnavailableException($"cannot open the cluster's PostgreSQL: {e.Message}", e);
        }
        try
        {
            host.StartAsync(cancellation).GetAwaiter().GetResult();
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"no silo of cluster '{ClusterConnection.ClusterId}' answered within {ConnectTimeout.TotalSeconds:0} s ({e.Message}); start one with 'parley silo --cluster \"Host=…\"'", e);
        }
    }

    private sealed class RetryUntil(DateTime deadline) : IClientConnectionRetryFilter
    {
        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
    }
}
