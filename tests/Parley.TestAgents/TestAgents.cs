using Parley.Outcomes;
using Parley.Parties;

namespace Parley.TestAgents;

/// <summary>Offers its best outcome and accepts anything at least its <c>threshold</c> parameter (default 0.5): a user's negotiator with parameters.</summary>
public sealed class Threshold : INegotiator
{
    private readonly double _threshold;
    private NegotiatorContext? _context;

    public Threshold() : this(new Dictionary<string, string>()) { }

    public Threshold(IReadOnlyDictionary<string, string> parameters)
    {
        _threshold = parameters.TryGetValue("threshold", out var t) ? double.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 0.5;
    }

    public string Name => "Threshold";

    public void Initialize(NegotiatorContext context) => _context = context;

    public Outcome Propose(in SaoState state) => _context!.Index.Best;

    public SaoResponse Respond(in SaoState state, Outcome offer) =>
        _context!.Utility(offer) >= _threshold ? SaoResponse.Accept : SaoResponse.Reject;
}

/// <summary>Throws on its second proposal.</summary>
public sealed class Throwing : INegotiator
{
    private int _proposals;

    public string Name => "Throwing";

    public void Initialize(NegotiatorContext context) => _proposals = 0;

    public Outcome Propose(in SaoState state) =>
        ++_proposals >= 2 ? throw new InvalidOperationException("deliberate failure") : default;

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Offers an outcome outside the space.</summary>
public sealed class Garbage : INegotiator
{
    private NegotiatorContext? _context;

    public string Name => "Garbage";

    public void Initialize(NegotiatorContext context) => _context = context;

    public Outcome Propose(in SaoState state) => new((UInt128)_context!.Space.Count + 5);

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Takes 300 ms for each proposal: over any turn budget below that.</summary>
public sealed class Slow : INegotiator
{
    public string Name => "Slow";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        Thread.Sleep(300);
        return default;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Never returns from its first proposal (an infinite loop, as a buggy user's negotiator might).</summary>
public sealed class Looping : INegotiator
{
    private static long _spins;

    public string Name => "Looping";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        while (true) Interlocked.Increment(ref _spins);
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Kills its own process on its first proposal, as native crashes do.</summary>
public sealed class Crashing : INegotiator
{
    public string Name => "Crashing";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        Environment.FailFast("deliberate crash of a test negotiator");
        return default;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Writes to the console on every proposal (must not disturb a worker's results), then offers its best outcome.</summary>
public sealed class Chatty : INegotiator
{
    private NegotiatorContext? _context;

    public string Name => "Chatty";

    public void Initialize(NegotiatorContext context) => _context = context;

    public Outcome Propose(in SaoState state)
    {
        Console.WriteLine("{\"not\": \"a result\"}");
        return _context!.Index.Best;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Accept;
}

/// <summary>A single-text voter that never returns from its first vote.</summary>
public sealed class LoopingVoter : IVoter
{
    private static long _spins;

    public string Name => "LoopingVoter";

    public void Initialize(NegotiatorContext context) { }

    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        while (true) Interlocked.Increment(ref _spins);
    }
}

/// <summary>A shuttle principal that never returns from its first turn.</summary>
public sealed class LoopingShuttleParty : IShuttleParty
{
    private static long _spins;

    public string Name => "LoopingShuttleParty";

    public void Initialize(NegotiatorContext context) { }

    public ShuttleMessage Act(in ShuttleState state)
    {
        while (true) Interlocked.Increment(ref _spins);
    }
}

/// <summary>
/// Tries to forge its result: writes a well-formed record of an agreement worth 1 to everyone to the raw standard output
/// (where workers once answered their coordinator), for every negotiation index it might be running, then ends its
/// process.
/// </summary>
public sealed class Forger : INegotiator
{
    public string Name => "Forger";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        using var stdout = Console.OpenStandardOutput();
        for (int i = 0; i < 64; i++)
        {
            var line = System.Text.Encoding.UTF8.GetBytes(
                $"{{\"Index\":{i},\"Status\":\"Agreed\",\"Agreement\":null,\"Utilities\":[1,1],\"UndiscountedUtilities\":[1,1],\"Rounds\":1,\"Steps\":1,\"EndTime\":0,\"Welfare\":2}}\n");
            stdout.Write(line);
        }
        stdout.Flush();
        Environment.Exit(0);
        return default;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Writes junk lines to the raw standard output and error on every call, then plays like <see cref="Threshold"/>.</summary>
public sealed class StdoutJunk : INegotiator
{
    private NegotiatorContext? _context;

    public string Name => "StdoutJunk";

    public void Initialize(NegotiatorContext context) => _context = context;

    public Outcome Propose(in SaoState state)
    {
        Junk();
        return _context!.Index.Best;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Junk();
        return _context!.Utility(offer) >= 0.5 ? SaoResponse.Accept : SaoResponse.Reject;
    }

    private static void Junk()
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write("not json at all {{{\n\0\u00ff\n"u8);
        Console.Error.WriteLine("junk on stderr");
    }
}

/// <summary>Calls <c>Environment.Exit(0)</c> on its first proposal.</summary>
public sealed class Exiting : INegotiator
{
    public string Name => "Exiting";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        Environment.Exit(0);
        return default;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Starts a thread that throws, on its first proposal, then carries on (the process dies under it).</summary>
public sealed class BackgroundThrower : INegotiator
{
    public string Name => "BackgroundThrower";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        var thread = new Thread(() => throw new InvalidOperationException("deliberate failure on a background thread"));
        thread.Start();
        thread.Join();
        return default;
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Recurses without end on its first proposal: a stack overflow, which no handler can catch.</summary>
public sealed class StackOverflowing : INegotiator
{
    public string Name => "StackOverflowing";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state) => new((UInt128)Depth(0));

    private static long Depth(long n) => n < 0 ? n : Depth(n + 1) + 1;

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}

/// <summary>Allocates without bound on its first proposal (keeps every block), as a runaway negotiator might.</summary>
public sealed class Hog : INegotiator
{
    public string Name => "Hog";

    public void Initialize(NegotiatorContext context) { }

    public Outcome Propose(in SaoState state)
    {
        var kept = new List<byte[]>();
        while (true)
        {
            var block = new byte[8 << 20];
            block.AsSpan().Fill(1);
            kept.Add(block);
        }
    }

    public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
}
