namespace CustomerLifecycle.Tiering;

/// <summary>Revenue-share (Pareto) tiers: value cut points such that each tier is the smallest next group reaching its
/// cumulative share of the population's positive value.</summary>
/// <remarks>
/// Customers are taken from the highest value down; a group is never split inside a run of equal values (equal values get
/// equal tiers), so a group may overshoot its target by that run. Sums run over the sorted values, so the result does not
/// depend on input order. Customers with a value of 0 or less are in the last tier; when no one has a positive value,
/// everyone is.
/// </remarks>
internal static class ParetoCuts
{
    // A relative hair, so a group that reaches its target exactly is not pushed one run further by rounding.
    private const double Tolerance = 1e-12;

    /// <summary>Sorts <paramref name="scratch"/> (the population's values, in any order) and writes one cut per tier but the
    /// last: a value of at least <c>cuts[t]</c>, and below the cuts before it, is in tier <c>t</c>. Returns the total
    /// positive value.</summary>
    public static double FromScratch(Span<double> scratch, ReadOnlySpan<double> cumulativeTargets, Span<double> cuts)
    {
        cuts.Fill(double.PositiveInfinity);
        scratch.Sort();
        var total = 0.0;
        for (var i = scratch.Length - 1; i >= 0 && scratch[i] > 0; i--)
        {
            total += scratch[i];
        }

        var tier = 0;
        var cumulative = 0.0;
        while (tier < cuts.Length && Reached(cumulative, cumulativeTargets[tier], total))
        {
            tier++;
        }

        var j = scratch.Length - 1;
        while (j >= 0 && scratch[j] > 0 && tier < cuts.Length)
        {
            var value = scratch[j];
            while (j >= 0 && scratch[j] == value)
            {
                cumulative += value;
                j--;
            }

            while (tier < cuts.Length && Reached(cumulative, cumulativeTargets[tier], total))
            {
                cuts[tier] = value;
                tier++;
            }
        }

        return total;
    }

    /// <summary>The tier of <paramref name="value"/> given the cuts.</summary>
    public static int Tier(double value, ReadOnlySpan<double> cuts)
    {
        for (var t = 0; t < cuts.Length; t++)
        {
            if (value >= cuts[t])
            {
                return t;
            }
        }

        return cuts.Length;
    }

    private static bool Reached(double cumulative, double target, double total)
        => total <= 0 || cumulative >= target * total * (1 - Tolerance);
}
