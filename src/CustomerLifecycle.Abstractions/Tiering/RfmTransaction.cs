using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>One purchase (positive amount) or refund (negative amount) of a customer, as the host recorded it.</summary>
/// <param name="At">When the transaction happened.</param>
/// <param name="Amount">The amount: positive for a purchase, negative for a refund, zero is ignored.</param>
public readonly record struct RfmTransaction(Instant At, double Amount);
