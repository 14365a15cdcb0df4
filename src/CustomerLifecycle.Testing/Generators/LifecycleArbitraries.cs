using CustomerLifecycle.Lifecycle;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for lifecycle types, to register with <c>[Property(Arbitrary = new[] { typeof(LifecycleArbitraries) })]</c>.</summary>
public static class LifecycleArbitraries
{
    /// <summary>Events of <see cref="LifecycleGenerators.Customer"/>, of every built-in kind.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LifecycleEvent> Events() => LifecycleGenerators.Event(LifecycleGenerators.Customer, "e-1").ToArbitrary();

    /// <summary>Histories of up to 40 events with unique ids, in arrival order.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IReadOnlyList<LifecycleEvent>> Histories() => LifecycleGenerators.History.ToArbitrary();

    /// <summary>Records the default policy builds from generated histories.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LifecycleRecord> Records() => LifecycleGenerators.Record(new LifecycleOptions()).ToArbitrary();

    /// <summary>Valid policies: the defaults with other thresholds, duplicate windows and time zones.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LifecycleOptions> Policies() => LifecycleGenerators.Policy.ToArbitrary();
}
