using System.Collections.Immutable;
using CustomerLifecycle.Lifecycle;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>Duplicates, late events, refusals with their exact messages, stage times, replay and the batch sweep.</summary>
public sealed class LifecycleEngineTests
{
    private readonly LifecycleEngine _engine = DefaultEngine;

    [Fact]
    public void ApplyingAnEventTwice_IsADuplicate_AndChangesNothing()
    {
        var purchase = Purchase(At(2026, 1, 1), "e-1");
        var record = _engine.Apply(null, purchase).Record;

        var again = _engine.TryApply(record, purchase);

        Assert.Equal(LifecycleOutcomeStatus.Duplicate, again.Status);
        Assert.Same(record, again.Record);
        Assert.False(again.Changed);
        Assert.Equal("Event 'e-1' was already applied to customer 'c-1'; nothing changed.", again.Reasons[0].Message);
        Assert.Equal("lifecycle.duplicate-event", again.Reasons[0].Code);
    }

    [Fact]
    public void DuplicateDetection_TellsIdsOfOneLengthApart_AndSkipsMissingOnes()
    {
        // Same length and last character as "e-11", and a hand-made record's null and empty ids: none is "e-11".
        var record = _engine.Apply(null, Purchase(At(2026, 1, 1), "e-01")).Record! with { RecentEventIds = ["e-21", null!, "", "e-01"] };

        var outcome = _engine.TryApply(record, Activity(At(2026, 1, 2), "e-11"));

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(["e-21", null!, "", "e-01", "e-11"], outcome.Record!.RecentEventIds.ToArray());
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, _engine.TryApply(outcome.Record, Activity(At(2026, 1, 2), "e-21")).Status);
    }

    [Fact]
    public void AnEventOlderThanTheRecord_IsLate_AndNotApplied()
    {
        var record = Record(Purchase(At(2026, 3, 1)));

        var late = _engine.TryApply(record, Activity(At(2026, 2, 1), "e-old"));

        Assert.Equal(LifecycleOutcomeStatus.Late, late.Status);
        Assert.Same(record, late.Record);
        Assert.Equal("Event 'e-old' occurred at 2026-02-01T09:00:00Z, before what the record of customer 'c-1' has already seen (2026-03-01T09:00:00Z); it was not applied. Remedy: fold the customer's whole history with Replay(...).", late.Reasons[0].Message);
    }

    [Fact]
    public void AnEventBeforeATimeBasedTransition_IsLate()
    {
        // Churned at 2026-04-02 by the sweep; an activity of 2026-04-01 arriving afterwards must not be folded in.
        var churned = _engine.Evaluate(Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 1))), At(2026, 4, 10)).Record!;

        var outcome = _engine.TryApply(churned, Activity(At(2026, 4, 1)));

        Assert.Equal(LifecycleOutcomeStatus.Late, outcome.Status);
    }

    [Fact]
    public void AnotherCustomersEvent_IsRejected()
    {
        var record = Record(Purchase(At(2026, 1, 1)));
        var other = LifecycleEvent.Create("e-x", CustomerId.From("c-2"), LifecycleEventKind.Activity, At(2026, 1, 2));

        var outcome = _engine.TryApply(record, other);

        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("Event 'e-x' is for customer 'c-2' but the record is customer 'c-1'. Remedy: load the record of customer 'c-2'.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void ACommandNoRuleHandles_IsRejected_WithTheStageTheEventAndARemedy()
    {
        var onboarding = Record(Purchase(At(2026, 1, 1)));

        var outcome = _engine.TryApply(onboarding, Command(LifecycleEventKind.Disqualification, At(2026, 1, 2), "e-dq"));

        const string message = "Cannot apply Disqualification event 'e-dq' to customer 'c-1' in stage 'Onboarding': no rule from 'Onboarding' handles Disqualification. Remedy: Disqualification is handled in: Prospect, Engaged; send it only there, or add a rule from 'Onboarding' on Disqualification to the policy.";
        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.Same(onboarding, outcome.Record);
        Assert.Equal("lifecycle.event-not-permitted", outcome.Reasons[0].Code);
        Assert.Equal(message, outcome.Reasons[0].Message);
        var thrown = Assert.Throws<InvalidOperationException>(() => _engine.Apply(onboarding, Command(LifecycleEventKind.Disqualification, At(2026, 1, 2), "e-dq")));
        Assert.Equal(message, thrown.Message);
    }

    [Fact]
    public void ARejectedCommand_KeepsNoneOfTheTimeBasedTransitionsBeforeIt()
    {
        // By 2026-05-01 the customer would have churned (no activity for 60 days while onboarding), but Closure is not
        // permitted from Onboarding's successor either way... Churned does permit Closure, so use Disqualification instead.
        var onboarding = Record(Purchase(At(2026, 1, 1)));

        var outcome = _engine.TryApply(onboarding, Command(LifecycleEventKind.Disqualification, At(2026, 5, 1)));

        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.Same(onboarding, outcome.Record);
        Assert.Empty(outcome.Transitions);
        Assert.Contains("in stage 'Churned'", outcome.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordInAStageThePolicyDoesNotKnow_IsRejected()
    {
        var record = Record(Purchase(At(2026, 1, 1))) with { Stage = "Trial" };

        var outcome = _engine.Evaluate(record, At(2026, 2, 1));

        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("The record of customer 'c-1' is in stage 'Trial', which the policy does not define; known stages are Prospect, Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited. Remedy: migrate the record to a known stage, or add 'Trial' to the policy.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void EvaluatingBeforeWhatTheRecordHasSeen_IsRejected()
    {
        var record = Record(Purchase(At(2026, 3, 1)));

        var outcome = _engine.Evaluate(record, At(2026, 2, 1));

        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("Cannot evaluate customer 'c-1' at 2026-02-01T09:00:00Z: the record has already seen 2026-03-01T09:00:00Z. Remedy: evaluate at or after 2026-03-01T09:00:00Z.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void Evaluate_ReturnsTheSameRecord_WhenNothingFires_AndSaysWhyEachRuleDidNot()
    {
        var record = Record(Purchase(At(2026, 1, 1)));

        var outcome = _engine.Evaluate(record, At(2026, 1, 20));

        Assert.Same(record, outcome.Record);
        Assert.False(outcome.Changed);
        var growing = Assert.Single(outcome.NotFired, c => c.RuleId == "onboarding-growing");
        Assert.Equal("Growing", growing.To);
        Assert.Equal("0 full months since the first purchase (needs at least 3).", Assert.Single(growing.Reasons).Message);
        Assert.Equal(3, growing.Reasons[0].Data["requiredMonths"]);
        var cancelled = Assert.Single(outcome.NotFired, c => c.RuleId == "churned-cancelled");
        Assert.Equal("Fires on a Cancellation event.", cancelled.Reasons[0].Message);
    }

    [Fact]
    public void TheRecord_KeepsEnteredExitedAndCumulativeTimePerStage()
    {
        // Prospect 1 Jan → Onboarding 11 Jan → Churned 12 Mar (60 days without activity) → Reactivated 1 Apr.
        var record = Record(Contact(At(2026, 1, 1)), Purchase(At(2026, 1, 11)), Purchase(At(2026, 4, 1)));

        Assert.Equal(["Engaged", "Onboarding", "Churned", "Reactivated"], record.StageTimes.Select(t => t.Stage).Skip(1));
        var onboarding = record.StageTimes.Single(t => t.Stage == "Onboarding");
        Assert.Equal((At(2026, 1, 11), At(2026, 3, 12), Duration.FromDays(60), 1), (onboarding.LastEnteredAt, onboarding.LastExitedAt!.Value, onboarding.ClosedTime, onboarding.Visits));
        Assert.Equal(Duration.FromDays(20), record.TimeInStage("Churned", At(2026, 5, 1)));
        Assert.Equal(Duration.FromDays(30), record.TimeInStage("Reactivated", At(2026, 5, 1)));
        Assert.Equal("Churned", record.PreviousStage);
        Assert.Equal(4, record.TransitionCount);
    }

    [Fact]
    public void LeavingAndReenteringAStageAtOneInstant_KeepsCountingItsTime()
    {
        // Reactivated on 1 April; 180 days without activity churn the customer on 28 September at 09:00, and an activity at
        // that very instant reactivates them again: the second visit is open and counts.
        var record = Record(
            Purchase(At(2026, 1, 1)),
            Activity(At(2026, 2, 1)),
            Command(LifecycleEventKind.Cancellation, At(2026, 3, 1)),
            Purchase(At(2026, 4, 1)),
            Activity(At(2026, 9, 28)));

        var reactivated = record.StageTimes.Single(t => t.Stage == "Reactivated");
        Assert.Equal((2, true), (reactivated.Visits, reactivated.IsOpen));
        Assert.Equal(Duration.FromDays(210), record.TimeInStage("Reactivated", At(2026, 10, 28)));
        Assert.Equal(Duration.FromDays(31), record.TimeInStage("Churned", At(2026, 10, 28)));
    }

    [Fact]
    public void Regressions_AreKeptAsVisits_NotAsAHighWaterMark()
    {
        var events = LifecycleDefaultRulesTests.MonthlyActivity(At(2026, 1, 5), months: 5).ToList();
        events.Add(Band(At(2026, 6, 1), "AtRisk"));
        events.Add(Band(At(2026, 6, 10), "Healthy"));
        events.Add(Band(At(2026, 6, 20), "AtRisk"));

        var outcome = _engine.Replay(Customer, events);

        Assert.Equal(
            ["Prospect→Onboarding", "Onboarding→Growing", "Growing→Declining", "Declining→Growing", "Growing→Declining"],
            outcome.Transitions.Select(t => $"{t.From}→{t.To}"));
        Assert.Equal(2, outcome.Record!.StageTimes.Single(t => t.Stage == "Declining").Visits);
        Assert.Equal(2, outcome.Record.StageTimes.Single(t => t.Stage == "Growing").Visits);
    }

    [Fact]
    public void Replay_ReportsTheCommandsItCouldNotApply()
    {
        var outcome = _engine.Replay(Customer, [Purchase(At(2026, 1, 1)), Command(LifecycleEventKind.Closure, At(2026, 1, 2), "e-close")]);

        Assert.Equal("Onboarding", outcome.Record!.Stage);
        Assert.Equal("lifecycle.event-not-permitted", Assert.Single(outcome.Reasons).Code);
    }

    [Fact]
    public void Replay_OfNoEvents_HasNoRecord()
    {
        var outcome = _engine.Replay(Customer, []);

        Assert.Null(outcome.Record);
        Assert.Empty(outcome.Transitions);
    }

    [Fact]
    public void Replay_RejectsAnotherCustomersEvents()
    {
        var other = LifecycleEvent.Create("e-9", CustomerId.From("c-2"), LifecycleEventKind.Activity, At(2026, 1, 1));

        var ex = Assert.Throws<ArgumentException>(() => _engine.Replay(Customer, [Purchase(At(2026, 1, 1)), other]));

        Assert.Equal("events[1] ('e-9') is for customer 'c-2', not 'c-1'. (Parameter 'events')", ex.Message);
    }

    [Fact]
    public void DuplicateDetection_KeepsMemoryBounded_HoweverLongTheHistory()
    {
        var record = _engine.Apply(null, Purchase(At(2026, 1, 1))).Record;
        for (var i = 0; i < 2000; i++)
        {
            // Every hundredth event a purchase: 21 in all, of which the rules look at the last 3.
            var at = At(2026, 1, 1) + Duration.FromHours(i);
            record = _engine.Apply(record, i % 100 == 99 ? Purchase(at) : Activity(at)).Record;
        }

        // The 2001st event moved the newest ids to the earlier ones: 31 there and itself among the recent.
        Assert.Equal(31, record!.EarlierEventIdsPart.Length);
        Assert.Single(record.NewestEventIdsPart);
        Assert.Equal(32, record.RecentEventIds.Length);
        Assert.Equal(13, record.MonthlyActivity.Length);
        Assert.Equal(3, record.RecentPurchases.Length);
        Assert.Equal(2001, record.EventCount);
    }

    [Fact]
    public void BatchSweep_ReturnsTheSameInstanceForUnchangedRecords_AndNewOnesForChangedRecords()
    {
        var quiet = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 1, 20)));
        var lapsing = Record(Purchase(At(2026, 1, 1)));
        var results = new LifecycleSweepResult[2];

        var changed = _engine.Evaluate([quiet, lapsing], At(2026, 3, 15), results);

        Assert.Equal(1, changed);
        Assert.Same(quiet, results[0].Record);
        Assert.False(results[0].Changed);
        Assert.Equal(("Churned", 1, true), (results[1].Record.Stage, results[1].Transitions, results[1].Changed));
    }

    [Fact]
    public void BatchSweep_AllocatesNothing_ForRecordsThatDoNotChange()
    {
        var records = Enumerable.Range(0, 1000).Select(i => Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 1, 20)))).ToArray();
        var results = new LifecycleSweepResult[records.Length];
        _engine.Evaluate(records, At(2026, 2, 1), results);

        var allocated = Allocations.Fewest(() => _engine.Evaluate(records, At(2026, 2, 1), results));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TheRecord_SaysWhenATimeBasedRuleCanNextFire()
    {
        // Onboarding from 1 Jan with no activity after: the earliest rule is churn after 60 days, on 2 March.
        var onboarding = Record(Purchase(At(2026, 1, 1)));
        var closed = _engine.Apply(_engine.Create(Customer, At(2026, 1, 1)), Command(LifecycleEventKind.Disqualification, At(2026, 1, 2))).Record!;

        Assert.Equal(At(2026, 3, 2), onboarding.NextCheckAt);
        Assert.Equal(Instant.MaxValue, closed.NextCheckAt);
    }

    [Fact]
    public void BatchSweep_RefusesRecordsItCannotEvaluate_AndLeavesThemAsTheyWere()
    {
        // Evaluated before its last event (even though nothing is due), and a stage the policy does not know (written
        // under another policy, so its NextCheckAt is not trusted).
        var recent = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 3, 1)));
        var unknown = Record(Purchase(At(2026, 1, 1))) with { Stage = "Trial", PolicyFingerprint = 0 };
        var results = new LifecycleSweepResult[2];

        var changed = _engine.Evaluate([recent, unknown], At(2026, 2, 1), results);

        Assert.Equal(0, changed);
        Assert.Equal((LifecycleOutcomeStatus.Rejected, 0), (results[0].Status, results[0].Transitions));
        Assert.Equal((LifecycleOutcomeStatus.Rejected, 0), (results[1].Status, results[1].Transitions));
        Assert.Same(recent, results[0].Record);
        Assert.Same(unknown, results[1].Record);
    }

    [Fact]
    public void BatchSweep_EvaluatesInFull_ARecordWrittenUnderAnotherPolicy()
    {
        // The record claims nothing is due for a long time, but it was written by another policy: it is evaluated anyway.
        var stale = Record(Purchase(At(2026, 1, 1))) with { NextCheckAt = At(2030, 1, 1), PolicyFingerprint = 12345 };
        var results = new LifecycleSweepResult[1];

        _engine.Evaluate([stale], At(2026, 4, 1), results);

        Assert.Equal("Churned", results[0].Record.Stage);
        Assert.Equal(_engine.Create(Customer, At(2026, 1, 1)).PolicyFingerprint, results[0].Record.PolicyFingerprint);
    }

    [Fact]
    public void BatchSweep_RejectsANullRecord_BeforeWritingAnything()
    {
        var results = new LifecycleSweepResult[2];

        var ex = Assert.Throws<ArgumentException>(() => _engine.Evaluate([Record(Purchase(At(2026, 1, 1))), null!], At(2026, 2, 1), results));

        Assert.Equal("records[1] is null. (Parameter 'records')", ex.Message);
        Assert.Null(results[0].Record);
    }

    [Fact]
    public void BatchSweep_RejectsAShortResultsSpan()
    {
        var ex = Assert.Throws<ArgumentException>(() => _engine.Evaluate([Record(Purchase(At(2026, 1, 1)))], At(2026, 2, 1), Span<LifecycleSweepResult>.Empty));

        Assert.Equal("The outputs span has 0 elements but there are 1 inputs; it must be at least as long. (Parameter 'outputs')", ex.Message);
    }

    [Fact]
    public void InstantsOutOfRange_AreRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _engine.Create(Customer, Instant.FromUtc(1800, 1, 1, 0, 0)));

        Assert.StartsWith("Value should be in range [1900-01-01T00:00:00Z-9000-12-31T00:00:00Z] but was 1800-01-01T00:00:00Z.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("at", ex.ParamName);
    }

    [Fact]
    public void DefaultCustomerIds_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => _engine.Create(default, At(2026, 1, 1)));

        Assert.Equal("customer", ex.ParamName);
    }

    [Fact]
    public void ARecordRehydratedWithEmptyCollections_IsEvaluatedAndUpdated()
    {
        var record = new LifecycleRecord
        {
            Customer = Customer,
            Stage = "Growing",
            StageEnteredAt = At(2026, 4, 1),
            FirstSeenAt = At(2026, 1, 1),
            LastEventAt = At(2026, 4, 1),
            FirstPurchaseAt = At(2026, 1, 1),
            LastActivityAt = At(2026, 4, 1),
            MonthlyActivity = ImmutableArray<int>.Empty,
        };

        var outcome = _engine.Apply(record, Activity(At(2026, 4, 5)));

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(13, outcome.Record!.MonthlyActivity.Length);
        Assert.Equal(1, outcome.Record.MonthlyActivity[^1]);
    }
}
