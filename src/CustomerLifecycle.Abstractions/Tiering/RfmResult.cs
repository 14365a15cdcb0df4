namespace CustomerLifecycle.Tiering;

/// <summary>One customer's RFM scores and segment with everything behind them: the raw values, the cut points and every segment rule tried.</summary>
/// <remarks>A cut point of a score no customer reaches (the population leaves it empty) is infinite.</remarks>
/// <param name="RecencyDays">Days from the last purchase to the evaluation instant; <see cref="double.PositiveInfinity"/> when the customer never bought.</param>
/// <param name="Frequency">The raw frequency.</param>
/// <param name="Monetary">The raw monetary value.</param>
/// <param name="Score">The scores and segment.</param>
/// <param name="RecencyCutDays">The recency cut points in days, descending: a recency of at most <c>RecencyCutDays[i]</c> days earns a score of at least <c>i + 2</c>.</param>
/// <param name="FrequencyCuts">The frequency cut points: a frequency of at least <c>FrequencyCuts[i]</c> earns a score of at least <c>i + 2</c>.</param>
/// <param name="MonetaryCuts">The monetary cut points: a monetary value of at least <c>MonetaryCuts[i]</c> earns a score of at least <c>i + 2</c>.</param>
/// <param name="Reasons">The segment rules in order, each as a reason saying whether it matched.</param>
public sealed record RfmResult(
    double RecencyDays,
    int Frequency,
    double Monetary,
    RfmScore Score,
    IReadOnlyList<double> RecencyCutDays,
    IReadOnlyList<double> FrequencyCuts,
    IReadOnlyList<double> MonetaryCuts,
    IReadOnlyList<Reason> Reasons);
