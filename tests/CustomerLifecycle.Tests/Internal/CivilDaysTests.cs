using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Tests.Internal;

public sealed class CivilDaysTests
{
    [Fact]
    public void MonthOfDay_IsTheCalendarsMonth_OnEveryDayOfTheTableAndBeyondItsEdges()
    {
        // 1899-12-01 to 2300-01-31: the tabulated years and a month either side, where the lookup hands over to ToCivil.
        var first = CivilDays.FromCivil(1899, 12, 1);
        var last = CivilDays.FromCivil(2300, 1, 31);
        var wrong = new List<string>();
        for (var day = first; day <= last && wrong.Count < 5; day++)
        {
            var date = new LocalDate(1970, 1, 1).PlusDays((int)day);
            var expected = (date.Year * 12) + date.Month - 1;
            if (CivilDays.MonthOfDay(day) != expected)
            {
                wrong.Add($"{date:uuuu-MM-dd}: {CivilDays.MonthOfDay(day)} instead of {expected}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(-9998, 1, 1)]
    [InlineData(1, 3, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(1900, 1, 1)]
    [InlineData(2299, 12, 31)]
    [InlineData(2300, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void MonthOfDay_AtTheTablesEdgesAndFarOutside_AgreesWithToCivil(int year, int month, int day)
    {
        Assert.Equal((year * 12) + month - 1, CivilDays.MonthOfDay(CivilDays.FromCivil(year, month, day)));
    }

    [Theory]
    [InlineData(-9998, 1)]
    [InlineData(1899, 12)]
    [InlineData(1900, 1)]
    [InlineData(2024, 2)]
    [InlineData(2299, 12)]
    [InlineData(2300, 1)]
    [InlineData(9999, 12)]
    public void MonthStartDay_IsTheFirstOfTheMonth_InsideAndOutsideTheTable(int year, int month)
    {
        Assert.Equal(CivilDays.FromCivil(year, month, 1), CivilDays.MonthStartDay((year * 12) + month - 1));
    }
}
