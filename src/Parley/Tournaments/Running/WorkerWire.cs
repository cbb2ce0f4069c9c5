using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Tournaments.Running;

/// <summary>How coordinator and worker processes talk: the coordinator writes one plan index per line to the worker's
/// standard input; the worker answers each, in order, with one JSON <see cref="NegotiationRecord"/> per line on its
/// standard output.</summary>
internal static class WorkerWire
{
    /// <summary>Failure kind of a negotiation whose negotiator never returned from a call.</summary>
    public const string Hung = "Hung";

    /// <summary>Failure kind of a negotiation whose worker process died.</summary>
    public const string Crashed = "Crashed";

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(NegotiationRecord record) => JsonSerializer.Serialize(record, Options);

    public static NegotiationRecord Read(string line) =>
        JsonSerializer.Deserialize<NegotiationRecord>(line, Options) ?? throw new InvalidDataException("worker sent 'null'");
}
