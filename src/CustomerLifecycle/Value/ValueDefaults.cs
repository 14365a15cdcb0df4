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

    // KPI targets: the benchmarks a customer-success team commonly reports against, and a 24-hour complaint SLA.
    public const double MonthlyRetention = 0.70;
    public const double YearlyRetention = 0.80;
    public const double MonthlyChurn = 0.30;
    public const double YearlyChurn = 0.20;
    public const double Nps = 50;
    public const double Csat = 0.80;
    public const int CsatScaleMax = 5;
    public const int CsatSatisfiedFrom = 4;
    public const double Repurchase = 0.80;
    public const double Referral = 0.30;
    public const double CrossSell = 0.15;
    public const double UpSell = 0.10;
    public const double ComplaintResolution = 0.95;
    public const double ComplaintResolutionHours = 24;
    public const double ClvToAcquisitionCost = 10;
}
