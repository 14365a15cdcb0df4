using CustomerLifecycle.Health;
using NodaTime;
using static CustomerLifecycle.Tests.Health.HealthTestPolicies;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthTrendTests
{
    private static readonly HealthEngine Engine = new(ScoreAndLogins());

    [Fact]
    public void FallFrom85To50_RaisesBandDropScoreDropAndUsageDropAlerts()
    {
        HealthResult[] history =
        [
            Scored(Engine, 0, 85, logins: 5),
            Scored(Engine, 30, 70, logins: 3),
            Scored(Engine, 60, 50, logins: 1),
        ];
        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(60));

        Assert.Equal(AsOf - Duration.FromDays(30), trend.WindowStart);
        Assert.Equal(3, trend.Count);
        Assert.Equal(-35, trend.Change);
        Assert.Equal(-1050.0 / 1800, trend.SlopePerDay!.Value, 12);
        Assert.Equal(35, trend.LargestFall);
        Assert.Equal(HealthTrendDirection.Declining, trend.Direction);
        Assert.Equal("AtRisk", trend.Band);
        Assert.Equal("Warning", trend.PreviousBand);
        Assert.Equal([HealthAlertKind.BandDrop, HealthAlertKind.ScoreDrop, HealthAlertKind.UsageDrop], trend.Alerts.Select(a => a.Kind));
        Assert.Equal(["health.band-drop", "health.score-drop", "health.usage-drop"], trend.Alerts.Select(a => a.Reason.Code));
        Assert.Equal("The band fell from Warning to AtRisk at score 50.", trend.Alerts[0].Reason.Message);
        Assert.Equal(
            "The score fell 35 points within 90 days, from 85 at 2026-11-01T00:00:00Z to 50 at 2026-12-31T00:00:00Z.",
            trend.Alerts[1].Reason.Message);
        Assert.Equal("Factor \"logins\" fell 80% within 90 days, from 5 to 1 (alert at 80%).", trend.Alerts[2].Reason.Message);
        Assert.Equal("logins", trend.Alerts[2].FactorId);
        Assert.Equal(AsOf + Duration.FromDays(60), trend.Alerts[2].At);
    }

    [Fact]
    public void ScoreHoveringAtABoundary_DoesNotFlap()
    {
        HealthResult[] history =
        [
            Scored(Engine, 0, 85),
            Scored(Engine, 7, 79),
            Scored(Engine, 14, 81),
            Scored(Engine, 21, 79.5),
            Scored(Engine, 28, 80.5),
            Scored(Engine, 35, 78.5),
        ];
        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(35));

        Assert.Equal("Healthy", trend.Band);
        Assert.Equal("Healthy", trend.PreviousBand);
        Assert.DoesNotContain(trend.Alerts, a => a.Kind == HealthAlertKind.BandDrop);
    }

    [Fact]
    public void ABandIsLeftPastTheMargin()
    {
        HealthResult[] history = [Scored(Engine, 0, 85), Scored(Engine, 7, 77.9)];

        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(7));

        Assert.Equal("Warning", trend.Band);
        Assert.Equal(HealthAlertKind.BandDrop, Assert.Single(trend.Alerts).Kind);
    }

    [Fact]
    public void ABandIsLeftAfterConsecutiveEvaluationsWithinTheMargin()
    {
        var history = new List<HealthResult> { Scored(Engine, 0, 85), Scored(Engine, 7, 79), Scored(Engine, 14, 79) };
        Assert.Equal("Healthy", Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(14)).Band);

        history.Add(Scored(Engine, 21, 79));
        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(21));

        Assert.Equal("Warning", trend.Band);
        Assert.Equal("Healthy", trend.PreviousBand);
    }

    [Fact]
    public void ABetterBandIsEnteredAtItsThreshold()
    {
        HealthResult[] history = [Scored(Engine, 0, 70), Scored(Engine, 7, 80)];

        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(7));

        Assert.Equal("Healthy", trend.Band);
        Assert.Empty(trend.Alerts);
        Assert.Equal(HealthTrendDirection.Improving, trend.Direction);
    }

    [Fact]
    public void SmallMoves_AreStableAndResultsOutsideTheWindowAreIgnored()
    {
        HealthResult[] history = [Scored(Engine, 0, 20), Scored(Engine, 100, 70), Scored(Engine, 130, 72), Scored(Engine, 160, 68)];

        var trend = Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(160));

        Assert.Equal(3, trend.Count);
        Assert.Equal(-2, trend.Change);
        Assert.Equal(HealthTrendDirection.Stable, trend.Direction);
        Assert.Equal(4, trend.LargestFall);
        Assert.Empty(trend.Alerts);
    }

    [Fact]
    public void EmptyHistory_HasNoTrend()
    {
        var trend = Engine.AnalyzeTrend([], AsOf);

        Assert.Equal(0, trend.Count);
        Assert.Null(trend.Change);
        Assert.Null(trend.SlopePerDay);
        Assert.Null(trend.Band);
        Assert.Equal(HealthTrendDirection.Unknown, trend.Direction);
        Assert.Empty(trend.Alerts);
    }

    [Fact]
    public void HistoryOutOfOrder_IsRejected()
    {
        HealthResult[] history = [Scored(Engine, 7, 80), Scored(Engine, 0, 70)];

        var ex = Assert.Throws<ArgumentException>(() => Engine.AnalyzeTrend(history, AsOf + Duration.FromDays(7)));

        Assert.Equal("history", ex.ParamName);
        Assert.StartsWith(
            "history[1] is at 2026-11-01T00:00:00Z, before history[0] at 2026-11-08T00:00:00Z; the history must be in time order.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryAfterAsOf_IsRejected()
    {
        HealthResult[] history = [Scored(Engine, 7, 80)];

        var ex = Assert.Throws<ArgumentException>(() => Engine.AnalyzeTrend(history, AsOf));

        Assert.StartsWith(
            "history[0] is at 2026-11-08T00:00:00Z, after asOf 2026-11-01T00:00:00Z; the history must end at or before the analysis.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void SettleBand_AppliesTheHysteresisOneScoreAtATime()
    {
        var first = Engine.SettleBand(null, HealthScore.From(85));
        var within = Engine.SettleBand(first, HealthScore.From(79));
        var past = Engine.SettleBand(within, HealthScore.From(77.5));

        Assert.Equal(new HealthBandState("Healthy", 0), first);
        Assert.Equal(new HealthBandState("Healthy", 1), within);
        Assert.Equal(new HealthBandState("Warning", 0), past);
        Assert.Equal(new HealthBandState("Healthy", 0), Engine.SettleBand(past, HealthScore.From(80)));
        var ex = Assert.Throws<ArgumentException>(() => Engine.SettleBand(new HealthBandState("Red", 0), HealthScore.From(50)));
        Assert.StartsWith("The band \"Red\" is not one of the policy's bands (Healthy, Warning, AtRisk).", ex.Message, StringComparison.Ordinal);
    }
}
