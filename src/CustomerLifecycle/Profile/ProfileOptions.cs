using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Profile;

/// <summary>The profile policy: the policies of the engines it composes, and how long the profile keeps what.</summary>
/// <remarks>Each window and cap bounds a list of <see cref="ProfileRecord"/>, so a profile's size does not grow with the
/// customer's history.</remarks>
public sealed class ProfileOptions
{
    /// <summary>Gets or sets the lifecycle policy the profile's lifecycle record follows.</summary>
    /// <value>The default value is the default <see cref="LifecycleOptions"/>.</value>
    public LifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>Gets or sets the RFM, tier and contact policy; its RFM window must be 0 (all history), as the profile keeps totals.</summary>
    /// <value>The default value is the default <see cref="TieringOptions"/>.</value>
    public TieringOptions Tiering { get; set; } = new();

    /// <summary>Gets or sets the health policy; factors with the built-in ids (<c>login-frequency</c>, <c>feature-adoption</c>,
    /// <c>usage-trend</c>, <c>support</c>, <c>nps</c>, <c>payment</c>, <c>purchase-recency</c>, <c>purchase-frequency</c>,
    /// <c>purchase-trend</c>) are derived from the facts, other factors are missing.</summary>
    /// <value>The default value is the default <see cref="HealthOptions"/>.</value>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Gets or sets the customer-value policy (the CLV models, their time unit and zone).</summary>
    /// <value>The default value is the default <see cref="ValueOptions"/>.</value>
    public ValueOptions Value { get; set; } = new();

    /// <summary>Gets or sets which value ranks customers into the revenue-share value tiers: the net spend, or the predicted CLV
    /// (the net spend when the population's CLV fit gave no model; 0 for a customer who never bought).</summary>
    /// <value>The default value is <see cref="ProfileTierValue.NetSpend"/>.</value>
    public ProfileTierValue TierValue { get; set; } = ProfileTierValue.NetSpend;

    /// <summary>Gets or sets the lead-scoring policy for customers who have never bought, or null to score no leads: fit from
    /// the attributes (industry, size, region, the flags and the ideal-profile tags), engagement from the contact facts (the
    /// channel as the interaction kind) with decay; a change of qualification at a fold moves the lifecycle stage.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LeadScoringOptions? LeadScoring { get; set; }

    /// <summary>Gets or sets the loyalty programme the facts earn points in, or null for none: purchases, refunds, logins,
    /// survey answers and referrals become loyalty commands (<see cref="LoyaltyFacts"/>) applied to the customer's ledger, a
    /// <see cref="LoyaltyRecord"/> kept beside the profile, and the view carries the statement, its tier feeding the tier rules.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LoyaltyOptions? Loyalty { get; set; }

    /// <summary>Gets or sets how many of a prospect's latest interactions the profile keeps for the lead score, when leads are
    /// scored (1–10000): older ones, whose weight has decayed the most, are dropped.</summary>
    /// <value>The default value is 50.</value>
    public int MaxLeadInteractions { get; set; } = ProfileDefaults.MaxLeadInteractions;

    /// <summary>Gets or sets the features available to customers: feature adoption is the share of them used; none leaves the factor missing.</summary>
    /// <value>The default value is empty.</value>
    public List<string> Features { get; set; } = [];

    /// <summary>Gets or sets how many days after an order a refund of it is accepted; orders are kept that long (1–3650).</summary>
    /// <value>The default value is 90.</value>
    public int RefundWindowDays { get; set; } = ProfileDefaults.RefundWindowDays;

    /// <summary>Gets or sets how many orders within the refund window are kept at most, the newest (1–10000).</summary>
    /// <value>The default value is 100.</value>
    public int MaxRecentOrders { get; set; } = ProfileDefaults.MaxRecentOrders;

    /// <summary>Gets or sets the days before the evaluation day over which the <c>purchase-frequency</c> factor counts purchases (1–3650).</summary>
    /// <value>The default value is 365.</value>
    public int PurchaseWindowDays { get; set; } = ProfileDefaults.PurchaseWindowDays;

    /// <summary>Gets or sets the days the <c>purchase-trend</c> factor compares: purchases in the last this many days before the
    /// evaluation day against the as many before (1–1825).</summary>
    /// <value>The default value is 90.</value>
    public int PurchaseTrendDays { get; set; } = ProfileDefaults.PurchaseTrendDays;

    /// <summary>Gets or sets the days over which logins per week are counted, ending on the evaluation day (1–366).</summary>
    /// <value>The default value is 28 (<see cref="HealthSignals.DefaultLoginWindowDays"/>).</value>
    public int LoginWindowDays { get; set; } = ProfileDefaults.LoginWindowDays;

    /// <summary>Gets or sets the months the usage trend compares: the last this many complete months against the as many before (1–24).</summary>
    /// <value>The default value is 3.</value>
    public int UsageTrendMonths { get; set; } = ProfileDefaults.UsageTrendMonths;

    /// <summary>Gets or sets the days over which opened support tickets count towards the support load (1–3650).</summary>
    /// <value>The default value is 90.</value>
    public int SupportWindowDays { get; set; } = ProfileDefaults.SupportWindowDays;

    /// <summary>Gets or sets how many tickets, complaints and invoices may be open at once, each (1–10000); opening one more is rejected.</summary>
    /// <value>The default value is 100.</value>
    public int MaxOpenItems { get; set; } = ProfileDefaults.MaxOpenItems;

    /// <summary>Gets or sets how many of the last fact ids are kept to recognise duplicates (1–10000).</summary>
    /// <value>The default value is 64.</value>
    public int DuplicateWindow { get; set; } = ProfileDefaults.DuplicateWindow;
}
