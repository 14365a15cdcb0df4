using CustomerLifecycle.Health;
using NodaTime;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthSignalsTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 1, 0, 0);

    [Fact]
    public void LoginsPerWeek_CountsTheLast4WeeksByDefault()
    {
        Assert.Equal(3, HealthSignals.LoginsPerWeek(12));
        Assert.Equal(1, HealthSignals.LoginsPerWeek(2, 14));
        Instant[] logins = [AsOf, AsOf - Duration.FromDays(1), AsOf - Duration.FromDays(27), AsOf - Duration.FromDays(28), AsOf + Duration.FromDays(1)];
        Assert.Equal(0.75, HealthSignals.LoginsPerWeek(logins, AsOf)); // 3 logins in (asOf − 28 days, asOf]
    }

    [Fact]
    public void FeatureAdoption_IsUsedOverAvailable()
    {
        Assert.Equal(0.25, HealthSignals.FeatureAdoption(5, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthSignals.FeatureAdoption(21, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthSignals.FeatureAdoption(0, 0));
    }

    [Fact]
    public void UsageTrend_IsTheRelativeChange()
    {
        Assert.Equal(-0.8, HealthSignals.UsageTrend(20, 100), 12);
        Assert.Equal(0.5, HealthSignals.UsageTrend(150, 100), 12);
        Assert.Equal(0, HealthSignals.UsageTrend(0, 0));
        Assert.Equal(double.NaN, HealthSignals.UsageTrend(5, 0));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => HealthSignals.UsageTrend(double.NaN, 1));
        Assert.StartsWith("Value should be a finite number >= 0 but was NaN.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SurveyAnswers_MapOntoTheNpsScale()
    {
        Assert.Equal(9, HealthSignals.NpsAnswer(9));
        Assert.Equal(0, HealthSignals.CsatAnswer(1));
        Assert.Equal(7.5, HealthSignals.CsatAnswer(4));
        Assert.Equal(10, HealthSignals.CsatAnswer(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthSignals.NpsAnswer(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthSignals.CsatAnswer(0));
    }

    [Fact]
    public void SupportLoadAndDaysOverdue()
    {
        Assert.Equal(3, HealthSignals.SupportLoad(1, 2));
        Assert.Equal(10, HealthSignals.DaysOverdue(AsOf - Duration.FromDays(10), null, AsOf));
        Assert.Equal(2.5, HealthSignals.DaysOverdue(AsOf - Duration.FromDays(10), AsOf - Duration.FromHours(180), AsOf));
        Assert.Equal(0, HealthSignals.DaysOverdue(AsOf + Duration.FromDays(3), null, AsOf));
    }
}
