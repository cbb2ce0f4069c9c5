using Parley.Agents.Negotiators;


namespace Parley.Tests.Agents;

public class NegotiatorRegistryTests
{
    [Fact]
    public void Available_HasTheDocumentedNames() =>
        Assert.Equal(["boulware", "linear", "conceder", "boulware-classic", "linear-classic", "conceder-classic", "boulware2010", "linear2010", "conceder2010", "hardliner", "titfortat", "hardheaded", "gahboninho", "nicetitfortat", "iamhaggler2011", "hardheaded-style", "random", "nice", "micro", "agentk", "cuhkagent", "agentlg", "thefawkes", "ponpokoagent", "atlas3", "parsagent", "caduceus", "agreeableagent2018"],
            NegotiatorRegistry.Available.Select(a => a.Name));

    [Theory]
    [InlineData("Boulware", "Boulware")]
    [InlineData("CONCEDER", "Conceder")]
    [InlineData(" hardheaded ", "HardHeaded")]
    [InlineData("micro", "MiCRO")]
    public void Create_CaseInsensitive(string name, string display) => Assert.Equal(display, NegotiatorRegistry.Create(name).Name);

    [Fact]
    public void Create_EachCallIsANewInstance() => Assert.NotSame(NegotiatorRegistry.Create("linear"), NegotiatorRegistry.Create("linear"));

    [Fact]
    public void Create_Unknown_ThrowsListingNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => NegotiatorRegistry.Create("nope"));
        Assert.Contains("boulware", ex.Message);
        Assert.False(NegotiatorRegistry.TryCreate("nope", out _));
    }

    [Fact]
    public void Available_EveryEntryDescribed() => Assert.All(NegotiatorRegistry.Available, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));

    [Theory]
    [InlineData("timedependent:0.5", "TimeDependent(e=0.5)")]
    [InlineData("TimeDependent:3", "TimeDependent(e=3)")]
    public void Create_TimeDependentWithExponent(string name, string display) => Assert.Equal(display, NegotiatorRegistry.Create(name).Name);

    [Theory]
    [InlineData("timedependent:-1")]
    [InlineData("timedependent:x")]
    [InlineData("timedependent:")]
    public void TryCreate_BadExponent_False(string name) => Assert.False(NegotiatorRegistry.TryCreate(name, out _));
}
