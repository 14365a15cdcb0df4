namespace CustomerLifecycle.Value.Kpis;

/// <summary>The KPI targets and the CSAT scale. Rates are shares in [0, 1]; NPS is in [−100, 100].</summary>
public sealed class KpiOptions
{
    /// <summary>Gets or sets the lowest acceptable monthly retention rate.</summary>
    /// <value>The default value is 0.70.</value>
    public double MonthlyRetentionTarget { get; set; } = KpiDefaults.MonthlyRetention;

    /// <summary>Gets or sets the lowest acceptable yearly retention rate.</summary>
    /// <value>The default value is 0.80.</value>
    public double YearlyRetentionTarget { get; set; } = KpiDefaults.YearlyRetention;

    /// <summary>Gets or sets the highest acceptable monthly churn rate.</summary>
    /// <value>The default value is 0.30.</value>
    public double MonthlyChurnTarget { get; set; } = KpiDefaults.MonthlyChurn;

    /// <summary>Gets or sets the highest acceptable yearly churn rate.</summary>
    /// <value>The default value is 0.20.</value>
    public double YearlyChurnTarget { get; set; } = KpiDefaults.YearlyChurn;

    /// <summary>Gets or sets the lowest acceptable net promoter score.</summary>
    /// <value>The default value is 50.</value>
    public double NpsTarget { get; set; } = KpiDefaults.Nps;

    /// <summary>Gets or sets the lowest acceptable CSAT (share of satisfied answers).</summary>
    /// <value>The default value is 0.80.</value>
    public double CsatTarget { get; set; } = KpiDefaults.Csat;

    /// <summary>Gets or sets the top of the CSAT scale; answers run from 1 to this value.</summary>
    /// <value>The default value is 5.</value>
    public int CsatScaleMax { get; set; } = KpiDefaults.CsatScaleMax;

    /// <summary>Gets or sets the lowest CSAT answer that counts as satisfied.</summary>
    /// <value>The default value is 4.</value>
    public int CsatSatisfiedFrom { get; set; } = KpiDefaults.CsatSatisfiedFrom;

    /// <summary>Gets or sets the lowest acceptable repurchase rate.</summary>
    /// <value>The default value is 0.80.</value>
    public double RepurchaseTarget { get; set; } = KpiDefaults.Repurchase;

    /// <summary>Gets or sets the lowest acceptable referral rate.</summary>
    /// <value>The default value is 0.30.</value>
    public double ReferralTarget { get; set; } = KpiDefaults.Referral;

    /// <summary>Gets or sets the lowest acceptable cross-sell rate.</summary>
    /// <value>The default value is 0.15.</value>
    public double CrossSellTarget { get; set; } = KpiDefaults.CrossSell;

    /// <summary>Gets or sets the lowest acceptable up-sell rate.</summary>
    /// <value>The default value is 0.10.</value>
    public double UpSellTarget { get; set; } = KpiDefaults.UpSell;

    /// <summary>Gets or sets the lowest acceptable complaint resolution rate.</summary>
    /// <value>The default value is 0.95.</value>
    public double ComplaintResolutionTarget { get; set; } = KpiDefaults.ComplaintResolution;

    /// <summary>Gets or sets the longest acceptable mean or median complaint resolution time, in hours.</summary>
    /// <value>The default value is 24.</value>
    public double ComplaintResolutionHoursTarget { get; set; } = KpiDefaults.ComplaintResolutionHours;

    /// <summary>Gets or sets the lowest acceptable ratio of CLV to acquisition cost.</summary>
    /// <value>The default value is 10.</value>
    public double ClvToAcquisitionCostTarget { get; set; } = KpiDefaults.ClvToAcquisitionCost;
}
