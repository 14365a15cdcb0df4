using System.Collections.Immutable;

namespace CustomerLifecycle.Tiering;

/// <summary>A population's RFM cut points, from <see cref="TieringEngine.ComputeRfmCuts"/>, so that single customers can
/// later be scored against that population without handing it in again.</summary>
public sealed class RfmCuts
{
    internal RfmCuts(ImmutableArray<double> recencyDays, ImmutableArray<double> frequency, ImmutableArray<double> monetary)
    {
        RecencyDays = recencyDays;
        Frequency = frequency;
        Monetary = monetary;
    }

    /// <summary>Gets the recency cut points in days, descending: at most <c>RecencyDays[i]</c> days earns a recency score of
    /// at least <c>i + 2</c> (negative infinity for a score nobody reaches).</summary>
    public ImmutableArray<double> RecencyDays { get; }

    /// <summary>Gets the frequency cut points, ascending: at least <c>Frequency[i]</c> earns a score of at least <c>i + 2</c>.</summary>
    public ImmutableArray<double> Frequency { get; }

    /// <summary>Gets the monetary cut points, ascending: at least <c>Monetary[i]</c> earns a score of at least <c>i + 2</c>.</summary>
    public ImmutableArray<double> Monetary { get; }
}
