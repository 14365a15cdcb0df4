namespace CustomerLifecycle.Tiering;

/// <summary>How recency, frequency and monetary values are measured, scored and named as segments.</summary>
public sealed class RfmOptions
{
    /// <summary>Gets or sets the number of scores per dimension (scores run from 1 to this).</summary>
    /// <value>The default value is 5 (quintiles).</value>
    public int ScoreCount { get; set; } = TieringDefaults.RfmScoreCount;

    /// <summary>Gets or sets how raw values become scores.</summary>
    /// <value>The default value is <see cref="RfmScoringMethod.Quantiles"/>.</value>
    public RfmScoringMethod Method { get; set; } = RfmScoringMethod.Quantiles;

    /// <summary>Gets or sets, for <see cref="RfmScoringMethod.Thresholds"/>, the ascending recency cut points in days
    /// (<see cref="ScoreCount"/> − 1 of them): at most the first earns the top score, more than the last earns 1.</summary>
    /// <value>The default value is 30, 90, 180, 365.</value>
    public List<double> RecencyDaysCuts { get; set; } = [.. TieringDefaults.RecencyDaysCuts];

    /// <summary>Gets or sets, for <see cref="RfmScoringMethod.Thresholds"/>, the ascending frequency cut points
    /// (<see cref="ScoreCount"/> − 1 of them): reaching the i-th (from 0) earns at least score i + 2.</summary>
    /// <value>The default value is 2, 3, 5, 10.</value>
    public List<double> FrequencyCuts { get; set; } = [.. TieringDefaults.FrequencyCuts];

    /// <summary>Gets or sets, for <see cref="RfmScoringMethod.Thresholds"/>, the ascending monetary cut points
    /// (<see cref="ScoreCount"/> − 1 of them): reaching the i-th (from 0) earns at least score i + 2.</summary>
    /// <value>The default value is 100, 500, 1000, 5000.</value>
    public List<double> MonetaryCuts { get; set; } = [.. TieringDefaults.MonetaryCuts];

    /// <summary>Gets or sets how many days of history <see cref="TieringEngine.Summarize"/> looks at; 0 for all of it.</summary>
    /// <value>The default value is 0 (all history, as the R <c>rfm</c> package does).</value>
    public int WindowDays { get; set; }

    /// <summary>Gets or sets the segment rules, tried in order; the first that matches names the segment.</summary>
    /// <value>The default value is <see cref="RfmSegmentTables.RfmPackage03"/>, the R <c>rfm</c> 0.3 table.</value>
    public List<RfmSegmentRule> Segments { get; set; } = RfmSegmentTables.RfmPackage03();

    /// <summary>Gets or sets the segment name of customers no rule matches.</summary>
    /// <value>The default value is <c>"Others"</c>.</value>
    public string UnmatchedSegment { get; set; } = TieringDefaults.UnmatchedSegment;
}
