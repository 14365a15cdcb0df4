using CustomerLifecycle.Calendars;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Serialization;
using CustomerLifecycle.Testing.Checks;
using CustomerLifecycle.Testing.Conformance;
using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerLifecycle.Testing.Tests.Docs;

#region snippet: testing-conformance
// In the host's test project: xunit runs every test of the suite against the host's adapter.
public sealed class OrdersDbLifecycleStoreConformance : LifecycleStoreConformanceTests
{
    // A fresh, empty store per test; here the SDK's in-memory store stands in for the host's adapter.
    protected override ILifecycleStore CreateStore() => new InMemoryLifecycleStore();

    // Optional: a second connection to the same data, so the suite also reads and races across connections.
    protected override ILifecycleStore OpenSharedStore(ILifecycleStore store) => store;

    // Optional: clean up after each test (delete the file, drop the schema); disposes a disposable store by default.
    protected override ValueTask DisposeStoreAsync(ILifecycleStore store) => base.DisposeStoreAsync(store);

    // Optional: fewer writers for a slow remote database.
    protected override int ConcurrentWriters => 4;
}
#endregion

public sealed class TestingDocSamples
{
    [Fact]
    public async Task Conformance_TheSampleAdapterClassRunsTheSuite()
    {
        var suite = new OrdersDbLifecycleStoreConformance();

        #region snippet: testing-conformance-direct
        // Every test of a suite is a public method: call one directly to step through a failure.
        await suite.Save_WithAStaleVersion_IsAConflictAndChangesNothing();
        #endregion

        await suite.ConcurrentWriters_ThroughTheService_LoseNothing();
        Assert.Contains(
            typeof(LifecycleStoreConformanceTests).GetMethods(),
            m => m.Name == nameof(LifecycleStoreConformanceTests.Save_WithAStaleVersion_IsAConflictAndChangesNothing) && m.GetCustomAttributes(typeof(FactAttribute), false).Length == 1);
    }

    [Fact]
    public void Checks_OneLineInsideAFact()
    {
        #region snippet: testing-check-fact
        // The host's own policy, e.g. loaded from its tenant settings.
        var policy = PolicyJson.Deserialize<HealthOptions>(PolicyJson.Serialize(new HealthOptions()));
        policy.Factors.Single(f => f.Id == "support").Weight = 30;

        // Throws, with the counter-example, when the policy breaks the property.
        HealthPolicyChecks.ScoreIsBoundedAndMonotone(policy).QuickCheckThrowOnFailure();
        #endregion

        Assert.Equal(30, policy.Factors.Single(f => f.Id == "support").Weight);
    }

    [Fact]
    public void Checks_AFailureNamesTheCounterExample()
    {
        #region snippet: testing-check-failure
        var policy = new TieringOptions();
        var potential = policy.Rules[^1];       // "Potential when the value tier is Potential or better…"
        policy.Rules.Remove(potential);
        policy.Rules.Insert(0, potential);      // …tried first, it now hides Core and Key from every customer it matches

        var failure = Assert.ThrowsAny<Exception>(() => TieringPolicyChecks.TiersAreOrderIndependent(policy).QuickCheckThrowOnFailure());
        // failure.Message, e.g.: "Falsifiable, after 1 test (0 shrinks) (…seed…) … Label of failing property: Customer 0 (TierInput {
        //   Value = 150, LoginsPerWeek = 3.5, … }) gets Potential from Rules[0] although Rules[2] also matches and gives Key:
        //   the rule order decides the tier." followed by the generated population.
        #endregion

        Assert.Contains("gets Potential from Rules[0] although Rules[", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_CalendarAndLifecycle()
    {
        #region snippet: testing-check-calendar-lifecycle
        var calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin", Holidays = ["2026-12-24", "2026-12-25"] };
        CalendarChecks.DeadlinesFallInWorkingHours(calendar, maxBusinessDays: 10).QuickCheckThrowOnFailure();

        // The engine's Replay, and then the host's own ingestion path, against the same policy.
        var lifecycle = new LifecycleOptions { TimeZoneId = "Europe/Berlin" };
        LifecyclePolicyChecks.ReplayIsOrderIndependent(lifecycle).QuickCheckThrowOnFailure();
        LifecyclePolicyChecks.ReplayIsOrderIndependent(lifecycle, (engine, customer, events) => engine.Replay(customer, events).Record)
            .QuickCheckThrowOnFailure();
        #endregion

        Assert.Equal(2, calendar.Holidays.Count);
    }

    #region snippet: testing-check-property
    [Property]
    public Property MyTierRules_AreOrderIndependent() => TieringPolicyChecks.TiersAreOrderIndependent(new TieringOptions());
    #endregion

    #region snippet: testing-arbitraries
    [Property(Arbitrary = [typeof(LifecycleArbitraries)])]
    public bool EveryRecordsStage_IsAStageOfThePolicy(LifecycleRecord record)
        => new LifecycleEngine(new LifecycleOptions()).Stages.Contains(record.Stage);

    [Property]
    public Property EveryGeneratedPolicy_ScoresWithinBounds()
        => Prop.ForAll(HealthGenerators.Policy.ToArbitrary(), policy =>
        {
            var engine = new HealthEngine(policy);
            return Prop.ForAll(HealthGenerators.Input(policy).ToArbitrary(), input =>
                engine.Evaluate(input, TieringGenerators.AsOf).Score is not { } score || score.Value is >= 0 and <= 100);
        });
    #endregion
}
