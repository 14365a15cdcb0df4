using System.Collections.Immutable;

namespace CustomerLifecycle.Tiering;

/// <summary>The revenue-share cut points of a population, from <see cref="TieringEngine.ComputeValueCuts"/>, so that single
/// customers can later be tiered against that population without handing it in again.</summary>
public sealed class ValueTierCuts
{
    internal ValueTierCuts(ImmutableArray<double> cuts, double total)
    {
        Cuts = cuts;
        Total = total;
    }

    /// <summary>Gets one value cut per tier but the last, best first: a value of at least <c>Cuts[t]</c>, and below the cuts
    /// before it, is in tier <c>t</c>; the cut of a tier left empty is positive infinity.</summary>
    public ImmutableArray<double> Cuts { get; }

    /// <summary>Gets the population's total positive value (the denominator of value shares).</summary>
    public double Total { get; }
}
