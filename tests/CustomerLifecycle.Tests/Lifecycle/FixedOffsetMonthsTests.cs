using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Tests.Lifecycle;

public sealed class FixedOffsetMonthsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(14 * 3600)]
    [InlineData(-12 * 3600)]
    [InlineData((5 * 3600) + (45 * 60))]
    public void EveryDayOfTheCoveredYears_FallsInTheMonthTheCalendarSays(int offsetSeconds)
    {
        var offset = Offset.FromSeconds(offsetSeconds);
        var months = new FixedOffsetMonths(offset);
        var mismatches = new List<string>();
        for (var date = new LocalDate(1900, 1, 1); date.Year < 2300; date = date.PlusDays(1))
        {
            var expected = (date.Year * 12) + date.Month - 1;
            var firstInstant = date.AtMidnight().WithOffset(offset).ToInstant();
            var lastInstant = date.PlusDays(1).AtMidnight().WithOffset(offset).ToInstant() - Duration.Epsilon;
            var firstCovered = months.TryGetMonth(firstInstant, out var first);
            var lastCovered = months.TryGetMonth(lastInstant, out var last);
            if (!firstCovered || !lastCovered || first != expected || last != expected)
            {
                mismatches.Add($"{date:yyyy-MM-dd}: {first}, {last} (expected {expected})");
            }

            if (date.Day == 1 && (!months.TryGetStart(expected, out var start) || start != firstInstant))
            {
                mismatches.Add($"start of {date:yyyy-MM}: {start} (expected {firstInstant})");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void OutsideTheCoveredYears_TheCallerIsToldToUseTheCalendar()
    {
        var months = new FixedOffsetMonths(Offset.Zero);

        Assert.False(months.TryGetMonth(Instant.FromUtc(1899, 12, 31, 23, 59), out _));
        Assert.False(months.TryGetMonth(Instant.FromUtc(2300, 1, 1, 0, 0), out _));
        Assert.False(months.TryGetStart((1899 * 12) + 11, out _));
        Assert.False(months.TryGetStart(2300 * 12, out _));
        Assert.True(months.TryGetMonth(Instant.FromUtc(2299, 12, 31, 23, 59), out var last));
        Assert.Equal((2299 * 12) + 11, last);
    }
}
