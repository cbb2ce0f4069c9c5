using System.Net;
using System.Security.Cryptography;

namespace Parley.Web.Security;

/// <summary>
/// Who may talk to the viewer, worked out from the addresses it listens on: which <c>Host</c> names a request may carry
/// (against DNS rebinding: a page on another site whose name has been pointed at this server must not be answered), and
/// whether an access token is needed (whenever the viewer listens beyond this machine's loopback).
/// </summary>
public sealed class ViewerAccess
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly HashSet<string>? _hosts;

    private ViewerAccess(HashSet<string>? hosts, bool beyondLoopback)
    {
        _hosts = hosts;
        BeyondLoopback = beyondLoopback;
    }

    /// <summary>True when some address is reachable from other machines (a wildcard, a name, a non-loopback IP).</summary>
    public bool BeyondLoopback { get; }

    /// <summary>The access rules for the semicolon-separated <paramref name="urls"/> (valid http/https URLs).</summary>
    public static ViewerAccess For(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool wildcard = false, beyond = false;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards (*, +) are not valid URI hosts: read the host part by hand.
            string rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
            string host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                wildcard = beyond = true;
            }
            else if (IsLoopback(host))
            {
                hosts.UnionWith(LoopbackNames);
                hosts.Add(host);
            }
            else
            {
                beyond = true;
                hosts.Add(host);
            }
        }
        return new ViewerAccess(wildcard ? null : hosts, beyond);
    }

    /// <summary>True when a request naming <paramref name="host"/> (the <c>Host</c> header without its port) may be answered.</summary>
    public bool AllowsHost(string host) => host.Length > 0 && (_hosts is null || _hosts.Contains(host));

    /// <summary>The names a request may carry in <c>Host</c>; empty when any is allowed (a wildcard address).</summary>
    public IReadOnlyCollection<string> Hosts => _hosts ?? [];

    /// <summary>A new random access token (URL-safe).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
