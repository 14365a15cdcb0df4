namespace CustomerLifecycle.Value;

/// <summary>The defaults of <see cref="ValueOptions"/>, in one place.</summary>
internal static class ValueDefaults
{
    public const ValueTimeUnit TimeUnit = ValueTimeUnit.Weeks;
    public const string TimeZoneId = "UTC";
    public const PurchaseModelKind PurchaseModel = PurchaseModelKind.BgNbd;
    public const int HorizonPeriods = 52;

    // About 10 % a year with weekly periods: 1.1^(1/52) − 1 ≈ 0.00183.
    public const double DiscountRate = 0.0018;
    public const double Margin = 0.3;

    public const int MaxIterations = 200;
    public const double GradientTolerance = 1e-7;
    public const double L2Penalty = 0;
}
