using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>A moment to contact a customer beyond the cadence, with the content theme of their tier.</summary>
/// <param name="Kind">What the moment is.</param>
/// <param name="Date">The local date in the customer's time zone (the evaluation date for product updates and anomalies).</param>
/// <param name="Theme">The content theme of the customer's tier.</param>
public sealed record KeyMoment(KeyMomentKind Kind, LocalDate Date, string Theme);
