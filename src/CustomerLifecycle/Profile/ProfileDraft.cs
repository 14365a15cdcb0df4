using System.Collections.Immutable;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>A mutable copy of a <see cref="ProfileRecord"/> that facts are folded into: one per Apply, one per whole Replay.</summary>
internal sealed class ProfileDraft
{
    private ProfileDraft(CustomerId customer, LifecycleRecord lifecycle, Instant firstFactAt)
    {
        Customer = customer;
        Lifecycle = lifecycle;
        FirstFactAt = firstFactAt;
        LastFactAt = firstFactAt;
    }

    public CustomerId Customer { get; }

    public LifecycleRecord Lifecycle { get; set; }

    public CustomerAttributes Attributes { get; set; } = CustomerAttributes.None;

    public Instant FirstFactAt { get; }

    public Instant LastFactAt { get; set; }

    public long FactCount { get; set; }

    public int PurchaseCount { get; set; }

    public int PaidPurchaseCount { get; set; }

    public Instant? LastPaidPurchaseAt { get; set; }

    public double NetSpend { get; set; }

    public int PurchaseDays { get; set; }

    public double RepeatSpend { get; set; }

    public List<ProfileOrder> RecentOrders { get; private init; } = [];

    public List<ProfileDayCount> DailyPurchases { get; private init; } = [];

    public Instant? LastLoginAt { get; set; }

    public List<ProfileDayCount> DailyLogins { get; private init; } = [];

    public List<ProfileMonthUsage> MonthlyUsage { get; private init; } = [];

    public List<string> FeaturesUsed { get; private init; } = [];

    public List<ProfileOpenItem> OpenTickets { get; private init; } = [];

    public List<ProfileOpenItem> OpenComplaints { get; private init; } = [];

    public List<ProfileDayCount> TicketOpenings { get; private init; } = [];

    public int? LatestCsat { get; set; }

    public Instant? LatestCsatAt { get; set; }

    public Instant? LatestNpsAt { get; set; }

    public int InvoiceCount { get; set; }

    public List<ProfileOpenItem> OpenInvoices { get; private init; } = [];

    public int ReferralCount { get; set; }

    public Instant? CancelledAt { get; set; }

    public List<LeadInteraction> LeadInteractions { get; private init; } = [];

    public LeadQualification LeadQualification { get; set; }

    /// <summary>The evaluations' tier state: facts do not change it, a fold carries it over.</summary>
    public ProfileTierState? Tier { get; private init; }

    public List<string> RecentFactIds { get; private init; } = [];

    public static ProfileDraft New(CustomerId customer, LifecycleRecord lifecycle, Instant at) => new(customer, lifecycle, at);

    public static ProfileDraft From(ProfileRecord profile) => new(profile.Customer, profile.Lifecycle, profile.FirstFactAt)
    {
        Attributes = profile.Attributes,
        LastFactAt = profile.LastFactAt,
        FactCount = profile.FactCount,
        PurchaseCount = profile.PurchaseCount,
        PaidPurchaseCount = profile.PaidPurchaseCount,
        LastPaidPurchaseAt = profile.LastPaidPurchaseAt,
        NetSpend = profile.NetSpend,
        PurchaseDays = profile.PurchaseDays,
        RepeatSpend = profile.RepeatSpend,
        RecentOrders = [.. profile.RecentOrders],
        DailyPurchases = [.. profile.DailyPurchases],
        LastLoginAt = profile.LastLoginAt,
        DailyLogins = [.. profile.DailyLogins],
        MonthlyUsage = [.. profile.MonthlyUsage],
        FeaturesUsed = [.. profile.FeaturesUsed],
        OpenTickets = [.. profile.OpenTickets],
        OpenComplaints = [.. profile.OpenComplaints],
        TicketOpenings = [.. profile.TicketOpenings],
        LatestCsat = profile.LatestCsat,
        LatestCsatAt = profile.LatestCsatAt,
        LatestNpsAt = profile.LatestNpsAt,
        InvoiceCount = profile.InvoiceCount,
        OpenInvoices = [.. profile.OpenInvoices],
        ReferralCount = profile.ReferralCount,
        CancelledAt = profile.CancelledAt,
        LeadInteractions = [.. profile.LeadInteractions],
        LeadQualification = profile.LeadQualification,
        Tier = profile.Tier,
        RecentFactIds = [.. profile.RecentFactIds],
    };

    public ProfileRecord ToProfile() => new()
    {
        Customer = Customer,
        Lifecycle = Lifecycle,
        Attributes = Attributes,
        FirstFactAt = FirstFactAt,
        LastFactAt = LastFactAt,
        FactCount = FactCount,
        PurchaseCount = PurchaseCount,
        PaidPurchaseCount = PaidPurchaseCount,
        LastPaidPurchaseAt = LastPaidPurchaseAt,
        NetSpend = NetSpend,
        PurchaseDays = PurchaseDays,
        RepeatSpend = RepeatSpend,
        RecentOrders = [.. RecentOrders],
        DailyPurchases = [.. DailyPurchases],
        LastLoginAt = LastLoginAt,
        DailyLogins = [.. DailyLogins],
        MonthlyUsage = [.. MonthlyUsage],
        FeaturesUsed = [.. FeaturesUsed],
        OpenTickets = [.. OpenTickets],
        OpenComplaints = [.. OpenComplaints],
        TicketOpenings = [.. TicketOpenings],
        LatestCsat = LatestCsat,
        LatestCsatAt = LatestCsatAt,
        LatestNpsAt = LatestNpsAt,
        InvoiceCount = InvoiceCount,
        OpenInvoices = [.. OpenInvoices],
        ReferralCount = ReferralCount,
        CancelledAt = CancelledAt,
        LeadInteractions = [.. LeadInteractions],
        LeadQualification = LeadQualification,
        Tier = Tier,
        RecentFactIds = [.. RecentFactIds],
    };

    public bool HasSeen(string factId) => RecentFactIds.Contains(factId, StringComparer.Ordinal);
}
