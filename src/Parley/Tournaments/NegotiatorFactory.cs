using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Parties;

namespace Parley.Tournaments;

/// <summary>
/// Turns a <see cref="NegotiatorSpec"/> into a factory of fresh instances (one per seat per negotiation) for a protocol.
/// Built-ins come from the protocol's registry; under sao and single-text the time-dependent family takes an
/// <c>exponent</c> parameter. A user's negotiator is a public non-abstract class implementing the protocol's principal
/// interface (<see cref="INegotiator"/> for sao) with a public constructor taking either nothing or an
/// <c>IReadOnlyDictionary&lt;string, string&gt;</c> of parameters.
/// </summary>
public static class NegotiatorFactory
{
    private static readonly string[] TimeDependentFamily = ["boulware", "linear", "conceder", "hardliner", "timedependent"];
    private static readonly ConcurrentDictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal);

    /// <summary>A factory of new instances; throws <see cref="ArgumentException"/> with a message for the user when the spec cannot be satisfied.</summary>
    public static Func<object> Compile(NegotiatorSpec spec, ITournamentProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(protocol);
        return spec.IsUserAssembly ? CompileUser(spec, protocol.PrincipalType) : CompileBuiltIn(spec, protocol);
    }

    private static Func<object> CompileBuiltIn(NegotiatorSpec spec, ITournamentProtocol protocol)
    {
        string name = spec.BuiltIn ?? throw new ArgumentException("a built-in negotiator needs a name");
        bool family = Array.Exists(TimeDependentFamily, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        foreach (var key in spec.Parameters.Keys)
            if (!(family && key == "exponent"))
                throw new ArgumentException(family
                    ? $"built-in '{name}' has no parameter '{key}'; expected: exponent"
                    : $"built-in '{name}' takes no parameters (got '{key}'); only the time-dependent family (boulware, linear, conceder, hardliner, timedependent) takes 'exponent'");
        if (spec.Parameters.TryGetValue("exponent", out string? text))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !(e >= 0) || !double.IsFinite(e))
                throw new ArgumentException($"parameter 'exponent' is '{text}'; expected a number ≥ 0");
            string display = spec.Name;
            if (protocol.PrincipalType == typeof(IShuttleParty))
                throw new ArgumentException($"the shuttle protocol's built-ins take no parameters; expected one of: {string.Join(", ", ShuttleRegistry.Principals.Select(a => a.Name))}");
            return () => Negotiators.TimeDependent(e, display);
        }
        if (string.Equals(name, "timedependent", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("built-in 'timedependent' needs the parameter 'exponent' (e.g. exponent: 0.5)");
        try { _ = protocol.CreateBuiltIn(name); }
        catch (ArgumentException e)
        {
            var names = protocol.PrincipalType == typeof(IShuttleParty)
                ? ShuttleRegistry.Principals.Select(a => a.Name)
                : NegotiatorRegistry.Available.Select(a => a.Name).Append("timedependent (with exponent)").Append("timedependent:E");
            throw new ArgumentException($"unknown built-in negotiator '{name}' for {protocol.Name} ({e.Message.TrimEnd('.')}); expected one of: {string.Join(", ", names)}");
        }
        return () => protocol.CreateBuiltIn(name);
    }

    private static Func<object> CompileUser(NegotiatorSpec spec, Type principal)
    {
        string path = spec.AssemblyPath!;
        if (!File.Exists(path)) throw new ArgumentException($"assembly '{path}' does not exist; expected the path of a .NET assembly (.dll)");
        Assembly assembly;
        try
        {
            assembly = Assemblies.GetOrAdd(path, p => new UserAssemblyContext(p).LoadFromAssemblyPath(p));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new ArgumentException($"assembly '{path}' cannot be loaded: {e.Message}; expected a .NET assembly built for .NET 10 or earlier");
        }
        Type? type;
        try { type = assembly.GetType(spec.TypeName!, throwOnError: false); }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException) { throw new ArgumentException($"type '{spec.TypeName}' cannot be loaded: {e.Message}"); }
        if (type is null)
        {
            var candidates = SafeTypes(assembly).Where(t => principal.IsAssignableFrom(t) && t is { IsAbstract: false, IsPublic: true }).Select(t => t.FullName).Take(10);
            throw new ArgumentException($"assembly '{Path.GetFileName(path)}' has no type '{spec.TypeName}'; negotiator types there: {string.Join(", ", candidates.DefaultIfEmpty("(none)"))}");
        }
        if (!principal.IsAssignableFrom(type) || type.IsAbstract || !type.IsClass)
            throw new ArgumentException($"type '{spec.TypeName}' is not a concrete class implementing {principal.FullName}");
        var parameters = (IReadOnlyDictionary<string, string>)spec.Parameters;
        var withParameters = type.GetConstructor([typeof(IReadOnlyDictionary<string, string>)]);
        if (withParameters is not null) return () => withParameters.Invoke([parameters]);
        var plain = type.GetConstructor(Type.EmptyTypes)
            ?? throw new ArgumentException($"type '{spec.TypeName}' has no public constructor taking nothing or an IReadOnlyDictionary<string, string> of parameters");
        if (spec.Parameters.Count > 0)
            throw new ArgumentException($"type '{spec.TypeName}' takes no parameters (it has no constructor taking an IReadOnlyDictionary<string, string>), but parameters were given");
        return () => plain.Invoke(null);
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetExportedTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }

    /// <summary>Loads a user's assembly and its private dependencies from its folder; Parley itself is shared with the host.</summary>
    private sealed class UserAssemblyContext(string path) : AssemblyLoadContext($"parley-user:{path}")
    {
        private readonly string _folder = Path.GetDirectoryName(path)!;

        protected override Assembly? Load(AssemblyName name)
        {
            if (Default.Assemblies.Any(a => a.GetName().Name == name.Name)) return null;
            string candidate = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
