namespace Parley.Web;

/// <summary>Options of the web viewer (<c>parley serve</c>), validated before the server starts.</summary>
public sealed record ViewerOptions
{
    /// <summary>The folder whose scenarios (GENIUS/GeniusWeb folders, <c>.yaml</c> files) the viewer shows; nothing outside it is read.</summary>
    public required string ScenariosFolder { get; init; }

    /// <summary>A tournament results database to show as a leaderboard, if any.</summary>
    public string? ResultsDatabase { get; init; }

    /// <summary>Addresses to listen on (semicolon-separated URLs). Default: loopback only, port 5080.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The token every request must carry (docs/viewer.md), or null for none. Required when the viewer listens beyond this
    /// machine's loopback (<see cref="Security.ViewerAccess.BeyondLoopback"/>); <c>parley serve</c> makes one and prints it.
    /// </summary>
    public string? AccessToken { get; init; }

    /// <summary>Most negotiations running at once; more are refused with 429 until one finishes.</summary>
    public int MaxConcurrentRuns { get; init; } = 2;

    /// <summary>Most rounds a run from the page may ask for.</summary>
    public int MaxRounds { get; init; } = 10_000;

    /// <summary>Wall-clock limit of one run; it ends at this deadline like any negotiation that runs out of time.</summary>
    public TimeSpan RunTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Wall-clock budget of the analysis of one scenario (frontier and solutions, whatever the method); a larger space
    /// is answered with the best frontier found by then, marked not exact.
    /// </summary>
    public TimeSpan AnalysisTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most transcript entries streamed to the page for one run (a longer transcript is thinned evenly, the last entries kept).</summary>
    public int MaxStreamedEntries { get; init; } = 2_000;

    /// <summary>About how long the stream of a run's offers takes, so a person can watch them arrive.</summary>
    public TimeSpan StreamDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Most finished runs kept for their result page; older ones are forgotten first.</summary>
    public int KeptRuns { get; init; } = 100;

    /// <summary>Sessions with people at the table (<c>/api/sessions</c>).</summary>
    public Sessions.SessionSettings Sessions { get; init; } = new();

    /// <summary>The problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Directory.Exists(ScenariosFolder)) problems.Add($"--scenarios '{ScenariosFolder}': no such folder");
        if (ResultsDatabase is { } db && !File.Exists(db)) problems.Add($"--db '{db}': no such file");
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                problems.Add($"--urls '{url}': expected an http:// or https:// URL such as http://127.0.0.1:5080");
        if (AccessToken is null && Security.ViewerAccess.For(Urls).BeyondLoopback)
            problems.Add($"--urls '{Urls}' listens beyond this machine: an access token is required");
        if (AccessToken is { Length: < 16 }) problems.Add("the access token must have at least 16 characters");
        if (MaxConcurrentRuns < 1) problems.Add("at least one run must be allowed at a time");
        if (MaxRounds < 1) problems.Add("the round limit must be at least 1");
        if (RunTimeLimit <= TimeSpan.Zero) problems.Add("the run time limit must be positive");
        if (AnalysisTimeLimit <= TimeSpan.Zero) problems.Add("the analysis time limit must be positive");
        problems.AddRange(Sessions.Problems());
        return problems;
    }
}
