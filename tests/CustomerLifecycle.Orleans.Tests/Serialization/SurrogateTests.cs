using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Serialization;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace CustomerLifecycle.Orleans.Tests.Serialization;

[Properties(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 100)]
public sealed class SurrogateTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();

    [Property]
    public bool AnyRecord_RoundTrips(LifecycleRecord record) => Equals(record, RoundTrip(record));

    [Property]
    public bool AnyEvent_RoundTrips(LifecycleEvent e)
    {
        var back = RoundTrip(e);
        return back == e;
    }

    [Property]
    public bool AnOutcome_IsPassedAsItIs_WithinASilo_WithoutWorkingOutItsExplanation(LifecycleRecord record)
    {
        var outcome = new LifecycleEngine(new LifecycleOptions()).Evaluate(record, record.LastEventAt);
        var copier = Services.GetRequiredService<DeepCopier>();

        return ReferenceEquals(outcome, copier.Copy(outcome)) && ReferenceEquals(record, copier.Copy(record));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void Instants_RoundTripToTheNanosecond(long nanoseconds)
    {
        var instant = Instant.FromUnixTimeTicks(0) + Duration.FromNanoseconds(nanoseconds);

        Assert.Equal(instant, RoundTrip(instant));
    }

    [Fact]
    public void EndsOfTime_RoundTrip()
    {
        Assert.Equal(Instant.MaxValue, RoundTrip(Instant.MaxValue));
        Assert.Equal(Instant.MinValue, RoundTrip(Instant.MinValue));
    }

    [Fact]
    public void MalformedEvent_FailsToDeserialise_WithTheFactorysError()
    {
        var malformed = new LifecycleEventSurrogate { Id = " ", Customer = CustomerId.From("c-1"), Kind = LifecycleEventKind.Purchase, OccurredAt = Instant.FromUtc(2026, 1, 1, 0, 0) };

        var error = Assert.Throws<ArgumentException>(() => new LifecycleEventConverter().ConvertFromSurrogate(malformed));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void NpsEventWithoutAScore_FailsToDeserialise()
    {
        var malformed = new LifecycleEventSurrogate { Id = "n-1", Customer = CustomerId.From("c-1"), Kind = LifecycleEventKind.NpsAnswer, OccurredAt = Instant.FromUtc(2026, 1, 1, 0, 0) };

        var error = Assert.Throws<ArgumentException>(() => new LifecycleEventConverter().ConvertFromSurrogate(malformed));

        Assert.StartsWith("The NpsAnswer event n-1 has no score.", error.Message);
    }

    [Fact]
    public void EventForADefaultCustomer_FailsToDeserialise()
    {
        var malformed = new LifecycleEventSurrogate { Id = "e-1", Kind = LifecycleEventKind.Purchase, OccurredAt = Instant.FromUtc(2026, 1, 1, 0, 0) };

        Assert.Throws<ArgumentException>(() => new LifecycleEventConverter().ConvertFromSurrogate(malformed));
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
