using System.ComponentModel;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Parley.Cli.Commands.Tournament;
using Parley.Cluster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley silo</c>.</summary>
public sealed class SiloSettings : CommandSettings
{
    [CommandOption("--cluster <CONNECTION>")]
    [Description("The cluster's PostgreSQL (membership and results), e.g. \"Host=db.lab;Username=parley;Password=secret;Database=parley\".")]
    public string? Cluster { get; init; }

    [CommandOption("--workers <N>")]
    [Description("Negotiations this silo runs at once. Default: every core.")]
    public int? Workers { get; init; }

    [CommandOption("--address <IP>")]
    [Description("Address this silo listens on and advertises to the cluster (this machine's address on the network the others reach). Default: 127.0.0.1.")]
    public string Address { get; init; } = "127.0.0.1";

    [CommandOption("--port <N>")]
    [Description("Silo-to-silo port. Default: a free one.")]
    public int Port { get; init; }

    [CommandOption("--gateway-port <N>")]
    [Description("Port coordinators connect to. Default: a free one.")]
    public int GatewayPort { get; init; }

    internal SiloOptions Options => new(Cluster ?? "", Workers ?? Environment.ProcessorCount,
        IPAddress.TryParse(Address, out var ip) ? ip : IPAddress.None, Port, GatewayPort);

    public override ValidationResult Validate()
    {
        if (Cluster is null) return ValidationResult.Error("give the cluster's PostgreSQL: --cluster \"Host=…\"");
        if (!IPAddress.TryParse(Address, out _)) return ValidationResult.Error($"--address '{Address}' is not an IP address");
        return Options.Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }
}

/// <summary><c>parley silo</c>: a worker of a tournament cluster; runs until stopped (Ctrl+C or SIGTERM).</summary>
public sealed class SiloCommand(CliIo io) : Command<SiloSettings>
{
    public override int Execute(CommandContext context, SiloSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        IHost host;
        try
        {
            host = ClusterConnection.Silo(options, TournamentExecution.Runner);
            host.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (NpgsqlException e)
        {
            throw new UserErrorException($"cannot open the cluster's PostgreSQL: {e.Message}");
        }
        using (host)
        {
            var silo = (ILocalSiloDetails?)host.Services.GetService(typeof(ILocalSiloDetails));
            io.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Silo {silo?.SiloAddress.ToString() ?? options.Address.ToString()} joined cluster '{ClusterConnection.ClusterId}' with {options.Workers} workers (gateway port {silo?.GatewayAddress?.Endpoint.Port}); stop with Ctrl+C.");
            try
            {
                host.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            host.StopAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        }
        return ExitCodes.Ok;
    }
}
