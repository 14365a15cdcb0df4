namespace CustomerLifecycle.Profile;

/// <summary>The default profile policy's own settings (docs/profile.md), in one place.</summary>
internal static class ProfileDefaults
{
    public const int RefundWindowDays = 90;
    public const int MaxRecentOrders = 100;
    public const int PurchaseWindowDays = 365;
    public const int PurchaseTrendDays = 90;
    public const int LoginWindowDays = Health.HealthSignals.DefaultLoginWindowDays;
    public const int UsageTrendMonths = 3;
    public const int SupportWindowDays = 90;
    public const int MaxOpenItems = 100;
    public const int DuplicateWindow = 64;
    public const int MaxLeadInteractions = 50;
}
