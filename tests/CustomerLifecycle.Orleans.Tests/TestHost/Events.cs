using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Generators;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>Events for tests, each test's customers unique so that tests sharing a cluster never meet.</summary>
public static class Events
{
    public static CustomerId NewCustomer(string prefix = "c") => CustomerId.From($"{prefix}-{Guid.NewGuid():N}");

    public static LifecycleEvent Purchase(CustomerId customer, string id, Instant at) => LifecycleEvent.Create(id, customer, LifecycleEventKind.Purchase, at);

    /// <summary>The same event for another customer.</summary>
    public static LifecycleEvent For(CustomerId customer, LifecycleEvent e)
        => LifecycleGenerators.Make(customer, e.Id, e.Kind, e.OccurredAt, e.Score ?? 9, e.HealthBand ?? "AtRisk") is var made && e.Kind == LifecycleEventKind.Custom
            ? LifecycleEvent.Custom(e.Id, customer, e.OccurredAt, e.Name!)
            : made;
}
