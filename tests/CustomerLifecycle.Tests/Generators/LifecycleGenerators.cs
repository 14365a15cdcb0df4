using CustomerLifecycle.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Shared = CustomerLifecycle.Testing.Generators.LifecycleGenerators;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>A customer's events, in arrival order, with unique ids.</summary>
public sealed record EventHistory(IReadOnlyList<LifecycleEvent> Events)
{
    public override string ToString() => string.Join(", ", Events);
}

/// <summary>FsCheck arbitraries for the lifecycle engine, from the shipped generators of CustomerLifecycle.Testing.</summary>
public static class LifecycleGenerators
{
    public static readonly CustomerId Customer = Shared.Customer;

    public static readonly Instant Start = Shared.Start;

    public static Arbitrary<EventHistory> EventHistories() => Shared.History.Select(events => new EventHistory(events)).ToArbitrary();
}
