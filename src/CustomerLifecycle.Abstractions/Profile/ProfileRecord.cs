using System.Collections.Immutable;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>
/// Everything the engines need to know about one customer, folded from the customer's facts: the lifecycle record, the
/// attributes and rolling counters. The profile engine never mutates it but returns a new one.
/// </summary>
/// <remarks>
/// <para>Its size is bounded however long the history; each list's bound is stated on it and set by the profile policy
/// (<c>ProfileOptions</c>): recent orders within the refund window (at most <c>MaxRecentOrders</c>), purchases per UTC day
/// over the purchase window, logins per UTC day
/// over the login window, usage per month over twice the trend window plus the current month, features among the policy's
/// features, open tickets, complaints and invoices (at most <c>MaxOpenItems</c> each), ticket openings per UTC day over
/// the support window, and the ids of the last <c>DuplicateWindow</c> facts.</para>
/// <para>Two profiles are equal when every property is equal, lists compared element by element.</para>
/// <para>A store that serialises profiles should keep <see cref="SchemaVersion"/> with them, so that a later release can
/// migrate what an earlier one wrote.</para>
/// </remarks>
public sealed record ProfileRecord
{
    /// <summary>The shape of profiles this release writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the shape this profile has; <see cref="CurrentSchemaVersion"/> for profiles of this release.</summary>
    /// <value>The default value is <see cref="CurrentSchemaVersion"/>.</value>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the customer.</summary>
    public required CustomerId Customer { get; init; }

    /// <summary>Gets the customer's lifecycle record, kept by the lifecycle engine from the lifecycle events the facts derive
    /// (it also holds the first and last purchase, the last contact and the latest NPS answer).</summary>
    public required LifecycleRecord Lifecycle { get; init; }

    /// <summary>Gets the attributes last set; <see cref="CustomerAttributes.None"/> before any.</summary>
    public CustomerAttributes Attributes { get => field ?? CustomerAttributes.None; init; } = CustomerAttributes.None;

    /// <summary>Gets the instant of the first fact applied.</summary>
    public required Instant FirstFactAt { get; init; }

    /// <summary>Gets the latest occurrence instant among the facts applied; an older fact is reported late.</summary>
    public required Instant LastFactAt { get; init; }

    /// <summary>Gets the number of facts applied.</summary>
    public long FactCount { get; init; }

    /// <summary>Gets the number of purchases.</summary>
    public int PurchaseCount { get; init; }

    /// <summary>Gets the number of purchases with an amount above 0: what RFM counts as frequency (a free order is not one).</summary>
    public int PaidPurchaseCount { get; init; }

    /// <summary>Gets the latest purchase with an amount above 0, what RFM measures recency from; null before any.</summary>
    public Instant? LastPaidPurchaseAt { get; init; }

    /// <summary>Gets the total spend, net of refunds.</summary>
    public double NetSpend { get; init; }

    /// <summary>Gets the number of distinct purchase days (in the value policy's time zone), for the CLV models.</summary>
    public int PurchaseDays { get; init; }

    /// <summary>Gets the spend after the first purchase day, net of the refunds made after it (the CLV models' repeat spend).</summary>
    public double RepeatSpend { get; init; }

    /// <summary>Gets the orders placed within the refund window before the latest fact, oldest first; at most the policy's <c>MaxRecentOrders</c>, the newest.</summary>
    public ImmutableArray<ProfileOrder> RecentOrders { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the purchases per UTC day within the policy's purchase window before the latest fact, oldest first; at most
    /// <c>max(PurchaseWindowDays, 2 × PurchaseTrendDays) + 1</c> entries.</summary>
    public ImmutableArray<ProfileDayCount> DailyPurchases { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the latest login; null before any.</summary>
    public Instant? LastLoginAt { get; init; }

    /// <summary>Gets the logins per UTC day within the policy's login window before the latest fact, oldest first; at most <c>LoginWindowDays</c> entries.</summary>
    public ImmutableArray<ProfileDayCount> DailyLogins { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the usage per UTC month, oldest first, for the months the usage trend compares and the current one; at most <c>2 × UsageTrendMonths + 1</c> entries.</summary>
    public ImmutableArray<ProfileMonthUsage> MonthlyUsage { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the policy's features the customer has used, in ordinal order; at most the policy's feature count.</summary>
    public ImmutableArray<string> FeaturesUsed { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the open support tickets with when they were opened, oldest first; at most <c>MaxOpenItems</c>.</summary>
    public ImmutableArray<ProfileOpenItem> OpenTickets { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the open complaints with when they were opened, oldest first; at most <c>MaxOpenItems</c>.</summary>
    public ImmutableArray<ProfileOpenItem> OpenComplaints { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the support tickets opened per UTC day within the support window before the latest fact, oldest first; at most <c>SupportWindowDays</c> entries.</summary>
    public ImmutableArray<ProfileDayCount> TicketOpenings { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the latest CSAT answer (1–5); null before any.</summary>
    public int? LatestCsat { get; init; }

    /// <summary>Gets when the latest CSAT answer was given; null before any.</summary>
    public Instant? LatestCsatAt { get; init; }

    /// <summary>Gets when the latest NPS answer (in <see cref="LifecycleRecord.LatestNps"/>) was given; null before any.</summary>
    public Instant? LatestNpsAt { get; init; }

    /// <summary>Gets the number of invoices issued.</summary>
    public int InvoiceCount { get; init; }

    /// <summary>Gets the unpaid invoices with their due instants, oldest issued first; at most <c>MaxOpenItems</c>.</summary>
    public ImmutableArray<ProfileOpenItem> OpenInvoices { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the number of referrals the customer made.</summary>
    public int ReferralCount { get; init; }

    /// <summary>Gets when the customer cancelled; null if never.</summary>
    public Instant? CancelledAt { get; init; }

    /// <summary>Gets the prospect's latest interactions (contact facts, the channel as the interaction kind), the newest
    /// <c>ProfileOptions.MaxLeadInteractions</c>, kept only when the policy scores leads.</summary>
    public ImmutableArray<LeadInteraction> LeadInteractions { get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the lead qualification the last fact folded while the customer had never bought left the prospect at.</summary>
    public LeadQualification LeadQualification { get; init; }

    /// <summary>Gets the tier hysteresis state the evaluations keep (see <see cref="ProfileTierState"/>); null before the first evaluation.</summary>
    public ProfileTierState? Tier { get; init; }

    /// <summary>Gets the ids of the last facts applied, oldest first: a fact whose id is among them is a duplicate; at most <c>DuplicateWindow</c>.</summary>
    public ImmutableArray<string> RecentFactIds { get => field.IsDefault ? [] : field; init; }

    /// <inheritdoc/>
    public bool Equals(ProfileRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (SchemaVersion == other.SchemaVersion
                && Customer == other.Customer
                && Lifecycle.Equals(other.Lifecycle)
                && Attributes.Equals(other.Attributes)
                && FirstFactAt == other.FirstFactAt
                && LastFactAt == other.LastFactAt
                && FactCount == other.FactCount
                && PurchaseCount == other.PurchaseCount
                && PaidPurchaseCount == other.PaidPurchaseCount
                && LastPaidPurchaseAt == other.LastPaidPurchaseAt
                && NetSpend.Equals(other.NetSpend)
                && PurchaseDays == other.PurchaseDays
                && RepeatSpend.Equals(other.RepeatSpend)
                && LastLoginAt == other.LastLoginAt
                && LatestCsat == other.LatestCsat
                && LatestCsatAt == other.LatestCsatAt
                && LatestNpsAt == other.LatestNpsAt
                && InvoiceCount == other.InvoiceCount
                && ReferralCount == other.ReferralCount
                && CancelledAt == other.CancelledAt
                && RecentOrders.AsSpan().SequenceEqual(other.RecentOrders.AsSpan())
                && DailyPurchases.AsSpan().SequenceEqual(other.DailyPurchases.AsSpan())
                && DailyLogins.AsSpan().SequenceEqual(other.DailyLogins.AsSpan())
                && MonthlyUsage.AsSpan().SequenceEqual(other.MonthlyUsage.AsSpan())
                && FeaturesUsed.AsSpan().SequenceEqual(other.FeaturesUsed.AsSpan())
                && OpenTickets.AsSpan().SequenceEqual(other.OpenTickets.AsSpan())
                && OpenComplaints.AsSpan().SequenceEqual(other.OpenComplaints.AsSpan())
                && TicketOpenings.AsSpan().SequenceEqual(other.TicketOpenings.AsSpan())
                && OpenInvoices.AsSpan().SequenceEqual(other.OpenInvoices.AsSpan())
                && LeadQualification == other.LeadQualification
                && LeadInteractions.AsSpan().SequenceEqual(other.LeadInteractions.AsSpan())
                && Tier == other.Tier
                && RecentFactIds.AsSpan().SequenceEqual(other.RecentFactIds.AsSpan())));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Customer, LastFactAt, FactCount, Lifecycle.Stage);
}
