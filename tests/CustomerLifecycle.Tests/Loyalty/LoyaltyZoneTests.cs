using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyZoneTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("America/Santiago")] // transitions at midnight: a day whose start is 01:00
    [InlineData("Australia/Lord_Howe")] // a 30-minute change
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void EveryQuarterHourOfFourYears_MapsAsInZoneLenientlyDoes(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var mismatches = new List<string>();
        for (var local = new LocalDateTime(2024, 1, 1, 0, 0); local.Year < 2028; local = local.PlusMinutes(15))
        {
            var expected = local.InZoneLeniently(zone).ToInstant();
            var actual = LoyaltyZone.Leniently(zone, local);
            if (actual != expected && mismatches.Count < 5)
            {
                mismatches.Add($"{local}: {actual} instead of {expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Pacific/Kiritimati")] // UTC+14
    [InlineData("Pacific/Pago_Pago")] // UTC-11
    [InlineData("America/Santiago")]
    [InlineData("UTC")]
    public void TheTiersYearOfAnInstant_IsTheYearInTheZone_AroundEveryNewYear(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var tiers = LoyaltyTiers.From(new LoyaltyOptions { TimeZoneId = zoneId, Tiers = [new() { Id = "m", Name = "M" }, new() { Id = "s", Name = "S", QualifyingPoints = 1 }] }, zone)!;
        var mismatches = new List<string>();
        for (var year = 1899; year <= 2203; year++)
        {
            // Every hour of the two days either side of 1 January in UTC, and a second either side of the zone's new year.
            var newYear = new LocalDate(year, 1, 1).AtStartOfDayInZone(zone).ToInstant();
            var instants = Enumerable.Range(-48, 97).Select(h => Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromHours(h))
                .Concat([newYear - Duration.FromSeconds(1), newYear, newYear + Duration.FromSeconds(1), Instant.FromUtc(year, 7, 1, 0, 0)]);
            foreach (var at in instants)
            {
                if (tiers.YearOf(at) != at.InZone(zone).Year && mismatches.Count < 5)
                {
                    mismatches.Add($"{at}: {tiers.YearOf(at)} instead of {at.InZone(zone).Year}");
                }
            }
        }

        Assert.Empty(mismatches);
    }
}
