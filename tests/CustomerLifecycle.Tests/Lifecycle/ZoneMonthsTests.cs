using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Tests.Lifecycle;

public sealed class ZoneMonthsTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/GMT-14")]
    [InlineData("Etc/GMT+12")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    public void EveryDay_FallsInTheMonthTheCalendarSays_AndEveryMonthStartsWhereNodaTimeSays(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var months = new ZoneMonths(zone);
        var mismatches = new List<string>();
        for (var date = new LocalDate(1900, 1, 1); date.Year < 2100; date = date.PlusDays(1))
        {
            var expected = (date.Year * 12) + date.Month - 1;
            var firstInstant = date.AtStartOfDayInZone(zone).ToInstant();
            var lastInstant = date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() - Duration.Epsilon;
            var (first, last) = (months.MonthOf(firstInstant), months.MonthOf(lastInstant));
            if (first != expected || last != expected)
            {
                mismatches.Add($"{date:yyyy-MM-dd}: {first}, {last} (expected {expected})");
            }

            if (date.Day == 1 && months.MonthStart(expected) != date.AtMidnight().InZoneLeniently(zone).ToInstant())
            {
                mismatches.Add($"start of {date:yyyy-MM}: {months.MonthStart(expected)} (expected {date.AtMidnight().InZoneLeniently(zone).ToInstant()})");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2300, 1, 1)]
    [InlineData(9000, 12, 30)]
    [InlineData(1, 1, 1)]
    public void FarFromToday_TheArithmeticStillAgreesWithNodaTime(int year, int month, int day)
    {
        var months = new ZoneMonths(DateTimeZone.Utc);
        var date = new LocalDate(year, month, day);

        Assert.Equal((year * 12) + month - 1, months.MonthOf(date.AtMidnight().InUtc().ToInstant()));
        Assert.Equal(new LocalDate(year, month, 1).AtMidnight().InUtc().ToInstant(), months.MonthStart((year * 12) + month - 1));
    }

    [Theory]
    [InlineData("2026-01-31T12:00", 1, "2026-02-28T12:00")]
    [InlineData("2026-03-29T02:30", 0, "2026-03-29T03:30")]
    [InlineData("2026-02-28T02:30", 1, "2026-03-28T02:30")]
    [InlineData("2026-10-25T02:30", 0, "2026-10-25T02:30")]
    public void AddMonths_InBerlin_ClampsTheDay_AndMapsLocalTimesLeniently(string start, int add, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var months = new ZoneMonths(zone);
        var local = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(start + ":00").Value;
        var instant = months.FromLocal(local);

        // 02:30 on 29 March is skipped (moves forward an hour); on 25 October it is repeated (the earlier, summer one).
        Assert.Equal(local.InZoneLeniently(zone).ToInstant(), instant);
        var result = months.AddMonths(instant, add);
        Assert.Equal(NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(expected + ":00").Value, result.InZone(zone).LocalDateTime);
    }

    [Fact]
    public void MonthsBetween_CountsWholeLocalMonths()
    {
        var months = new ZoneMonths(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        var from = Instant.FromUtc(2026, 1, 31, 11, 0);

        // As AddMonths counts them: 31 January plus a month is 28 February (the day clamped to the month's end).
        Assert.Equal(0, months.MonthsBetween(from, Instant.FromUtc(2026, 2, 27, 11, 0)));
        Assert.Equal(1, months.MonthsBetween(from, Instant.FromUtc(2026, 2, 28, 11, 0)));
        Assert.Equal(months.AddMonths(from, 1), Instant.FromUtc(2026, 2, 28, 11, 0));
        Assert.Equal(1, months.MonthsBetween(from, Instant.FromUtc(2026, 3, 30, 11, 0)));
        Assert.Equal(2, months.MonthsBetween(from, Instant.FromUtc(2026, 3, 31, 10, 0)));
        Assert.Equal(0, months.MonthsBetween(from, from - Duration.FromDays(40)));
    }
}
