using CustomerLifecycle.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Internal;

public sealed class IsoInstantTests
{
    [Theory]
    [InlineData(2026, 1, 5, 9, 0, 0, "2026-01-05T09:00:00Z")]
    [InlineData(1900, 1, 1, 0, 0, 0, "1900-01-01T00:00:00Z")]
    [InlineData(1969, 12, 31, 23, 59, 59, "1969-12-31T23:59:59Z")]
    [InlineData(2024, 2, 29, 12, 30, 5, "2024-02-29T12:30:05Z")]
    [InlineData(9000, 12, 31, 0, 0, 0, "9000-12-31T00:00:00Z")]
    [InlineData(1, 1, 1, 0, 0, 0, "0001-01-01T00:00:00Z")]
    public void WritesTheIsoText(int year, int month, int day, int hour, int minute, int second, string expected)
    {
        var instant = Instant.FromUtc(year, month, day, hour, minute, second);

        Assert.Equal(expected, $"{new IsoInstant(instant)}");
        Assert.Equal(expected, $"{new IsoInstant(instant + Duration.FromNanoseconds(999_999_999))}");
    }

    [Fact]
    public void YearsOutsideFourDigits_AreWrittenAsNodaTimeWritesThem()
    {
        Assert.Equal(Instant.MinValue.ToString(), $"{new IsoInstant(Instant.MinValue)}");
        Assert.Equal(Instant.MaxValue.ToString(), $"{new IsoInstant(Instant.MaxValue)}");
        Assert.Equal(Instant.FromUtc(-5, 3, 1, 0, 0).ToString(), $"{new IsoInstant(Instant.FromUtc(-5, 3, 1, 0, 0))}");
    }

    [Property(MaxTest = 2000)]
    public Property IsTheTextOfInstantToString()
        => Prop.ForAll(
            Gen.Choose(-2_000_000, 2_000_000).Zip(Gen.Choose(0, 86_399)).Zip(Gen.Choose(0, 999_999_999))
                .Select(t => Instant.FromUnixTimeSeconds((t.Item1.Item1 * 86_400L) + t.Item1.Item2) + Duration.FromNanoseconds(t.Item2))
                .ToArbitrary(),
            instant => ($"{new IsoInstant(instant)}" == instant.ToString()).Label($"{instant}: {new IsoInstant(instant)}"));
}
