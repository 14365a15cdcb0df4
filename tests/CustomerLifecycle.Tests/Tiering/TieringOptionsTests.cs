using CustomerLifecycle.Serialization;
using CustomerLifecycle.Tiering;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringOptionsTests
{
    [Fact]
    public void Defaults_FollowTheDesign()
    {
        var options = new TieringOptions();

        Assert.Equal(5, options.Rfm.ScoreCount);
        Assert.Equal(RfmScoringMethod.Quantiles, options.Rfm.Method);
        Assert.Equal("Others", options.Rfm.UnmatchedSegment);
        Assert.Equal(0, options.Rfm.WindowDays);
        Assert.Equal(
            [("Core", 50.0, 30, 15), ("Key", 30.0, 91, 30), ("Potential", 15.0, 182, 60), ("General", 5.0, 365, 90)],
            options.Tiers.Select(t => (t.Name, t.RevenueSharePercent, t.ContactIntervalDays, t.MinimumContactGapDays)));
        Assert.Equal(["Core", "Key", "Key", "Potential"], options.Rules.Select(r => r.Tier));
        Assert.Equal("General", options.FallbackTier);
        Assert.Equal(3, options.Hysteresis.DowngradeAfterEvaluations);
        Assert.Equal(1, options.Hysteresis.MaxTiersPerDowngrade);
        Assert.Equal(30, options.Cadence.KeyMomentLookaheadDays);
    }

    [Fact]
    public void Json_RoundTripsThePolicy()
    {
        var options = new TieringOptions();
        options.Rfm.Segments = RfmSegmentTables.ElevenSegmentGrid();
        options.Tiers[0].RevenueSharePercent = 60;

        var json = PolicyJson.Serialize(options);
        var back = PolicyJson.Deserialize<TieringOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Equal(11, back.Rfm.Segments.Count);
        Assert.Equal(60, back.Tiers[0].RevenueSharePercent);
        Assert.Contains("\"operator\": \"AtOrAbove\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ListsReplaceTheDefaults()
    {
        var back = PolicyJson.Deserialize<TieringOptions>("""{ "tiers": [ { "name": "All", "revenueSharePercent": 100 } ], "rules": [], "fallbackTier": "All" }""");

        Assert.Equal(["All"], back.Tiers.Select(t => t.Name));
        Assert.Equal(["All"], new TieringEngine(back).TierNames.ToArray());
    }
}
