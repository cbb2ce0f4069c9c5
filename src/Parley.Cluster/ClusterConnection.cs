using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Cluster;

/// <summary>Options of one worker silo (<c>parley silo</c>).</summary>
/// <param name="ConnectionString">The PostgreSQL that holds the membership table and the tournament results.</param>
/// <param name="Workers">Negotiations this silo runs at once.</param>
/// <param name="Address">Address the silo listens on and advertises to the others.</param>
/// <param name="SiloPort">Silo-to-silo port; 0 picks a free one.</param>
/// <param name="GatewayPort">Port coordinators connect to; 0 picks a free one.</param>
public sealed record SiloOptions(string ConnectionString, int Workers, IPAddress Address, int SiloPort = 0, int GatewayPort = 0)
{
    /// <summary>Checks the options; the message names the option.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? "--cluster is empty; expected a PostgreSQL connection string"
        : Workers is < 1 or > 1024 ? $"--workers must be between 1 and 1024, got {Workers}"
        : SiloPort is < 0 or > 65535 ? $"--port must be between 0 and 65535, got {SiloPort}"
        : GatewayPort is < 0 or > 65535 ? $"--gateway-port must be between 0 and 65535, got {GatewayPort}"
        : null;
}

/// <summary>Builds the silo host and the coordinator's client, both clustered through Orleans' ADO.NET provider on PostgreSQL.</summary>
public static class ClusterConnection
{
    /// <summary>The Orleans cluster and service id every Parley silo and coordinator uses.</summary>
    public const string ClusterId = "parley";

    /// <summary>A worker silo host (not started). <paramref name="runner"/> makes the runner for each tournament.</summary>
    public static IHost Silo(SiloOptions options, Func<PreparedTournament, int, ITournamentRunner> runner, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        MembershipSchema.EnsureCreated(options.ConnectionString);
        int siloPort = options.SiloPort == 0 ? FreePort(options.Address) : options.SiloPort;
        int gatewayPort = options.GatewayPort == 0 ? FreePort(options.Address) : options.GatewayPort;
        return Host.CreateDefaultBuilder([])
            .UseConsoleLifetime(o => o.SuppressStatusMessages = true)
            .ConfigureLogging(l => Quiet(l, logLevel))
            .ConfigureServices(s => s.AddSingleton(new SiloTournaments(options.ConnectionString, options.Workers, runner)))
            .UseOrleans(silo => silo
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = options.ConnectionString;
                })
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ClusterId;
                })
                .Configure<ClusterMembershipOptions>(o =>
                {
                    // Declare a killed silo dead within a few seconds, so its batches move on quickly.
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                })
                .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(1))
                .ConfigureEndpoints(options.Address, siloPort, gatewayPort, listenOnAnyHostAddress: false))
            .Build();
    }

    /// <summary>A coordinator's client host (not started).</summary>
    public static IHost Client(string connectionString, Action<IServiceCollection>? services = null, LogLevel logLevel = LogLevel.Warning)
    {
        MembershipSchema.EnsureCreated(connectionString);
        return Host.CreateDefaultBuilder([])
            .ConfigureLogging(l => Quiet(l, logLevel))
            .ConfigureServices(s => services?.Invoke(s))
            .UseOrleansClient(client => client
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                })
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ClusterId;
                })
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
                // A batch may take long; a dead silo is noticed through membership, not through this timeout.
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(1)))
            .Build();
    }

    /// <summary>Warnings and errors only, without the start-up notes (server GC, watchdog) that say nothing to a user.</summary>
    private static void Quiet(ILoggingBuilder logging, LogLevel level) => logging
        .SetMinimumLevel(level)
        .AddFilter("Microsoft", level)
        .AddFilter("Orleans", level)
        .AddFilter("Orleans.Runtime.Silo", LogLevel.Error)
        .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
