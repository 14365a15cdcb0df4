using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>Short ways to write instants and events in lifecycle tests.</summary>
internal static class LifecycleTestKit
{
    public static readonly CustomerId Customer = CustomerId.From("c-1");

    public static readonly LifecycleEngine DefaultEngine = new(new LifecycleOptions());

    private static int _next;

    public static Instant At(int year, int month, int day, int hour = 9) => Instant.FromUtc(year, month, day, hour, 0);

    public static LifecycleEvent Purchase(Instant at, string? id = null) => LifecycleEvent.Create(id ?? NextId(), Customer, LifecycleEventKind.Purchase, at);

    public static LifecycleEvent Activity(Instant at, string? id = null) => LifecycleEvent.Create(id ?? NextId(), Customer, LifecycleEventKind.Activity, at);

    public static LifecycleEvent Contact(Instant at, string? id = null) => LifecycleEvent.Create(id ?? NextId(), Customer, LifecycleEventKind.Contact, at);

    public static LifecycleEvent Referral(Instant at) => LifecycleEvent.Create(NextId(), Customer, LifecycleEventKind.Referral, at);

    public static LifecycleEvent Command(LifecycleEventKind kind, Instant at, string? id = null) => LifecycleEvent.Create(id ?? NextId(), Customer, kind, at);

    public static LifecycleEvent Nps(Instant at, int score) => LifecycleEvent.NpsAnswer(NextId(), Customer, at, score);

    public static LifecycleEvent Band(Instant at, string band) => LifecycleEvent.HealthBandChanged(NextId(), Customer, at, band);

    /// <summary>Replays events with the default engine and returns the record.</summary>
    public static LifecycleRecord Record(params LifecycleEvent[] events) => DefaultEngine.Replay(Customer, events).Record!;

    private static string NextId() => $"e-{Interlocked.Increment(ref _next):D6}";
}
