namespace CustomerLifecycle.Health;

/// <summary>How a parent account's health is derived from its children's.</summary>
public enum HealthRollUpMethod
{
    /// <summary>The plain mean of the children's scores.</summary>
    Mean = 0,

    /// <summary>The mean weighted by each child's weight (e.g. its revenue).</summary>
    Weighted = 1,

    /// <summary>The lowest child score.</summary>
    Worst = 2,
}

/// <summary>A child account's score and weight, input to a roll-up.</summary>
/// <param name="Id">The child's id in the host's system.</param>
/// <param name="Score">The child's health score.</param>
/// <param name="Weight">The child's weight (e.g. revenue), used by <see cref="HealthRollUpMethod.Weighted"/>; finite and &gt;= 0.</param>
public readonly record struct HealthRollUpChild(string Id, HealthScore Score, double Weight = 1);

/// <summary>How one child contributed to a roll-up.</summary>
/// <param name="Id">The child's id.</param>
/// <param name="Score">The child's score.</param>
/// <param name="Share">The child's share of the parent's score, within [0, 1].</param>
/// <param name="Points">The points contributed: <see cref="Share"/> × score; the points of all children sum to the parent's score.</param>
public sealed record HealthRollUpContribution(string Id, HealthScore Score, double Share, double Points);

/// <summary>A parent account's health derived from its children, explained.</summary>
/// <param name="Method">The roll-up method used.</param>
/// <param name="Score">The parent's score.</param>
/// <param name="Band">The band of the parent's score.</param>
/// <param name="Children">Each child's contribution, in input order.</param>
/// <param name="Reason">A <c>health.roll-up</c> reason stating the method and the result.</param>
public sealed record HealthRollUpResult(HealthRollUpMethod Method, HealthScore Score, string Band, IReadOnlyList<HealthRollUpContribution> Children, Reason Reason);
