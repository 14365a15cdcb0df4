using CustomerLifecycle.Feedback;
using NodaTime;

namespace CustomerLifecycle.Abstractions.Tests.Feedback;

public sealed class FeedbackContractsTests
{
    [Fact]
    public void SlaAttainment_Rate_IsMetOverDecided_OrNullWhenNothingWasDecided()
    {
        Assert.Equal(0.75, new SlaAttainment(SlaTargetKind.Resolution, 3, 1).Rate);
        Assert.Null(new SlaAttainment(SlaTargetKind.Resolution, 0, 0).Rate);
    }

    [Fact]
    public void FeedbackTheme_Change_IsThisWeekMinusLastWeek()
        => Assert.Equal(-2, new FeedbackTheme("sso", FeedbackThemeSource.Tag, 1, 3).Change);

    [Fact]
    public void FeedbackItem_DefaultsToNoTagsNoSupportersAndUnknownReach()
    {
        var item = new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 1, 1, 0, 0), "text");

        Assert.Empty(item.Tags);
        Assert.Empty(item.Supporters);
        Assert.Null(item.AffectedCustomers);
        Assert.Equal(0, item.TotalCustomers);
        Assert.Null(item.Category);
        Assert.Null(item.Urgency);
    }

    [Fact]
    public void FeedbackRecord_StartsWithoutHistory()
    {
        var record = new FeedbackRecord(new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 1, 1, 0, 0), "text"), FeedbackState.Collected);

        Assert.Empty(record.History);
        Assert.False(record.IsPaused);
        Assert.Null(record.Category);
        Assert.Equal(1, record.SchemaVersion);
        Assert.Equal(FeedbackRecord.CurrentSchemaVersion, record.SchemaVersion);
    }

    [Fact]
    public void FeedbackRecords_WithEqualListsInDifferentInstances_AreEqual()
    {
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        FeedbackRecord Record() => new(
            new FeedbackItem("F-1", CustomerId.From("acme"), "email", at, "text") { Tags = ["billing", "sso"], Supporters = [new FeedbackSupporter(CustomerId.From("globex"), 2.5)] },
            FeedbackState.Assigned)
        {
            History = [new FeedbackEvent(FeedbackEventKind.Acknowledge, at, "note")],
        };

        Assert.Equal(Record(), Record());
        Assert.Equal(Record().GetHashCode(), Record().GetHashCode());
        Assert.True(Record() == Record());
    }

    [Fact]
    public void FeedbackRecords_DifferingInAListElementOrTheSchemaVersion_AreNotEqual()
    {
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var record = new FeedbackRecord(new FeedbackItem("F-1", CustomerId.From("acme"), "email", at, "text") { Tags = ["billing"] }, FeedbackState.Assigned)
        {
            History = [new FeedbackEvent(FeedbackEventKind.Acknowledge, at, "note")],
        };

        Assert.NotEqual(record, record with { History = [new FeedbackEvent(FeedbackEventKind.Acknowledge, at, "other note")] });
        Assert.NotEqual(record, record with { History = [] });
        Assert.NotEqual(record, record with { Item = record.Item with { Tags = ["sso"] } });
        Assert.NotEqual(record, record with { Item = record.Item with { Supporters = [new FeedbackSupporter(CustomerId.From("globex"), 1)] } });
        Assert.NotEqual(record, record with { SchemaVersion = 2 });
        Assert.NotEqual(record, record with { IsPaused = true });
    }
}
