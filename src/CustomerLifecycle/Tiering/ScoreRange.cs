namespace CustomerLifecycle.Tiering;

/// <summary>An inclusive range of scores a segment rule accepts, e.g. 4 to 5.</summary>
public sealed class ScoreRange
{
    /// <summary>Creates the range 1 to 5.</summary>
    public ScoreRange()
    {
    }

    /// <summary>Creates an inclusive range.</summary>
    /// <param name="min">The lowest accepted score.</param>
    /// <param name="max">The highest accepted score.</param>
    public ScoreRange(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Gets or sets the lowest accepted score (inclusive).</summary>
    /// <value>The default value is 1.</value>
    public double Min { get; set; } = TieringDefaults.ScoreRangeMin;

    /// <summary>Gets or sets the highest accepted score (inclusive).</summary>
    /// <value>The default value is 5.</value>
    public double Max { get; set; } = TieringDefaults.ScoreRangeMax;

    /// <summary>Returns whether <paramref name="score"/> lies in the range.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> when <c>Min &lt;= score &lt;= Max</c>.</returns>
    public bool Contains(double score) => score >= Min && score <= Max;
}
