using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>A customer's purchases aggregated as of an instant: the raw recency, frequency and monetary values.</summary>
/// <remarks><c>default(RfmSummary)</c> is a customer with no purchases: no last purchase, frequency 0, monetary 0.</remarks>
/// <param name="LastPurchase">When the customer last bought, or <see langword="null"/> when they never did.</param>
/// <param name="Frequency">How many purchases the customer made; not negative.</param>
/// <param name="Monetary">The amount spent, net of refunds; may be negative when refunds exceed purchases, never NaN.</param>
public readonly record struct RfmSummary(Instant? LastPurchase, int Frequency, double Monetary);
