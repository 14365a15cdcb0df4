using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>A recent order kept for refunds: its id, when it was placed, its amount and how much of it was refunded.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="At">When it was placed.</param>
/// <param name="Amount">Its amount.</param>
/// <param name="Refunded">How much of it has been refunded so far.</param>
public readonly record struct ProfileOrder(string OrderId, Instant At, double Amount, double Refunded);

/// <summary>An open ticket, complaint or invoice: its id and its instant (opened at for tickets and complaints, due at for invoices).</summary>
/// <param name="Id">The ticket's or invoice's id.</param>
/// <param name="At">When the ticket or complaint was opened, or when the invoice is due.</param>
public readonly record struct ProfileOpenItem(string Id, Instant At);

/// <summary>A count for one UTC day.</summary>
/// <param name="Day">The UTC day, as days since 1970-01-01.</param>
/// <param name="Count">How many on that day.</param>
public readonly record struct ProfileDayCount(int Day, int Count);

/// <summary>A usage quantity for one UTC calendar month.</summary>
/// <param name="Month">The month, as <c>year × 12 + month − 1</c>.</param>
/// <param name="Quantity">The usage in that month: each login counts 1, each feature usage its quantity.</param>
public readonly record struct ProfileMonthUsage(int Month, long Quantity);
