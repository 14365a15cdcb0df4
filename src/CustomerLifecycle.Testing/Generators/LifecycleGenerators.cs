using System.Globalization;
using CustomerLifecycle.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the lifecycle engine: events, histories, records and policies.</summary>
/// <remarks>
/// Histories span about two years from <see cref="Start"/> and mix every built-in event kind, so a policy's time-based
/// rules, commands and duplicates are all exercised. Use the <c>Gen</c>s directly in <c>Prop.ForAll(gen.ToArbitrary(), …)</c>,
/// or register <see cref="LifecycleArbitraries"/> with FsCheck.Xunit's <c>[Property(Arbitrary = …)]</c>.
/// </remarks>
public static class LifecycleGenerators
{
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];

    /// <summary>Gets the instant histories start at: 2026-01-01T09:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 1, 9, 0);

    /// <summary>Gets the customer of the generated histories and records: <c>c-1</c>.</summary>
    public static CustomerId Customer { get; } = CustomerId.From("c-1");

    /// <summary>Gets a generator of event kinds, activity and purchases the most frequent, every built-in kind but Custom possible.</summary>
    public static Gen<LifecycleEventKind> Kind { get; } = Gen.Elements(
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

    /// <summary>Gets a generator of histories of up to 40 events of <see cref="Customer"/> with unique ids, in arrival order (not sorted by time).</summary>
    public static Gen<IReadOnlyList<LifecycleEvent>> History { get; } = HistoryOf(Customer, 40);

    /// <summary>Gets a generator of lifecycle policies: the defaults with other thresholds, duplicate windows and time zones; always valid.</summary>
    public static Gen<LifecycleOptions> Policy { get; } =
        (from zone in Gen.Elements(Zones)
         from window in Gen.Choose(1, 64)
         from scale in Gen.ArrayOf(Gen.Choose(50, 200), 64)
         select Vary(zone, window, scale))
        .Where(IsValid);

    /// <summary>A generator of one event of <paramref name="customer"/> with the given id, within two years of <see cref="Start"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="id">The event's id.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default, or <paramref name="id"/> is blank.</exception>
    public static Gen<LifecycleEvent> Event(CustomerId customer, string id)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return from kind in Kind
               from hours in Gen.Choose(0, 24 * 730)
               from score in Gen.Choose(0, 10)
               from band in Gen.Elements("Healthy", "Warning", "AtRisk")
               select Make(customer, id, kind, Start + Duration.FromHours(hours), score, band);
    }

    /// <summary>A generator of histories of <paramref name="customer"/>: up to <paramref name="maxEvents"/> events with unique ids, in arrival order.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="maxEvents">The largest number of events.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEvents"/> is negative.</exception>
    public static Gen<IReadOnlyList<LifecycleEvent>> HistoryOf(CustomerId customer, int maxEvents)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEvents);
        return from count in Gen.Choose(0, maxEvents)
               from events in Gen.CollectToList(Enumerable.Range(0, count), i => Event(customer, string.Create(CultureInfo.InvariantCulture, $"e-{i:D4}")))
               select (IReadOnlyList<LifecycleEvent>)[.. events];
    }

    /// <summary>A generator of records the engine builds for <paramref name="policy"/> by replaying an activity at <see cref="Start"/> followed by a generated history.</summary>
    /// <remarks>The leading activity makes sure there is a record even when every generated event is a refused command.</remarks>
    /// <param name="policy">The policy; validated once, here.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Gen<LifecycleRecord> Record(LifecycleOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new LifecycleEngine(policy);
        var first = Make(Customer, "e-first", LifecycleEventKind.Activity, Start);
        return HistoryOf(Customer, 40).Select(history => engine.Replay(Customer, [first, .. history]).Record!);
    }

    /// <summary>Creates an event of any kind, filling the value a kind needs.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="id">The event's id.</param>
    /// <param name="kind">The kind; Custom events are named <c>TrialExtended</c>.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="score">The NPS answer, for NpsAnswer events.</param>
    /// <param name="band">The band, for HealthBandChanged events.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent Make(CustomerId customer, string id, LifecycleEventKind kind, Instant at, int score = 9, string band = "AtRisk") => kind switch
    {
        LifecycleEventKind.NpsAnswer => LifecycleEvent.NpsAnswer(id, customer, at, score),
        LifecycleEventKind.HealthBandChanged => LifecycleEvent.HealthBandChanged(id, customer, at, band),
        LifecycleEventKind.Custom => LifecycleEvent.Custom(id, customer, at, "TrialExtended"),
        _ => LifecycleEvent.Create(id, customer, kind, at),
    };

    private static LifecycleOptions Vary(string zone, int window, int[] scale)
    {
        var options = new LifecycleOptions { TimeZoneId = zone, DuplicateWindow = window };
        var next = 0;
        foreach (var condition in options.Rules.SelectMany(r => r.When).SelectMany(c => (IEnumerable<ConditionOptions>)[c, .. c.AnyOf ?? []]))
        {
            var percent = scale[next++ % scale.Length];
            condition.Days = condition.Days is { } days ? Math.Max(1, days * percent / 100) : null;
            condition.Months = condition.Months is { } months ? Math.Max(1, months * percent / 100) : null;
        }

        return options;
    }

    private static bool IsValid(LifecycleOptions options) => new LifecycleOptionsValidator().Validate(null, options).Succeeded;
}
