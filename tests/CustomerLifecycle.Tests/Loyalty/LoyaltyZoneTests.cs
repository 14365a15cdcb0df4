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
}
