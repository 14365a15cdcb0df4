using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>One customer's health: the score in force, its band, the computed score beside any override, and why.</summary>
/// <remarks>
/// <see cref="Score"/> is the score in force: the override's while one is in force, otherwise the computed score.
/// When the customer could not be scored (<see cref="Status"/> is not <see cref="HealthStatus.Scored"/>) the computed score
/// and band are <see langword="null"/>. The <see cref="HealthFactorContribution.Points"/> of <see cref="Factors"/> sum to
/// <see cref="ComputedScore"/>.
/// </remarks>
/// <param name="AsOf">The instant the customer was scored at.</param>
/// <param name="Status">Whether the customer could be scored.</param>
/// <param name="Score">The score in force, or <see langword="null"/> when there is neither a computed score nor an override.</param>
/// <param name="Band">The band of <see cref="Score"/>, e.g. <c>"Warning"</c>, or <see langword="null"/> with it.</param>
/// <param name="ComputedScore">The score computed from the factors, or <see langword="null"/> when not scored.</param>
/// <param name="ComputedBand">The band of <see cref="ComputedScore"/>, or <see langword="null"/> with it.</param>
/// <param name="Coverage">The share of the weight, within [0, 1], that had data.</param>
/// <param name="Override">The manual override in force, or <see langword="null"/> when none is.</param>
/// <param name="Factors">Every factor of the policy, in slot order, with its contribution.</param>
/// <param name="Groups">Every group of the policy (none for a policy without groups), parents before children, with its contribution.</param>
/// <param name="Reasons">Why: the band, each factor without data, the override.</param>
public sealed record HealthResult(
    Instant AsOf,
    HealthStatus Status,
    HealthScore? Score,
    string? Band,
    HealthScore? ComputedScore,
    string? ComputedBand,
    double Coverage,
    HealthOverride? Override,
    IReadOnlyList<HealthFactorContribution> Factors,
    IReadOnlyList<HealthGroupContribution> Groups,
    IReadOnlyList<Reason> Reasons)
{
    /// <summary>Gets the contribution of a factor by id, or <see langword="null"/> when the result has no such factor.</summary>
    /// <param name="factorId">The factor id.</param>
    /// <returns>The contribution, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factorId"/> is null.</exception>
    public HealthFactorContribution? Factor(string factorId)
    {
        ArgumentNullException.ThrowIfNull(factorId);
        foreach (var factor in Factors)
        {
            if (string.Equals(factor.FactorId, factorId, StringComparison.Ordinal))
            {
                return factor;
            }
        }

        return null;
    }
}
