using CustomerLifecycle.Value.Kpis;

namespace CustomerLifecycle.Value;

/// <summary>The customer-value policy: time unit, purchase model, CLV horizon, margin and discount rate, fitting settings and KPI targets.</summary>
public sealed class ValueOptions
{
    /// <summary>Gets or sets the unit of recency, T and horizons.</summary>
    /// <value>The default value is <see cref="ValueTimeUnit.Weeks"/>.</value>
    public ValueTimeUnit TimeUnit { get; set; } = ValueDefaults.TimeUnit;

    /// <summary>Gets or sets the IANA time zone whose calendar days group purchases (several purchases on one day count once).</summary>
    /// <value>The default value is <c>"UTC"</c>.</value>
    public string TimeZoneId { get; set; } = ValueDefaults.TimeZoneId;

    /// <summary>Gets or sets the purchase model <see cref="ValueEngine.Fit"/> fits.</summary>
    /// <value>The default value is <see cref="PurchaseModelKind.BgNbd"/>.</value>
    public PurchaseModelKind PurchaseModel { get; set; } = ValueDefaults.PurchaseModel;

    /// <summary>Gets or sets the horizon, in periods of <see cref="TimeUnit"/>, of expected purchases and CLV.</summary>
    /// <value>The default value is 52.</value>
    public int HorizonPeriods { get; set; } = ValueDefaults.HorizonPeriods;

    /// <summary>Gets or sets the discount rate per period; the value of period k is divided by (1 + rate)^k.</summary>
    /// <value>The default value is 0.0018 (about 10 % a year with weekly periods).</value>
    public double DiscountRate { get; set; } = ValueDefaults.DiscountRate;

    /// <summary>Gets or sets the share of spend that is profit, in [0, 1].</summary>
    /// <value>The default value is 0.3.</value>
    public double Margin { get; set; } = ValueDefaults.Margin;

    /// <summary>Gets or sets the settings of the maximum-likelihood fits.</summary>
    /// <value>The default value is a <see cref="FittingOptions"/> with its defaults.</value>
    public FittingOptions Fitting { get; set; } = new();

    /// <summary>Gets or sets the KPI targets and the CSAT scale.</summary>
    /// <value>The default value is a <see cref="KpiOptions"/> with its defaults.</value>
    public KpiOptions Kpis { get; set; } = new();
}
