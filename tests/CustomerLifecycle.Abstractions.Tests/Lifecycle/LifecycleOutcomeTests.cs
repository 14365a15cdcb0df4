using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Abstractions.Tests.Lifecycle;

public sealed class LifecycleOutcomeTests
{
    private static readonly IReadOnlyList<RuleCheck> Checks = [new RuleCheck("rule", "Churned", [new Reason("why", "Because.")])];

    [Fact]
    public void NotFired_WithAStateFunction_IsWorkedOutOnceOnFirstAccess_FromTheOutcomeAndTheState()
    {
        var calls = 0;
        LifecycleOutcome? seen = null;
        object? seenState = null;
        var state = new object();
        var outcome = new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], [], [], changed: false, (o, s) =>
        {
            calls++;
            (seen, seenState) = (o, s);
            return Checks;
        }, state);

        Assert.Equal(0, calls);
        Assert.Same(Checks, outcome.NotFired);
        Assert.Same(Checks, outcome.NotFired);
        Assert.Equal(1, calls);
        Assert.Same(outcome, seen);
        Assert.Same(state, seenState);
    }

    [Fact]
    public void NotFired_GivenToThePublicConstructor_IsReturnedAsGiven_AndEmptyWithoutIt()
    {
        var outcome = new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], [], [], changed: false, Checks);

        Assert.Same(Checks, outcome.NotFired);
        Assert.Empty(new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], [], [], changed: false).NotFired);
        Assert.Empty(new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], [], [], changed: false, null, explainState: null).NotFired);
    }

    [Fact]
    public void Constructor_WithNullLists_ThrowsNamingTheParameter()
    {
        Assert.Equal("transitions", Assert.Throws<ArgumentNullException>(() => new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, null!, [], [], false)).ParamName);
        Assert.Equal("actions", Assert.Throws<ArgumentNullException>(() => new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], null!, [], false)).ParamName);
        Assert.Equal("reasons", Assert.Throws<ArgumentNullException>(() => new LifecycleOutcome(LifecycleOutcomeStatus.Evaluated, null, [], [], null!, false)).ParamName);
    }
}
