using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Lifecycle;

[Properties(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 300)]
public sealed class LifecycleProperties
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());

    [Property]
    public Property Replay_OfAnyPermutation_GivesTheSameRecord(IReadOnlyList<LifecycleEvent> history, int seed)
    {
        var random = new System.Random(seed);
        List<LifecycleEvent> shuffled = [.. history.OrderBy(_ => random.Next())];

        var a = Engine.Replay(LifecycleGenerators.Customer, history).Record;
        var b = Engine.Replay(LifecycleGenerators.Customer, shuffled).Record;

        return (Equals(a, b)).Label($"{a} vs {b}");
    }

    [Property]
    public bool ApplyingAnyEventTwice_EqualsApplyingItOnce(IReadOnlyList<LifecycleEvent> history)
    {
        LifecycleRecord? once = null;
        LifecycleRecord? twice = null;
        foreach (var e in history.OrderBy(e => e.OccurredAt))
        {
            once = Engine.TryApply(once, e).Record;
            twice = Engine.TryApply(Engine.TryApply(twice, e).Record, e).Record;
        }

        return Equals(once, twice);
    }

    [Property]
    public bool EnteredAtInstants_NeverGoBackwards(IReadOnlyList<LifecycleEvent> history)
    {
        var outcome = Engine.Replay(LifecycleGenerators.Customer, history, LifecycleGenerators.Start + Duration.FromDays(1000));
        var instants = outcome.Transitions.Select(t => t.At).ToList();
        return instants.Zip(instants.Skip(1)).All(p => p.First <= p.Second)
               && (outcome.Record is null || outcome.Record.StageEnteredAt == (instants.Count > 0 ? instants[^1] : outcome.Record.FirstSeenAt));
    }

    [Property]
    public bool TimeInStages_SumsToTheTimeSinceTheFirstEvent(IReadOnlyList<LifecycleEvent> history)
    {
        var asOf = LifecycleGenerators.Start + Duration.FromDays(1000);
        var record = Engine.Replay(LifecycleGenerators.Customer, history, asOf).Record;
        if (record is null)
        {
            return history.Count == 0 || history.All(IsCommand);
        }

        var total = record.StageTimes.Aggregate(Duration.Zero, (sum, t) => sum + t.TimeInStage(asOf));
        return total == asOf - record.FirstSeenAt;
    }

    [Property]
    public bool TryApply_NeverThrows_ForAnyRecordAndEvent(IReadOnlyList<LifecycleEvent> history, IReadOnlyList<LifecycleEvent> more)
    {
        var record = Engine.Replay(LifecycleGenerators.Customer, history).Record;
        foreach (var e in more)
        {
            var outcome = Engine.TryApply(record, e);
            if (outcome.Status == LifecycleOutcomeStatus.Applied)
            {
                record = outcome.Record;
            }
        }

        return true;
    }

    [Property]
    public bool EveryTransitionMade_AppearsInTheMermaidDiagram(IReadOnlyList<LifecycleEvent> history)
    {
        var mermaid = Engine.ToMermaid();
        var outcome = Engine.Replay(LifecycleGenerators.Customer, history, LifecycleGenerators.Start + Duration.FromDays(1000));
        return outcome.Transitions.All(t => mermaid.Contains($"    {t.From} --> {t.To} : {t.RuleId} (", StringComparison.Ordinal));
    }

    [Property]
    public bool TheBatchSweep_AgreesWithTheSingleRecordPath(IReadOnlyList<LifecycleEvent> history, PositiveInt days)
    {
        var record = Engine.Replay(LifecycleGenerators.Customer, history).Record;
        if (record is null)
        {
            return true;
        }

        var asOf = record.LastEventAt + Duration.FromDays(days.Get % 800);
        var results = new LifecycleSweepResult[1];
        Engine.Evaluate([record], asOf, results);
        var single = Engine.Evaluate(record, asOf);
        return Equals(results[0].Record, single.Record) && results[0].Transitions == single.Transitions.Count;
    }

    [Property]
    public bool ApplyingWithTheNextCheckShortcut_EqualsApplyingWithout(IReadOnlyList<LifecycleEvent> history)
    {
        // A record whose fingerprint is not the policy's is always advanced in full before an event.
        LifecycleRecord? shortcut = null;
        LifecycleRecord? full = null;
        foreach (var e in history.OrderBy(e => e.OccurredAt))
        {
            shortcut = Engine.TryApply(shortcut, e).Record;
            full = Engine.TryApply(full is null ? null : full with { PolicyFingerprint = 0 }, e).Record;
        }

        return Equals(shortcut, full is null ? null : full with { PolicyFingerprint = shortcut!.PolicyFingerprint });
    }

    [Property]
    public Property ApplyingUnexplained_GivesTheRecordAndTransitionCountOfTheExplainedApply_OrItsRefusal(IReadOnlyList<LifecycleEvent> history)
    {
        // In arrival order, not time order, so that late events, duplicates and refused commands are met too.
        LifecycleRecord? record = null;
        foreach (var e in history)
        {
            var explained = Engine.TryApply(record, e);
            var unexplained = Engine.ApplyUnexplained(record, e);
            var same = explained.Status == LifecycleOutcomeStatus.Applied
                ? unexplained.Refusal is null && Equals(unexplained.Record, explained.Record) && unexplained.Transitions == explained.Transitions.Count
                : unexplained.Record is null && unexplained.Refusal is { } refusal && refusal.Status == explained.Status
                  && refusal.Reasons.Single().Message == explained.Reasons.Single().Message;
            if (!same)
            {
                return false.Label($"event '{e.Id}' ({e.Kind} at {e.OccurredAt}): {explained.Status} vs {unexplained}");
            }

            record = explained.Record ?? record;
        }

        return true.ToProperty();
    }

    private static bool IsCommand(LifecycleEvent e)
        => e.Kind is LifecycleEventKind.Cancellation or LifecycleEventKind.Disqualification or LifecycleEventKind.Closure;
}
