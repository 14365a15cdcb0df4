namespace CustomerLifecycle.Tiering;

/// <summary>A named RFM segment: score ranges that must all hold. Rules are tried in order; the first that matches wins.</summary>
public sealed class RfmSegmentRule
{
    /// <summary>Gets or sets the segment's name, e.g. <c>"Champions"</c>.</summary>
    /// <value>The default value is the empty string, which the validator rejects.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the accepted recency scores, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ScoreRange? Recency { get; set; }

    /// <summary>Gets or sets the accepted frequency scores, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ScoreRange? Frequency { get; set; }

    /// <summary>Gets or sets the accepted monetary scores, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ScoreRange? Monetary { get; set; }

    /// <summary>Gets or sets the accepted average of the frequency and monetary scores, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ScoreRange? FrequencyMonetaryAverage { get; set; }

    /// <summary>Returns whether the scores fall in every range this rule sets.</summary>
    /// <param name="recency">The recency score.</param>
    /// <param name="frequency">The frequency score.</param>
    /// <param name="monetary">The monetary score.</param>
    /// <returns><see langword="true"/> when the rule matches.</returns>
    public bool Matches(int recency, int frequency, int monetary)
        => (Recency is null || Recency.Contains(recency))
           && (Frequency is null || Frequency.Contains(frequency))
           && (Monetary is null || Monetary.Contains(monetary))
           && (FrequencyMonetaryAverage is null || FrequencyMonetaryAverage.Contains((frequency + monetary) / 2.0));
}
