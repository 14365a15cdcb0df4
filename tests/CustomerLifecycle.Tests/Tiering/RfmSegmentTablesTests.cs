using CustomerLifecycle.Tiering;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class RfmSegmentTablesTests
{
    [Fact]
    public void RfmPackage02_HasThePublishedNamesInOrder()
    {
        Assert.Equal(
            ["Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising", "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"],
            RfmSegmentTables.RfmPackage02().Select(r => r.Name));
    }

    [Fact]
    public void RfmPackage03_HasThePublishedNamesInOrder()
    {
        Assert.Equal(
            ["Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers", "Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost"],
            RfmSegmentTables.RfmPackage03().Select(r => r.Name));
    }

    [Fact]
    public void ElevenSegmentGrid_FourRowsAreShadowedInThePublishedOrder()
    {
        var reachable = Reachable(RfmSegmentTables.ElevenSegmentGrid());

        Assert.Equal(
            ["Champions", "Loyal Customers", "Potential Loyalist", "Customers Needing Attention", "About To Sleep", "At Risk", "Hibernating"],
            reachable);
    }

    [Fact]
    public void RfmPackage03_CountsOfScoreTriplesPerSegment()
    {
        // All 125 (R, F, M) triples, first match wins: a fingerprint of the whole table.
        var counts = Count(RfmSegmentTables.RfmPackage03());

        Assert.Equal(
            "Champions:1, Potential Loyalist:35, Loyal Customers:15, Promising:8, New Customers:15, Can't Lose Them:6, At Risk:7, Need Attention:4, About To Sleep:10, Lost:14, Others:10",
            counts);
    }

    [Fact]
    public void RfmPackage02_CountsOfScoreTriplesPerSegment()
    {
        var counts = Count(RfmSegmentTables.RfmPackage02());

        Assert.Equal(
            "Champions:8, Loyal Customers:28, Potential Loyalist:24, New Customers:0, Promising:0, Need Attention:3, About To Sleep:3, At Risk:20, Can't Lose Them:0, Lost:3, Others:36",
            counts);
    }

    [Fact]
    public void Tables_AreNewListsEachCall()
    {
        var first = RfmSegmentTables.RfmPackage02();
        first.Clear();

        Assert.Equal(10, RfmSegmentTables.RfmPackage02().Count);
    }

    private static List<string> Reachable(List<RfmSegmentRule> rules)
        => [.. rules.Where((rule, i) => Triples().Any(t => First(rules, t) == i)).Select(r => r.Name)];

    private static string Count(List<RfmSegmentRule> rules)
    {
        var counts = new int[rules.Count + 1];
        foreach (var t in Triples())
        {
            var first = First(rules, t);
            counts[first < 0 ? rules.Count : first]++;
        }

        return string.Join(", ", rules.Select((r, i) => $"{r.Name}:{counts[i]}").Append($"Others:{counts[^1]}"));
    }

    private static int First(List<RfmSegmentRule> rules, (int R, int F, int M) t)
        => rules.FindIndex(r => r.Matches(t.R, t.F, t.M));

    private static IEnumerable<(int R, int F, int M)> Triples()
        => from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) from m in Enumerable.Range(1, 5) select (r, f, m);
}
