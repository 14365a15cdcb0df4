namespace CustomerLifecycle.Value;

/// <summary>Customers' calibration and holdout summaries built from their transactions, with what was left out and why.</summary>
/// <param name="Customers">One summary per customer with a purchase in calibration, ordered by customer id (ordinal).</param>
/// <param name="CalibrationRepeatPurchases">The sum of the customers' frequencies (repeat purchase periods in calibration).</param>
/// <param name="HoldoutPurchases">The sum of the customers' purchase periods in the holdout.</param>
/// <param name="Reasons">
/// What the host should know about the data: transactions or customers left out (codes <c>value.no-calibration-data</c>,
/// <c>value.customers-after-calibration</c>, <c>value.refund-only-customers</c>, <c>value.transactions-after-holdout</c>);
/// empty when everything was used.
/// </param>
public sealed record TransactionSummary(IReadOnlyList<CustomerSummary> Customers, long CalibrationRepeatPurchases, long HoldoutPurchases, IReadOnlyList<Reason> Reasons);
