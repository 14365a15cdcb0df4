using System.Collections.Concurrent;
using CustomerLifecycle.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>
/// The duplicate window: exactly the last <see cref="LifecycleOptions.DuplicateWindow"/> ids, whichever of the record's two
/// internal parts they sit in, and a bounded number kept.
/// </summary>
public sealed class DuplicateWindowTests
{
    private static readonly ConcurrentDictionary<int, LifecycleEngine> Engines = new();

    [Fact]
    public void NewestIdsMoveToTheEarlierOnes_EveryEighthEvent_KeepingTheWindow()
    {
        var record = ApplyNumbered(DefaultEngine, 40);

        // Moves at events 9, 17, 25 and 33, each keeping the newest 31 ids; then 34–40 join 33.
        Assert.Equal(Ids(2, 32), record.EarlierEventIdsPart);
        Assert.Equal(Ids(33, 40), record.NewestEventIdsPart);
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, DefaultEngine.TryApply(record, Activity(record.LastEventAt, "e-09")).Status);
        Assert.Equal(LifecycleOutcomeStatus.Applied, DefaultEngine.TryApply(record, Activity(record.LastEventAt, "e-08")).Status);

        var next = DefaultEngine.Apply(record, Activity(record.LastEventAt + Duration.FromHours(1), "e-41")).Record!;

        Assert.Equal(Ids(10, 40), next.EarlierEventIdsPart);
        Assert.Equal(["e-41"], next.NewestEventIdsPart);
    }

    [Fact]
    public void ARecordHoldingMoreIdsThanTheWindow_IsCheckedOverTheWindowOnly_AndTrimmedAtTheNextMove()
    {
        var engine = Engine(4);
        var record = engine.Apply(null, Activity(At(2026, 1, 1), "e-00")).Record! with { EarlierEventIdsPart = ["x-1", "x-2"], NewestEventIdsPart = [.. Ids(1, 5)] };

        Assert.Equal(LifecycleOutcomeStatus.Duplicate, engine.TryApply(record, Activity(record.LastEventAt, "e-02")).Status);
        Assert.Equal(LifecycleOutcomeStatus.Applied, engine.TryApply(record, Activity(record.LastEventAt, "e-01")).Status);
        Assert.Equal(LifecycleOutcomeStatus.Applied, engine.TryApply(record, Activity(record.LastEventAt, "x-2")).Status);

        var next = engine.Apply(record, Activity(record.LastEventAt, "e-06")).Record!;

        Assert.Equal(Ids(3, 5), next.EarlierEventIdsPart);
        Assert.Equal(["e-06"], next.NewestEventIdsPart);
    }

    [Fact]
    public void AWindowOfOne_KeepsTheLatestIdOnly()
    {
        var record = ApplyNumbered(Engine(1), 3);

        Assert.Empty(record.EarlierEventIdsPart);
        Assert.Equal(["e-03"], record.NewestEventIdsPart);
        Assert.Equal(LifecycleOutcomeStatus.Applied, Engine(1).TryApply(record, Activity(record.LastEventAt, "e-02")).Status);
    }

    [Property(MaxTest = 100)]
    public Property AnEvent_IsADuplicateExactlyWhenItsIdIsAmongTheLastWindowIds(PositiveInt windowSeed, PositiveInt countSeed)
    {
        var window = 1 + (windowSeed.Get % 48);
        var count = 1 + (countSeed.Get % ((3 * window) + 10));
        var engine = Engine(window);
        var record = ApplyNumbered(engine, count);

        var wrong = Enumerable.Range(1, count)
            .Where(k => (engine.TryApply(record, Activity(record.LastEventAt, $"e-{k:D2}")).Status == LifecycleOutcomeStatus.Duplicate) != (k > count - window))
            .ToList();
        var kept = record.RecentEventIds.Length;
        var held = record.EarlierEventIdsPart.Length + record.NewestEventIdsPart.Length;

        return (wrong.Count == 0 && kept == Math.Min(count, window) && held < window + Math.Sqrt(2 * window))
            .Label($"window {window}, {count} events: wrongly judged {string.Join(", ", wrong)}; {kept} ids shown, {held} held");
    }

    private static LifecycleEngine Engine(int window) => Engines.GetOrAdd(window, w => new LifecycleEngine(new LifecycleOptions { DuplicateWindow = w }));

    /// <summary>Applies activities e-01, e-02, … an hour apart.</summary>
    private static LifecycleRecord ApplyNumbered(LifecycleEngine engine, int count)
    {
        LifecycleRecord? record = null;
        for (var k = 1; k <= count; k++)
        {
            record = engine.Apply(record, Activity(At(2026, 1, 1) + Duration.FromHours(k), $"e-{k:D2}")).Record;
        }

        return record!;
    }

    private static string[] Ids(int first, int last) => [.. Enumerable.Range(first, last - first + 1).Select(k => $"e-{k:D2}")];
}
