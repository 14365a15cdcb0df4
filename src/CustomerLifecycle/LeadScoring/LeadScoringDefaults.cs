namespace CustomerLifecycle.LeadScoring;

/// <summary>The defaults of <see cref="LeadScoringOptions"/>, in one place.</summary>
internal static class LeadScoringDefaults
{
    public const int HalfLifeDays = 30;
    public const int NoActivityDays = 90;
    public const double FitWeight = 0.5;
    public const double EngagementWeight = 0.5;
    public const double MarketingQualifiedMinimum = 50;
    public const double SalesQualifiedMinimum = 75;
    public const double SalesQualifiedMinimumFit = 60;

    public static List<LeadRuleOptions> FitRules() =>
    [
        In("industry", LeadRuleKind.IndustryIn, 30, "software", "manufacturing", "professional-services"),
        new() { Id = "company-size", Kind = LeadRuleKind.EmployeesBetween, MinEmployees = 50, MaxEmployees = 1000, Points = 30 },
        In("region", LeadRuleKind.RegionIn, 20, "europe", "north-america"),
        In("uses-erp", LeadRuleKind.HasFlag, 20, "uses-erp"),
    ];

    public static List<LeadInteractionKindOptions> InteractionKinds() =>
    [
        Kind("email-open", 2, 10),
        Kind("site-visit", 3, 15),
        Kind("content-download", 5, 20),
        Kind("webinar", 10, 20),
        Kind("pricing-page", 10, 20),
        Kind("demo-request", 30, null),
    ];

    public static List<LeadRuleOptions> NegativeRules() =>
    [
        In("competitor", LeadRuleKind.HasFlag, 50, "competitor"),
        In("student", LeadRuleKind.HasFlag, 20, "student"),
        In("unsubscribed", LeadRuleKind.HasFlag, 20, "unsubscribed"),
        In("personal-email", LeadRuleKind.EmailDomainIn, 10, "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "gmx.net"),
        new() { Id = "no-recent-activity", Kind = LeadRuleKind.NoActivityForDays, Days = NoActivityDays, Points = 15 },
    ];

    public static List<string> DisqualifyingFlags() => ["outside-icp", "spam"];

    private static LeadRuleOptions In(string id, LeadRuleKind kind, double points, params string[] values)
        => new() { Id = id, Kind = kind, Values = [.. values], Points = points };

    private static LeadInteractionKindOptions Kind(string kind, double points, double? cap) => new() { Kind = kind, Points = points, Cap = cap };
}
