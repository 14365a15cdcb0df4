using CustomerLifecycle.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>A customer's events, in arrival order, with unique ids.</summary>
public sealed record EventHistory(IReadOnlyList<LifecycleEvent> Events)
{
    public override string ToString() => string.Join(", ", Events);
}

/// <summary>FsCheck arbitraries for the lifecycle engine: one customer's events over about two years.</summary>
public static class LifecycleGenerators
{
    public static readonly CustomerId Customer = CustomerId.From("c-1");

    public static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 9, 0);

    private static readonly Gen<LifecycleEventKind> Kinds = Gen.Elements(
        LifecycleEventKind.Contact,
        LifecycleEventKind.Purchase,
        LifecycleEventKind.Purchase,
        LifecycleEventKind.Activity,
        LifecycleEventKind.Activity,
        LifecycleEventKind.Activity,
        LifecycleEventKind.Referral,
        LifecycleEventKind.NpsAnswer,
        LifecycleEventKind.HealthBandChanged,
        LifecycleEventKind.Cancellation,
        LifecycleEventKind.Disqualification,
        LifecycleEventKind.Closure);

    public static Gen<LifecycleEvent> Event(string id) =>
        from kind in Kinds
        from hours in Gen.Choose(0, 24 * 730)
        from score in Gen.Choose(0, 10)
        from band in Gen.Elements("Healthy", "Warning", "AtRisk")
        select Make(id, kind, Start + Duration.FromHours(hours), score, band);

    public static Gen<EventHistory> History =>
        from count in Gen.Choose(0, 40)
        from events in Gen.CollectToList(Enumerable.Range(0, count), i => Event($"e-{i:D3}"))
        select new EventHistory([.. events]);

    public static Arbitrary<EventHistory> EventHistories() => History.ToArbitrary();

    public static LifecycleEvent Make(string id, LifecycleEventKind kind, Instant at, int score = 9, string band = "AtRisk") => kind switch
    {
        LifecycleEventKind.NpsAnswer => LifecycleEvent.NpsAnswer(id, Customer, at, score),
        LifecycleEventKind.HealthBandChanged => LifecycleEvent.HealthBandChanged(id, Customer, at, band),
        LifecycleEventKind.Custom => LifecycleEvent.Custom(id, Customer, at, "TrialExtended"),
        _ => LifecycleEvent.Create(id, Customer, kind, at),
    };
}
