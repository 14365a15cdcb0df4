using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Abstractions.Tests.Lifecycle;

public sealed class LifecycleRecordTests
{
    private static readonly LifecycleRecord Record = new()
    {
        Customer = CustomerId.From("c-1"),
        Stage = "Growing",
        StageEnteredAt = Instant.FromUtc(2026, 1, 1, 0, 0),
        FirstSeenAt = Instant.FromUtc(2026, 1, 1, 0, 0),
        LastEventAt = Instant.FromUtc(2026, 1, 1, 0, 0),
        MonthlyActivity = [1],
        RecentPurchases = [Instant.FromUtc(2026, 1, 1, 0, 0)],
        RecentEventIds = ["e-2"],
        EarlierEventIds = ["e-1"],
    };

    [Fact]
    public void Collections_SetToDefault_ReadAsEmpty()
    {
        var cleared = Record with
        {
            MonthlyActivity = default,
            RecentPurchases = default,
            StageTimes = default,
            RecentEventIds = default,
            EarlierEventIds = default,
        };

        Assert.Equal(
            [false, false, false, false, false],
            [cleared.MonthlyActivity.IsDefault, cleared.RecentPurchases.IsDefault, cleared.StageTimes.IsDefault, cleared.RecentEventIds.IsDefault, cleared.EarlierEventIds.IsDefault]);
        Assert.Equal(0, cleared.MonthlyActivity.Length + cleared.RecentPurchases.Length + cleared.StageTimes.Length + cleared.RecentEventIds.Length + cleared.EarlierEventIds.Length);
    }

    [Fact]
    public void ACollectionLeftOut_ReadsAsEmpty()
    {
        Assert.False(Record.StageTimes.IsDefault);
        Assert.Empty(Record.StageTimes);
    }

    [Fact]
    public void Equality_ComparesBothPartsOfTheDuplicateWindow()
    {
        Assert.Equal(Record, Record with { EarlierEventIds = ["e-1"] });
        Assert.NotEqual(Record, Record with { EarlierEventIds = ["e-0"] });
        Assert.NotEqual(Record, Record with { RecentEventIds = ["e-3"] });
        Assert.Equal(Record with { EarlierEventIds = [] }, Record with { EarlierEventIds = default });
    }
}
