namespace CustomerLifecycle.Tiering;

/// <summary>The tiering policy: RFM scoring and segments, tiers with their revenue shares and cadence, tier rules,
/// hysteresis and key moments.</summary>
public sealed class TieringOptions
{
    /// <summary>Gets or sets how RFM scores and segments are computed.</summary>
    /// <value>The default value is quintile scores with the R <c>rfm</c> 0.3 segment table.</value>
    public RfmOptions Rfm { get; set; } = new();

    /// <summary>Gets or sets the tiers, best first.</summary>
    /// <value>The default value is Core (50% of value, contact every 30 days and not within 15), Key (30%, 91 days),
    /// Potential (15%, 182 days) and General (the rest, 365 days).</value>
    public List<TierDefinition> Tiers { get; set; } = TieringDefaults.Tiers();

    /// <summary>Gets or sets the tier rules, tried in order; the first that matches assigns its tier.</summary>
    /// <value>The default value is: Core when the value tier is Core, logins ≥ 3 a week and tenure ≥ 365 days; Key when
    /// the value tier is Key or better and logins ≥ 1 a week; Key when there is growth potential and logins ≥ 1 a week;
    /// Potential when the value tier is Potential or better or the customer matches the ideal profile.</value>
    public List<TierRule> Rules { get; set; } = TieringDefaults.Rules();

    /// <summary>Gets or sets the tier of customers no rule matches.</summary>
    /// <value>The default value is <c>"General"</c>.</value>
    public string FallbackTier { get; set; } = TieringDefaults.FallbackTier;

    /// <summary>Gets or sets how downgrades are damped.</summary>
    /// <value>The default value is a downgrade after 3 consecutive evaluations below, one tier at a time, no value margin.</value>
    public HysteresisOptions Hysteresis { get; set; } = new();

    /// <summary>Gets or sets how key moments are found.</summary>
    /// <value>The default value is a 30-day look-ahead.</value>
    public CadenceOptions Cadence { get; set; } = new();
}
