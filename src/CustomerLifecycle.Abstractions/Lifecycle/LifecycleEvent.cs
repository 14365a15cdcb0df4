using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>A fact about one customer that the lifecycle engine folds into the customer's record.</summary>
/// <remarks>
/// <para>The id makes an event idempotent: applying an event whose id the record has already seen is a no-op reported as
/// <see cref="LifecycleOutcomeStatus.Duplicate"/>. Create events with the static factories, which validate every field.</para>
/// </remarks>
public sealed record LifecycleEvent
{
    private LifecycleEvent(string id, CustomerId customer, LifecycleEventKind kind, Instant occurredAt, int? score, string? healthBand, string? name)
    {
        Id = id;
        Customer = customer;
        Kind = kind;
        OccurredAt = occurredAt;
        Score = score;
        HealthBand = healthBand;
        Name = name;
    }

    /// <summary>Gets the host's unique id of the event.</summary>
    public string Id { get; }

    /// <summary>Gets the customer the event is about.</summary>
    public CustomerId Customer { get; }

    /// <summary>Gets what happened.</summary>
    public LifecycleEventKind Kind { get; }

    /// <summary>Gets when it happened (not when it was reported).</summary>
    public Instant OccurredAt { get; }

    /// <summary>Gets the NPS answer (0–10) of an <see cref="LifecycleEventKind.NpsAnswer"/> event; otherwise null.</summary>
    public int? Score { get; }

    /// <summary>Gets the band name of a <see cref="LifecycleEventKind.HealthBandChanged"/> event; otherwise null.</summary>
    public string? HealthBand { get; }

    /// <summary>Gets the name of a <see cref="LifecycleEventKind.Custom"/> event; otherwise null.</summary>
    public string? Name { get; }

    /// <summary>Gets the name rules use to match this event: the custom name, or the kind's name.</summary>
    public string TriggerName => Name ?? KindName(Kind);

    /// <summary>Creates an event of a kind that carries no value (all kinds but NPS, health band and custom).</summary>
    /// <param name="id">The host's unique id of the event.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="customer"/> is default, or <paramref name="kind"/> needs a value (use its own factory).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind, or <paramref name="occurredAt"/> is out of range.</exception>
    public static LifecycleEvent Create(string id, CustomerId customer, LifecycleEventKind kind, Instant occurredAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Value should be a defined LifecycleEventKind but was {(int)kind}.");
        }

        if (kind is LifecycleEventKind.NpsAnswer or LifecycleEventKind.HealthBandChanged or LifecycleEventKind.Custom)
        {
            throw new ArgumentException($"A {kind} event carries a value; create it with LifecycleEvent.{FactoryName(kind)}(...).", nameof(kind));
        }

        return new LifecycleEvent(CheckId(id), CheckCustomer(customer), kind, CheckInstant(occurredAt), null, null, null);
    }

    /// <summary>Creates an <see cref="LifecycleEventKind.NpsAnswer"/> event.</summary>
    /// <param name="id">The host's unique id of the event.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer answered.</param>
    /// <param name="score">The answer, 0 to 10.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0–10, or <paramref name="occurredAt"/> is out of range.</exception>
    public static LifecycleEvent NpsAnswer(string id, CustomerId customer, Instant occurredAt, int score)
    {
        if (score is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"Value should be in range [0-10] but was {score}.");
        }

        return new LifecycleEvent(CheckId(id), CheckCustomer(customer), LifecycleEventKind.NpsAnswer, CheckInstant(occurredAt), score, null, null);
    }

    /// <summary>Creates a <see cref="LifecycleEventKind.HealthBandChanged"/> event.</summary>
    /// <param name="id">The host's unique id of the event.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the band was computed.</param>
    /// <param name="band">The band's name, e.g. <c>"AtRisk"</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="band"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="band"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is out of range.</exception>
    public static LifecycleEvent HealthBandChanged(string id, CustomerId customer, Instant occurredAt, string band)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(band);
        return new LifecycleEvent(CheckId(id), CheckCustomer(customer), LifecycleEventKind.HealthBandChanged, CheckInstant(occurredAt), null, band, null);
    }

    /// <summary>Creates a host-defined event that rules refer to by <paramref name="name"/>.</summary>
    /// <param name="id">The host's unique id of the event.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="name">The event's name, e.g. <c>"TrialExtended"</c>; not the name of a built-in kind.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is blank or a built-in kind's name, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is out of range.</exception>
    public static LifecycleEvent Custom(string id, CustomerId customer, Instant occurredAt, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Enum.TryParse<LifecycleEventKind>(name, ignoreCase: false, out _))
        {
            throw new ArgumentException($"'{name}' is a built-in event kind; create it with LifecycleEvent.Create(...).", nameof(name));
        }

        return new LifecycleEvent(CheckId(id), CheckCustomer(customer), LifecycleEventKind.Custom, CheckInstant(occurredAt), null, null, name);
    }

    /// <summary>Returns <c>"Kind id at instant"</c>, e.g. <c>"Purchase e-1 at 2026-01-01T00:00:00Z"</c>.</summary>
    /// <returns>A short description of the event.</returns>
    public override string ToString() => $"{TriggerName} {Id} at {OccurredAt}";

    private static string KindName(LifecycleEventKind kind) => kind switch
    {
        LifecycleEventKind.Contact => nameof(LifecycleEventKind.Contact),
        LifecycleEventKind.Purchase => nameof(LifecycleEventKind.Purchase),
        LifecycleEventKind.Activity => nameof(LifecycleEventKind.Activity),
        LifecycleEventKind.Referral => nameof(LifecycleEventKind.Referral),
        LifecycleEventKind.NpsAnswer => nameof(LifecycleEventKind.NpsAnswer),
        LifecycleEventKind.HealthBandChanged => nameof(LifecycleEventKind.HealthBandChanged),
        LifecycleEventKind.Cancellation => nameof(LifecycleEventKind.Cancellation),
        LifecycleEventKind.Disqualification => nameof(LifecycleEventKind.Disqualification),
        LifecycleEventKind.Closure => nameof(LifecycleEventKind.Closure),
        _ => nameof(LifecycleEventKind.Custom),
    };

    private static string FactoryName(LifecycleEventKind kind) => kind switch
    {
        LifecycleEventKind.NpsAnswer => nameof(NpsAnswer),
        LifecycleEventKind.HealthBandChanged => nameof(HealthBandChanged),
        _ => nameof(Custom),
    };

    private static string CheckId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }

    private static CustomerId CheckCustomer(CustomerId customer)
    {
        CustomerId.ThrowIfDefault(customer, "customer");
        return customer;
    }

    private static Instant CheckInstant(Instant occurredAt)
    {
        // The record does calendar arithmetic (months, business days) around event instants; keep a year of head room.
        if (occurredAt < LifecycleLimits.MinInstant || occurredAt > LifecycleLimits.MaxInstant)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt, $"Value should be in range [{LifecycleLimits.MinInstant}-{LifecycleLimits.MaxInstant}] but was {occurredAt}.");
        }

        return occurredAt;
    }
}
