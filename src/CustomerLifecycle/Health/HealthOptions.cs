namespace CustomerLifecycle.Health;

/// <summary>The health policy: the factor tree, the bands and the trend and alert rules.</summary>
/// <remarks>
/// The root of the factor tree holds <see cref="Factors"/> and <see cref="Groups"/>; groups nest to any depth. Factor slots
/// (the positions in a <see cref="HealthInput"/>) are numbered depth first: the root's factors in order, then each group's
/// factors and subgroups in order. At most <see cref="HealthInput.MaxFactors"/> factors in all.
/// </remarks>
public sealed class HealthOptions
{
    /// <summary>Gets or sets the factors at the root of the tree.</summary>
    /// <value>The default value is six factors: <c>login-frequency</c> (weight 25, logins per week, 0 → 0 and ≥ 3 → 100),
    /// <c>feature-adoption</c> (20, used / available, 0 → 0 and 1 → 100), <c>usage-trend</c> (15, relative change, −0.8 → 0 and
    /// ≥ 0 → 100), <c>support</c> (15, open complaints and tickets, 0 → 100 and ≥ 5 → 0), <c>nps</c> (15, latest answer 0–10 →
    /// 0–100) and <c>payment</c> (10, days overdue, 0 → 100 and ≥ 60 → 0), all linear with missing data excluded.</value>
    public List<HealthFactorOptions> Factors { get; set; } = HealthDefaults.CreateFactors();

    /// <summary>Gets or sets the groups at the root of the tree.</summary>
    /// <value>The default value is empty.</value>
    public List<HealthGroupOptions> Groups { get; set; } = [];

    /// <summary>Gets or sets the bands, from the highest scores to the lowest; at least two, together covering [0, 100] exactly.</summary>
    /// <value>The default value is <c>Healthy</c> [80, 100], <c>Warning</c> [60, 80) and <c>AtRisk</c> [0, 60).</value>
    public List<HealthBandOptions> Bands { get; set; } = HealthDefaults.CreateBands();

    /// <summary>Gets or sets the trend, hysteresis and alert rules.</summary>
    /// <value>The default value is a 90-day window; see <see cref="HealthTrendOptions"/>.</value>
    public HealthTrendOptions Trend { get; set; } = new();
}

/// <summary>A scored factor: its id, weight, direction, normaliser and missing-data policy.</summary>
public sealed class HealthFactorOptions
{
    /// <summary>Gets or sets the id, unique in the whole tree, e.g. <c>"login-frequency"</c>.</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the weight within the factor's group; finite and &gt;= 0 (0 keeps a factor for alerts only).</summary>
    /// <value>The default value is 1.</value>
    public double Weight { get; set; } = 1;

    /// <summary>Gets or sets which way the raw value is good.</summary>
    /// <value>The default value is <see cref="HealthDirection.HigherIsBetter"/>.</value>
    public HealthDirection Direction { get; set; } = HealthDirection.HigherIsBetter;

    /// <summary>Gets or sets how the raw value is mapped onto 0–100.</summary>
    /// <value>The default value is linear from 0 to 1.</value>
    public HealthNormalizerOptions Normalizer { get; set; } = new();

    /// <summary>Gets or sets what happens when the factor has no usable value.</summary>
    /// <value>The default value is <see cref="HealthMissingDataPolicy.Exclude"/>.</value>
    public HealthMissingDataPolicy MissingData { get; set; } = HealthMissingDataPolicy.Exclude;

    /// <summary>Gets or sets how old a value may be, in days, under <see cref="HealthMissingDataPolicy.CarryForward"/>; within [1, 36500].</summary>
    /// <value>The default value is 90.</value>
    public int CarryForwardDays { get; set; } = HealthDefaults.CarryForwardDays;
}

/// <summary>A weighted group of factors and subgroups; its score is the weighted mean of its members with data.</summary>
public sealed class HealthGroupOptions
{
    /// <summary>Gets or sets the id, unique in the whole tree, e.g. <c>"usage"</c>.</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the weight within the parent group; finite and &gt;= 0.</summary>
    /// <value>The default value is 1.</value>
    public double Weight { get; set; } = 1;

    /// <summary>Gets or sets the factors of the group.</summary>
    /// <value>The default value is empty.</value>
    public List<HealthFactorOptions> Factors { get; set; } = [];

    /// <summary>Gets or sets the subgroups of the group.</summary>
    /// <value>The default value is empty.</value>
    public List<HealthGroupOptions> Groups { get; set; } = [];
}

/// <summary>How a raw value is mapped onto 0–100 (before the direction is applied).</summary>
public sealed class HealthNormalizerOptions
{
    /// <summary>Gets or sets the kind of normaliser; only the properties of that kind are used.</summary>
    /// <value>The default value is <see cref="HealthNormalizerKind.Linear"/>.</value>
    public HealthNormalizerKind Kind { get; set; } = HealthNormalizerKind.Linear;

    /// <summary>Gets or sets the raw value that maps to 0 (linear).</summary>
    /// <value>The default value is 0.</value>
    public double Min { get; set; }

    /// <summary>Gets or sets the raw value that maps to 100 (linear); greater than <see cref="Min"/>.</summary>
    /// <value>The default value is 1.</value>
    public double Max { get; set; } = 1;

    /// <summary>Gets or sets the raw value that maps to 50 (logistic).</summary>
    /// <value>The default value is 0.</value>
    public double Midpoint { get; set; }

    /// <summary>Gets or sets how steeply the curve rises at the midpoint (logistic); &gt; 0.</summary>
    /// <value>The default value is 1.</value>
    public double Steepness { get; set; } = 1;

    /// <summary>Gets or sets the raw value that earns 100 (ratio to target); &gt; 0.</summary>
    /// <value>The default value is 1.</value>
    public double Target { get; set; } = 1;

    /// <summary>Gets or sets the steps (step grid), from the lowest values to the highest, adjoining without gap or overlap.</summary>
    /// <value>The default value is empty.</value>
    public List<HealthStepOptions> Steps { get; set; } = [];
}

/// <summary>One step of a step grid: a range of raw values and the points it earns.</summary>
/// <remarks>A value below the first step earns the first step's points; above the last, the last step's.</remarks>
public sealed class HealthStepOptions
{
    /// <summary>Gets or sets the lower bound, or <see langword="null"/> for no lower bound.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? From { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="From"/> itself belongs to this step.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FromInclusive { get; set; } = true;

    /// <summary>Gets or sets the upper bound, or <see langword="null"/> for no upper bound.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? To { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="To"/> itself belongs to this step.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ToInclusive { get; set; }

    /// <summary>Gets or sets the points, within [0, 100], a value in this step earns.</summary>
    /// <value>The default value is 0.</value>
    public double Points { get; set; }
}

/// <summary>A score band: a name and its bounds, <see cref="Min"/> inclusive and <see cref="Max"/> exclusive (inclusive at 100).</summary>
public sealed class HealthBandOptions
{
    /// <summary>Gets or sets the name, e.g. <c>"AtRisk"</c>; other engines consume the band by name.</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the lowest score in the band (inclusive).</summary>
    /// <value>The default value is 0.</value>
    public double Min { get; set; }

    /// <summary>Gets or sets the score where the band ends (exclusive, except 100 which is inclusive).</summary>
    /// <value>The default value is 100.</value>
    public double Max { get; set; } = 100;
}

/// <summary>Trend, hysteresis and alert rules over a customer's score history.</summary>
public sealed class HealthTrendOptions
{
    /// <summary>Gets or sets the length of the trend window in days; within [1, 36500].</summary>
    /// <value>The default value is 90.</value>
    public int WindowDays { get; set; } = HealthDefaults.TrendWindowDays;

    /// <summary>Gets or sets the largest fitted change over the window, in points, still called stable; &gt;= 0.</summary>
    /// <value>The default value is 5.</value>
    public double StablePoints { get; set; } = HealthDefaults.StablePoints;

    /// <summary>Gets or sets the fall within the window, in points, that raises a score-drop alert; &gt; 0.</summary>
    /// <value>The default value is 20 (e.g. 85 → 50 alerts).</value>
    public double ScoreDropPoints { get; set; } = HealthDefaults.ScoreDropPoints;

    /// <summary>Gets or sets how far, in points, a score must fall below its band before the band is left; &gt;= 0.</summary>
    /// <value>The default value is 2.</value>
    public double HysteresisMargin { get; set; } = HealthDefaults.HysteresisMargin;

    /// <summary>Gets or sets after how many consecutive results in a worse band the band is left even within the margin; 0 = never.</summary>
    /// <value>The default value is 3.</value>
    public int HysteresisEvaluations { get; set; } = HealthDefaults.HysteresisEvaluations;

    /// <summary>Gets or sets the usage-collapse rules: a factor whose raw value falls by a percentage within the window.</summary>
    /// <value>The default value is one rule: <c>login-frequency</c> down 80%.</value>
    public List<HealthUsageDropOptions> UsageDrops { get; set; } = HealthDefaults.CreateUsageDrops();
}

/// <summary>A usage-collapse rule: alert when a factor's raw value falls by at least a percentage within the trend window.</summary>
public sealed class HealthUsageDropOptions
{
    /// <summary>Gets or sets the id of the factor watched (a factor of weight 0 can be watched without affecting the score).</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string FactorId { get; set; } = string.Empty;

    /// <summary>Gets or sets the fall, in percent of the first value in the window, that raises the alert; in (0, 100].</summary>
    /// <value>The default value is 80.</value>
    public double DropPercent { get; set; } = HealthDefaults.LoginDropPercent;
}
