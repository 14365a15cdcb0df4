using CustomerLifecycle.Lifecycle;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

public sealed class LifecycleEventTests
{
    [Fact]
    public void Create_KeepsEveryField()
    {
        var e = LifecycleEvent.Create("e-1", Customer, LifecycleEventKind.Purchase, At(2026, 1, 1));

        Assert.Equal(("e-1", Customer, LifecycleEventKind.Purchase, At(2026, 1, 1), "Purchase"), (e.Id, e.Customer, e.Kind, e.OccurredAt, e.TriggerName));
        Assert.Equal("Purchase e-1 at 2026-01-01T09:00:00Z", e.ToString());
    }

    [Fact]
    public void AnEventWithNoId_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => LifecycleEvent.Create(null!, Customer, LifecycleEventKind.Purchase, At(2026, 1, 1)));
        var ex = Assert.Throws<ArgumentException>(() => LifecycleEvent.Create(" ", Customer, LifecycleEventKind.Purchase, At(2026, 1, 1)));
        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void AnEventForTheDefaultCustomer_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => LifecycleEvent.Create("e-1", default, LifecycleEventKind.Purchase, At(2026, 1, 1)));

        Assert.Equal("The customer id is default(CustomerId); create one with CustomerId.From(value). (Parameter 'customer')", ex.Message);
    }

    [Fact]
    public void AnInstantOutOfRange_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleEvent.Create("e-1", Customer, LifecycleEventKind.Purchase, Instant.MaxValue));

        Assert.Equal("occurredAt", ex.ParamName);
        Assert.StartsWith("Value should be in range [1900-01-01T00:00:00Z-9000-12-31T00:00:00Z] but was", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KindsThatCarryAValue_NeedTheirOwnFactory()
    {
        var ex = Assert.Throws<ArgumentException>(() => LifecycleEvent.Create("e-1", Customer, LifecycleEventKind.NpsAnswer, At(2026, 1, 1)));

        Assert.Equal("A NpsAnswer event carries a value; create it with LifecycleEvent.NpsAnswer(...). (Parameter 'kind')", ex.Message);
    }

    [Fact]
    public void UndefinedKinds_AreRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleEvent.Create("e-1", Customer, (LifecycleEventKind)99, At(2026, 1, 1)));

        Assert.StartsWith("Value should be a defined LifecycleEventKind but was 99.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void NpsAnswersOutside0To10_AreRejected(int score)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleEvent.NpsAnswer("e-1", Customer, At(2026, 1, 1), score));

        Assert.StartsWith($"Value should be in range [0-10] but was {score}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomEvents_CannotTakeABuiltInName()
    {
        var ex = Assert.Throws<ArgumentException>(() => LifecycleEvent.Custom("e-1", Customer, At(2026, 1, 1), "Purchase"));

        Assert.Equal("'Purchase' is a built-in event kind; create it with LifecycleEvent.Create(...). (Parameter 'name')", ex.Message);
        Assert.Equal("TrialStarted", LifecycleEvent.Custom("e-2", Customer, At(2026, 1, 1), "TrialStarted").TriggerName);
    }

    [Fact]
    public void HealthBandEvents_NeedABand()
    {
        Assert.Throws<ArgumentException>(() => LifecycleEvent.HealthBandChanged("e-1", Customer, At(2026, 1, 1), ""));
        Assert.Equal("AtRisk", LifecycleEvent.HealthBandChanged("e-1", Customer, At(2026, 1, 1), "AtRisk").HealthBand);
    }
}
