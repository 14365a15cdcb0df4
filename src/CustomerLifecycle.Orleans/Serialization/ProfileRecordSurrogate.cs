using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="ProfileRecord"/> on the wire and in grain storage: its public properties, field by field, the
/// lifecycle record through its own surrogate.</summary>
/// <remarks>Ids are never reused: a later release adds fields with new ids and reads what this one wrote (the record's
/// <see cref="ProfileRecord.SchemaVersion"/> travels with it).</remarks>
[GenerateSerializer]
[Immutable]
internal struct ProfileRecordSurrogate
{
    [Id(0)] public int SchemaVersion;
    [Id(1)] public CustomerId Customer;
    [Id(2)] public LifecycleRecord Lifecycle;
    [Id(3)] public CustomerAttributes Attributes;
    [Id(4)] public Instant FirstFactAt;
    [Id(5)] public Instant LastFactAt;
    [Id(6)] public long FactCount;
    [Id(7)] public int PurchaseCount;
    [Id(8)] public int PaidPurchaseCount;
    [Id(9)] public Instant? LastPaidPurchaseAt;
    [Id(10)] public double NetSpend;
    [Id(11)] public int PurchaseDays;
    [Id(12)] public double RepeatSpend;
    [Id(13)] public ProfileOrder[] RecentOrders;
    [Id(14)] public ProfileDayCount[] DailyPurchases;
    [Id(15)] public Instant? LastLoginAt;
    [Id(16)] public ProfileDayCount[] DailyLogins;
    [Id(17)] public ProfileMonthUsage[] MonthlyUsage;
    [Id(18)] public string[] FeaturesUsed;
    [Id(19)] public ProfileOpenItem[] OpenTickets;
    [Id(20)] public ProfileOpenItem[] OpenComplaints;
    [Id(21)] public ProfileDayCount[] TicketOpenings;
    [Id(22)] public int? LatestCsat;
    [Id(23)] public Instant? LatestCsatAt;
    [Id(24)] public Instant? LatestNpsAt;
    [Id(25)] public int InvoiceCount;
    [Id(26)] public ProfileOpenItem[] OpenInvoices;
    [Id(27)] public int ReferralCount;
    [Id(28)] public Instant? CancelledAt;
    [Id(29)] public LeadInteraction[] LeadInteractions;
    [Id(30)] public LeadQualification LeadQualification;
    [Id(31)] public string[] RecentFactIds;
    [Id(32)] public ProfileTierState? Tier;
}

/// <summary>Converts <see cref="ProfileRecord"/> to and from its surrogate; the profile read back equals the one written.</summary>
[RegisterConverter]
internal sealed class ProfileRecordConverter : IConverter<ProfileRecord, ProfileRecordSurrogate>
{
    public ProfileRecord ConvertFromSurrogate(in ProfileRecordSurrogate surrogate) => new()
    {
        SchemaVersion = surrogate.SchemaVersion,
        Customer = surrogate.Customer,
        Lifecycle = surrogate.Lifecycle,
        Attributes = surrogate.Attributes,
        FirstFactAt = surrogate.FirstFactAt,
        LastFactAt = surrogate.LastFactAt,
        FactCount = surrogate.FactCount,
        PurchaseCount = surrogate.PurchaseCount,
        PaidPurchaseCount = surrogate.PaidPurchaseCount,
        LastPaidPurchaseAt = surrogate.LastPaidPurchaseAt,
        NetSpend = surrogate.NetSpend,
        PurchaseDays = surrogate.PurchaseDays,
        RepeatSpend = surrogate.RepeatSpend,
        RecentOrders = [.. surrogate.RecentOrders ?? []],
        DailyPurchases = [.. surrogate.DailyPurchases ?? []],
        LastLoginAt = surrogate.LastLoginAt,
        DailyLogins = [.. surrogate.DailyLogins ?? []],
        MonthlyUsage = [.. surrogate.MonthlyUsage ?? []],
        FeaturesUsed = [.. surrogate.FeaturesUsed ?? []],
        OpenTickets = [.. surrogate.OpenTickets ?? []],
        OpenComplaints = [.. surrogate.OpenComplaints ?? []],
        TicketOpenings = [.. surrogate.TicketOpenings ?? []],
        LatestCsat = surrogate.LatestCsat,
        LatestCsatAt = surrogate.LatestCsatAt,
        LatestNpsAt = surrogate.LatestNpsAt,
        InvoiceCount = surrogate.InvoiceCount,
        OpenInvoices = [.. surrogate.OpenInvoices ?? []],
        ReferralCount = surrogate.ReferralCount,
        CancelledAt = surrogate.CancelledAt,
        LeadInteractions = [.. surrogate.LeadInteractions ?? []],
        LeadQualification = surrogate.LeadQualification,
        RecentFactIds = [.. surrogate.RecentFactIds ?? []],
        Tier = surrogate.Tier,
    };

    public ProfileRecordSurrogate ConvertToSurrogate(in ProfileRecord value) => new()
    {
        SchemaVersion = value.SchemaVersion,
        Customer = value.Customer,
        Lifecycle = value.Lifecycle,
        Attributes = value.Attributes,
        FirstFactAt = value.FirstFactAt,
        LastFactAt = value.LastFactAt,
        FactCount = value.FactCount,
        PurchaseCount = value.PurchaseCount,
        PaidPurchaseCount = value.PaidPurchaseCount,
        LastPaidPurchaseAt = value.LastPaidPurchaseAt,
        NetSpend = value.NetSpend,
        PurchaseDays = value.PurchaseDays,
        RepeatSpend = value.RepeatSpend,
        RecentOrders = Arrays.Shared(value.RecentOrders),
        DailyPurchases = Arrays.Shared(value.DailyPurchases),
        LastLoginAt = value.LastLoginAt,
        DailyLogins = Arrays.Shared(value.DailyLogins),
        MonthlyUsage = Arrays.Shared(value.MonthlyUsage),
        FeaturesUsed = Arrays.Shared(value.FeaturesUsed),
        OpenTickets = Arrays.Shared(value.OpenTickets),
        OpenComplaints = Arrays.Shared(value.OpenComplaints),
        TicketOpenings = Arrays.Shared(value.TicketOpenings),
        LatestCsat = value.LatestCsat,
        LatestCsatAt = value.LatestCsatAt,
        LatestNpsAt = value.LatestNpsAt,
        InvoiceCount = value.InvoiceCount,
        OpenInvoices = Arrays.Shared(value.OpenInvoices),
        ReferralCount = value.ReferralCount,
        CancelledAt = value.CancelledAt,
        LeadInteractions = Arrays.Shared(value.LeadInteractions),
        LeadQualification = value.LeadQualification,
        RecentFactIds = Arrays.Shared(value.RecentFactIds),
        Tier = value.Tier,
    };
}

/// <summary>A <see cref="CustomerAttributes"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct CustomerAttributesSurrogate
{
    [Id(0)] public string? Industry;
    [Id(1)] public string? Size;
    [Id(2)] public string? Region;
    [Id(3)] public bool MatchesIdealProfile;
    [Id(4)] public bool HasGrowthPotential;
    [Id(5)] public bool IsBenchmarkCustomer;
    [Id(6)] public string[] Flags;
}

/// <summary>Converts <see cref="CustomerAttributes"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class CustomerAttributesConverter : IConverter<CustomerAttributes, CustomerAttributesSurrogate>
{
    public CustomerAttributes ConvertFromSurrogate(in CustomerAttributesSurrogate surrogate)
        => new(surrogate.Industry, surrogate.Size, surrogate.Region, surrogate.MatchesIdealProfile, surrogate.HasGrowthPotential, surrogate.IsBenchmarkCustomer)
        {
            Flags = [.. surrogate.Flags ?? []],
        };

    public CustomerAttributesSurrogate ConvertToSurrogate(in CustomerAttributes value) => new()
    {
        Industry = value.Industry,
        Size = value.Size,
        Region = value.Region,
        MatchesIdealProfile = value.MatchesIdealProfile,
        HasGrowthPotential = value.HasGrowthPotential,
        IsBenchmarkCustomer = value.IsBenchmarkCustomer,
        Flags = Arrays.Shared(value.Flags),
    };
}

/// <summary>A <see cref="ProfileTierState"/> on the wire: the tier state, the one it advanced from, and when.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileTierStateSurrogate
{
    [Id(0)] public int Tier;
    [Id(1)] public int EvaluationsBelow;
    [Id(2)] public bool HasBefore;
    [Id(3)] public int BeforeTier;
    [Id(4)] public int BeforeEvaluationsBelow;
    [Id(5)] public Instant AdvancedAt;
}

/// <summary>Converts <see cref="ProfileTierState"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileTierStateConverter : IConverter<ProfileTierState, ProfileTierStateSurrogate>
{
    public ProfileTierState ConvertFromSurrogate(in ProfileTierStateSurrogate s) => new(
        new TierState(s.Tier, s.EvaluationsBelow),
        s.HasBefore ? new TierState(s.BeforeTier, s.BeforeEvaluationsBelow) : null,
        s.AdvancedAt);

    public ProfileTierStateSurrogate ConvertToSurrogate(in ProfileTierState value)
    {
        var before = value.Before.GetValueOrDefault();
        return new()
        {
            Tier = value.Current.Tier,
            EvaluationsBelow = value.Current.EvaluationsBelow,
            HasBefore = value.Before.HasValue,
            BeforeTier = before.Tier,
            BeforeEvaluationsBelow = before.EvaluationsBelow,
            AdvancedAt = value.AdvancedAt,
        };
    }
}
