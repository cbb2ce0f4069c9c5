using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Tests.Testing;

/// <summary>A negotiator driven by delegates, recording every call it gets.</summary>
internal sealed class ScriptedNegotiator(
    string name,
    Func<SaoState, Outcome>? propose = null,
    Func<SaoState, Outcome, SaoResponse>? respond = null) : INegotiator
{
    public string Name => name;
    public NegotiatorContext? Context { get; private set; }
    public List<string> Calls { get; } = [];
    public List<SaoState> States { get; } = [];

    public void Initialize(NegotiatorContext context)
    {
        Context = context;
        Calls.Clear();
        States.Clear();
    }

    public Outcome Propose(in SaoState state)
    {
        Calls.Add($"propose@{state.Step}");
        States.Add(state);
        return propose is null ? new Outcome(0) : propose(state);
    }

    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Calls.Add($"respond@{state.Step}:{offer}");
        States.Add(state);
        return respond is null ? SaoResponse.Reject : respond(state, offer);
    }
}
