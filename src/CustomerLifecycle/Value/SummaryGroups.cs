namespace CustomerLifecycle.Value;

/// <summary>
/// Customers compressed to their distinct (x, tₓ, T) with a count each, and the distinct frequencies, so that the
/// likelihood evaluates each shared term once.
/// </summary>
internal sealed class SummaryGroups
{
    private SummaryGroups(int[] x, double[] recency, double[] t, double[] count, int[] distinctX, int[] xIndex, double total)
    {
        X = x;
        Recency = recency;
        T = t;
        Count = count;
        DistinctX = distinctX;
        XIndex = xIndex;
        Total = total;
    }

    public int[] X { get; }

    public double[] Recency { get; }

    public double[] T { get; }

    public double[] Count { get; }

    public int[] DistinctX { get; }

    /// <summary>For each group, the index of its frequency in <see cref="DistinctX"/>.</summary>
    public int[] XIndex { get; }

    public double Total { get; }

    public int Length => X.Length;

    public bool AnyRepeat => DistinctX.Length > 0 && DistinctX[^1] > 0;

    /// <summary>
    /// The customers' mean age T, where the fits start their rate scales (rates near one purchase per customer lifetime);
    /// at least 10⁻³ periods, so that a population observed only on its first day still starts at a positive scale.
    /// </summary>
    public double MeanT()
    {
        const double Floor = 1e-3;
        var sum = 0.0;
        for (var i = 0; i < Length; i++)
        {
            sum += T[i] * Count[i];
        }

        return Math.Max(sum / Total, Floor);
    }

    public static SummaryGroups From(ReadOnlySpan<CustomerSummary> customers)
    {
        var index = new Dictionary<(int X, double Recency, double T), int>();
        var counts = new List<double>();
        foreach (ref readonly var c in customers)
        {
            var key = (c.Frequency, c.Recency, c.T);
            if (index.TryGetValue(key, out var i))
            {
                counts[i]++;
            }
            else
            {
                index.Add(key, counts.Count);
                counts.Add(1);
            }
        }

        var n = counts.Count;
        var x = new int[n];
        var recency = new double[n];
        var t = new double[n];
        foreach (var (key, i) in index)
        {
            x[i] = key.X;
            recency[i] = key.Recency;
            t[i] = key.T;
        }

        var distinct = x.Distinct().Order().ToArray();
        var position = new Dictionary<int, int>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            position.Add(distinct[i], i);
        }

        var xIndex = new int[n];
        for (var i = 0; i < n; i++)
        {
            xIndex[i] = position[x[i]];
        }

        return new SummaryGroups(x, recency, t, [.. counts], distinct, xIndex, customers.Length);
    }
}
