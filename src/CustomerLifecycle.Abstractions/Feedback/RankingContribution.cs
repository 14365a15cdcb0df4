namespace CustomerLifecycle.Feedback;

/// <summary>What one customer adds to a feedback item's ranking score.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Value">The customer's value as the host gave it (the highest, when counted once).</param>
/// <param name="Mentions">How often the customer appears behind the item.</param>
/// <param name="Counted">How many of those mentions count (1 when the category counts each customer once).</param>
/// <param name="Points">The points added: <c>Counted × (PerCustomer + ValueWeight × scale(Value))</c>.</param>
public sealed record RankingContribution(CustomerId Customer, double Value, int Mentions, int Counted, double Points);
