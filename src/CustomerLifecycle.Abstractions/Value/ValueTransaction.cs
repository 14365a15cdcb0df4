using NodaTime;

namespace CustomerLifecycle.Value;

/// <summary>One purchase (or refund) of a customer: who, when and how much.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="At">When the transaction happened.</param>
/// <param name="Amount">
/// The amount in the host's currency. Zero is a free order (a purchase that adds nothing to spend); a negative amount is a
/// refund, which adds to spend but is never a purchase on its own.
/// </param>
public readonly record struct ValueTransaction(CustomerId CustomerId, Instant At, double Amount);
