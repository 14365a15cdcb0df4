namespace CustomerLifecycle.Value.Kpis;

/// <summary>The defaults of <see cref="KpiOptions"/>, in one place.</summary>
internal static class KpiDefaults
{
    // The benchmarks a customer-success team commonly reports against, and a 24-hour complaint SLA.
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
