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
        RecentEventIds = ["e-1", "e-2"],
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
        };

        Assert.Equal(
            [false, false, false, false],
            [cleared.MonthlyActivity.IsDefault, cleared.RecentPurchases.IsDefault, cleared.StageTimes.IsDefault, cleared.RecentEventIds.IsDefault]);
        Assert.Equal(0, cleared.MonthlyActivity.Length + cleared.RecentPurchases.Length + cleared.StageTimes.Length + cleared.RecentEventIds.Length);
    }

    [Fact]
    public void ACollectionLeftOut_ReadsAsEmpty()
    {
        Assert.False(Record.StageTimes.IsDefault);
        Assert.Empty(Record.StageTimes);
    }

    [Fact]
    public void SchemaVersion_IsTheCurrentOne_UnlessSet()
    {
        Assert.Equal(2, LifecycleRecord.CurrentSchemaVersion);
        Assert.Equal(2, Record.SchemaVersion);
        Assert.NotEqual(Record, Record with { SchemaVersion = 1 });
    }

    [Fact]
    public void RecentEventIds_AreTheEngineParts_InOrder_HoweverTheyAreSplit()
    {
        var split = Record with { EarlierEventIdsPart = ["e-1"], NewestEventIdsPart = ["e-2"] };
        var allNewest = Record with { EarlierEventIdsPart = [], NewestEventIdsPart = ["e-1", "e-2"] };

        Assert.Equal<string>(["e-1", "e-2"], split.RecentEventIds);
        Assert.Equal<string>(["e-1", "e-2"], allNewest.RecentEventIds);
        Assert.Equal(Record, split);
        Assert.Equal(Record, allNewest);
        Assert.NotEqual(Record, Record with { EarlierEventIdsPart = ["e-0"], NewestEventIdsPart = ["e-2"] });
        Assert.NotEqual(Record, Record with { RecentEventIds = ["e-1"] });
        Assert.NotEqual(Record, Record with { RecentEventIds = ["e-2", "e-1"] });
    }

    [Fact]
    public void RecentEventIds_SetByAHost_ReplaceBothParts()
    {
        var split = Record with { EarlierEventIdsPart = ["e-1"], NewestEventIdsPart = ["e-2"] };

        var replaced = split with { RecentEventIds = ["x"] };

        Assert.Equal<string>(["x"], replaced.RecentEventIds);
        Assert.Empty(replaced.EarlierEventIdsPart);
        Assert.Equal<string>(["x"], replaced.NewestEventIdsPart);
    }

    [Fact]
    public void RecentEventIds_ReadBeforeAWith_AreNotCarriedIntoACopyWithOtherParts()
    {
        var split = Record with { EarlierEventIdsPart = ["e-1"], NewestEventIdsPart = ["e-2"] };
        Assert.Equal<string>(["e-1", "e-2"], split.RecentEventIds);

        var changed = split with { EarlierEventIdsPart = ["e-0"] };
        var windowed = split with { EventIdWindow = 1 };

        Assert.Equal<string>(["e-0", "e-2"], changed.RecentEventIds);
        Assert.Equal<string>(["e-2"], windowed.RecentEventIds);
        Assert.Equal<string>(["e-1", "e-2"], split.RecentEventIds);
    }
}
