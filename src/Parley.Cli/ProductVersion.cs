using System.Reflection;

namespace Parley.Cli;

/// <summary>The version <c>parley --version</c> prints: the package version, and the commit it was built from when known.</summary>
internal static class ProductVersion
{
    /// <summary>"1.0.0" or "1.0.0 (commit 54108c2)".</summary>
    public static string Text { get; } = Describe(typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductVersion).Assembly.GetName().Version?.ToString() ?? "unknown");

    /// <summary>Turns an informational version "1.0.0+&lt;sha&gt;" into "1.0.0 (commit &lt;short sha&gt;)".</summary>
    internal static string Describe(string informational)
    {
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0) return informational;
        string commit = informational[(plus + 1)..];
        return $"{informational[..plus]} (commit {commit[..Math.Min(7, commit.Length)]})";
    }
}
