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
