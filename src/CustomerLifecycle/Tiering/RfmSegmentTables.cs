namespace CustomerLifecycle.Tiering;

/// <summary>Published RFM segment tables for 1–5 scores, ready to use as <see cref="RfmOptions.Segments"/>.</summary>
/// <remarks>Each call returns a new list the caller may change. Sources are cited in docs/tiering.md.</remarks>
public static class RfmSegmentTables
{
    /// <summary>The default table of the R <c>rfm</c> package 0.2.x (<c>rfm_segment</c> example), in its order.</summary>
    /// <returns>Ten rules: Champions, Loyal Customers, Potential Loyalist, New Customers, Promising, Need Attention,
    /// About To Sleep, At Risk, Can't Lose Them, Lost.</returns>
    public static List<RfmSegmentRule> RfmPackage02() =>
    [
        Rule("Champions", 4, 5, 4, 5, 4, 5),
        Rule("Loyal Customers", 2, 5, 3, 5, 3, 5),
        Rule("Potential Loyalist", 3, 5, 1, 3, 1, 3),
        Rule("New Customers", 4, 5, 1, 1, 1, 1),
        Rule("Promising", 3, 4, 1, 1, 1, 1),
        Rule("Need Attention", 2, 3, 2, 3, 2, 3),
        Rule("About To Sleep", 2, 3, 1, 2, 1, 2),
        Rule("At Risk", 1, 2, 2, 5, 2, 5),
        Rule("Can't Lose Them", 1, 1, 4, 5, 4, 5),
        Rule("Lost", 1, 2, 1, 2, 1, 2),
    ];

    /// <summary>The default table of the R <c>rfm</c> package 0.3.x (<c>rfm_segment</c> example and README), in its order.</summary>
    /// <returns>Ten rules: Champions, Potential Loyalist, Loyal Customers, Promising, New Customers, Can't Lose Them,
    /// At Risk, Need Attention, About To Sleep, Lost.</returns>
    public static List<RfmSegmentRule> RfmPackage03() =>
    [
        Rule("Champions", 5, 5, 5, 5, 5, 5),
        Rule("Potential Loyalist", 3, 5, 3, 5, 2, 5),
        Rule("Loyal Customers", 2, 4, 2, 4, 2, 4),
        Rule("Promising", 3, 4, 1, 3, 3, 5),
        Rule("New Customers", 4, 5, 1, 3, 1, 5),
        Rule("Can't Lose Them", 1, 2, 3, 4, 4, 5),
        Rule("At Risk", 1, 2, 2, 5, 4, 5),
        Rule("Need Attention", 1, 3, 3, 5, 3, 5),
        Rule("About To Sleep", 2, 3, 1, 3, 1, 4),
        Rule("Lost", 1, 1, 1, 5, 1, 5),
    ];

    /// <summary>The widely published 11-segment grid over the recency score and the average of the frequency and
    /// monetary scores, in its published order.</summary>
    /// <returns>Eleven rules: Champions, Loyal Customers, Potential Loyalist, Recent Customers, Promising, Customers
    /// Needing Attention, About To Sleep, At Risk, Can't Lose Them, Hibernating, Lost.</returns>
    /// <remarks>The grid was drawn as overlapping areas. Tried first-match-wins in its published order, four rows can never
    /// match with 1–5 scores: Recent Customers and Promising (covered by Potential Loyalist), Can't Lose Them (covered by
    /// At Risk) and Lost (covered by Hibernating). It is shipped as published; reorder or narrow the rows to change that.</remarks>
    public static List<RfmSegmentRule> ElevenSegmentGrid() =>
    [
        Grid("Champions", 4, 5, 4, 5),
        Grid("Loyal Customers", 2, 5, 3, 5),
        Grid("Potential Loyalist", 3, 5, 1, 3),
        Grid("Recent Customers", 4, 5, 0, 1),
        Grid("Promising", 3, 4, 0, 1),
        Grid("Customers Needing Attention", 2, 3, 2, 3),
        Grid("About To Sleep", 2, 3, 0, 2),
        Grid("At Risk", 0, 2, 2, 5),
        Grid("Can't Lose Them", 0, 1, 4, 5),
        Grid("Hibernating", 1, 2, 1, 2),
        Grid("Lost", 0, 2, 0, 2),
    ];

    private static RfmSegmentRule Rule(string name, double rMin, double rMax, double fMin, double fMax, double mMin, double mMax) => new()
    {
        Name = name,
        Recency = new ScoreRange(rMin, rMax),
        Frequency = new ScoreRange(fMin, fMax),
        Monetary = new ScoreRange(mMin, mMax),
    };

    private static RfmSegmentRule Grid(string name, double rMin, double rMax, double fmMin, double fmMax) => new()
    {
        Name = name,
        Recency = new ScoreRange(rMin, rMax),
        FrequencyMonetaryAverage = new ScoreRange(fmMin, fmMax),
    };
}
