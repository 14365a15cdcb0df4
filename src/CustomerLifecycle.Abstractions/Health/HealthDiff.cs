namespace CustomerLifecycle.Health;

/// <summary>Why a score moved between two results: the change of the score and of each factor's points, largest first.</summary>
/// <param name="ScoreChange">The computed score after minus before (a missing computed score counts as 0).</param>
/// <param name="Factors">Each factor's change in points, largest absolute change first, then by id.</param>
public sealed record HealthDiff(double ScoreChange, IReadOnlyList<HealthFactorChange> Factors)
{
    /// <summary>Compares two results factor by factor.</summary>
    /// <param name="before">The earlier result.</param>
    /// <param name="after">The later result.</param>
    /// <returns>The diff; a factor present in only one result counts 0 points in the other.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="after"/> is null.</exception>
    public static HealthDiff Between(HealthResult before, HealthResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<HealthFactorChange>(Math.Max(before.Factors.Count, after.Factors.Count));
        foreach (var earlier in before.Factors)
        {
            var later = after.Factor(earlier.FactorId);
            changes.Add(new HealthFactorChange(earlier.FactorId, earlier.Points, later?.Points ?? 0, earlier.RawValue, later?.RawValue));
        }

        foreach (var later in after.Factors)
        {
            if (before.Factor(later.FactorId) is null)
            {
                changes.Add(new HealthFactorChange(later.FactorId, 0, later.Points, null, later.RawValue));
            }
        }

        changes.Sort(static (a, b) =>
        {
            var byChange = Math.Abs(b.PointsChange).CompareTo(Math.Abs(a.PointsChange));
            return byChange != 0 ? byChange : string.CompareOrdinal(a.FactorId, b.FactorId);
        });
        var scoreChange = (after.ComputedScore?.Value ?? 0) - (before.ComputedScore?.Value ?? 0);
        return new HealthDiff(scoreChange, changes.AsReadOnly());
    }
}

/// <summary>One factor's change in points between two results.</summary>
/// <param name="FactorId">The factor id.</param>
/// <param name="PointsBefore">The points the factor contributed before.</param>
/// <param name="PointsAfter">The points the factor contributed after.</param>
/// <param name="RawValueBefore">The raw value before, or <see langword="null"/> when none was supplied.</param>
/// <param name="RawValueAfter">The raw value after, or <see langword="null"/> when none was supplied.</param>
public sealed record HealthFactorChange(string FactorId, double PointsBefore, double PointsAfter, double? RawValueBefore, double? RawValueAfter)
{
    /// <summary>Gets the change in points: after minus before.</summary>
    public double PointsChange => PointsAfter - PointsBefore;
}
