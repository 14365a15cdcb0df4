using CustomerLifecycle.Health;
using NodaTime;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthScoreTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(63.25)]
    [InlineData(100)]
    public void From_AcceptsTheRange(double value) => Assert.Equal(value, HealthScore.From(value).Value);

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(100.5, "100.5")]
    [InlineData(double.NaN, "NaN")]
    public void From_RejectsOutsideTheRangeAndNaN(double value, string text)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => HealthScore.From(value));
        Assert.StartsWith($"A health score should be in range [0-100] but was {text}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_HasUpToTwoDecimals() => Assert.Equal("66.67", HealthScore.From(200.0 / 3).ToString());

    [Fact]
    public void Input_DefaultHasNoValues()
    {
        var input = default(HealthInput);
        Assert.True(input.IsEmpty);
        Assert.False(input.HasValue(3));
        Assert.Equal(double.NaN, input.GetValue(3));
        Assert.Null(input.GetObservedAt(3));
    }

    [Fact]
    public void Input_SetAndClear()
    {
        var input = default(HealthInput);
        var at = Instant.FromUtc(2026, 1, 2, 3, 4);
        input.Set(15, 2.5, at);
        Assert.Equal(2.5, input.GetValue(15));
        Assert.Equal(at, input.GetObservedAt(15));
        input.Set(15, 3);
        Assert.Null(input.GetObservedAt(15));
        input.Clear(15);
        Assert.True(input.IsEmpty);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => input.Set(16, 1));
        Assert.StartsWith("A factor slot should be in range [0-15] but was 16.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_RequiresAReasonAndAnAuthor()
    {
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        Assert.Throws<ArgumentException>(() => new HealthOverride(HealthScore.From(50), " ", "maria", at));
        Assert.Throws<ArgumentNullException>(() => new HealthOverride(HealthScore.From(50), "why", null!, at));
    }
}
