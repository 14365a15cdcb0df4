using CustomerLifecycle.Lifecycle;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>Every default rule of the lifecycle policy (docs/lifecycle.md), with hand-checked instants.</summary>
public sealed class LifecycleDefaultRulesTests
{
    private readonly LifecycleEngine _engine = DefaultEngine;

    [Fact]
    public void NewRecord_StartsInProspect()
    {
        var record = _engine.Create(Customer, At(2026, 1, 1));

        Assert.Equal("Prospect", record.Stage);
        Assert.Equal(At(2026, 1, 1), record.StageEnteredAt);
        Assert.Null(record.PreviousStage);
    }

    [Theory]
    [InlineData(LifecycleEventKind.Contact)]
    [InlineData(LifecycleEventKind.Activity)]
    public void ProspectEngaged_OnAContactOrInteraction(LifecycleEventKind kind)
    {
        var prospect = _engine.Create(Customer, At(2026, 1, 1));

        var outcome = _engine.Apply(prospect, Command(kind, At(2026, 1, 3), "e-contact"));

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Prospect", "Engaged", At(2026, 1, 3), "prospect-engaged", "e-contact"), (transition.From, transition.To, transition.At, transition.RuleId, transition.EventId));
        Assert.Equal("lifecycle.event", Assert.Single(transition.Reasons).Code);
        Assert.Equal($"{kind} event 'e-contact' at 2026-01-03T09:00:00Z.", transition.Reasons[0].Message);
    }

    [Fact]
    public void FirstPurchase_MovesAProspectToOnboarding_WithTheOnboardingPlaybook()
    {
        // 2026-01-02 is a Friday: one business day later is Monday 2026-01-05.
        var outcome = _engine.Apply(null, Purchase(At(2026, 1, 2, 10), "e-buy"));

        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Prospect", "Onboarding", "first-purchase"), (transition.From, transition.To, transition.RuleId));
        Assert.Equal(
            [
                ("first-personal-contact", At(2026, 1, 5, 10)),
                ("value-check", At(2026, 1, 9, 10)),
            ],
            outcome.Actions.Select(a => (a.Kind, a.DueAt)));
        Assert.Equal("c-1|playbook:Onboarding|first-personal-contact|2026-01-05T10:00:00Z", outcome.Actions[0].Key);
        Assert.Equal("playbook:Onboarding", outcome.Actions[0].Source);
    }

    [Fact]
    public void FirstPurchase_MovesAnEngagedCustomerToOnboarding()
    {
        var engaged = Record(Contact(At(2026, 1, 1)));

        var outcome = _engine.Apply(engaged, Purchase(At(2026, 1, 10)));

        Assert.Equal(("Engaged", "Onboarding"), (outcome.Transitions[0].From, outcome.Transitions[0].To));
        Assert.Equal(At(2026, 1, 10), outcome.Record!.FirstPurchaseAt);
    }

    [Fact]
    public void Disqualification_ClosesAProspect()
    {
        var outcome = _engine.Apply(_engine.Create(Customer, At(2026, 1, 1)), Command(LifecycleEventKind.Disqualification, At(2026, 1, 2)));

        Assert.Equal("Disqualified", outcome.Record!.Stage);
        Assert.Equal("disqualified", outcome.Transitions[0].RuleId);
    }

    [Fact]
    public void OnboardingGrowing_ThreeMonthsAfterTheFirstPurchase_WithActivityInTheLast30Days()
    {
        var record = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 20)), Activity(At(2026, 3, 25)));

        var outcome = _engine.Evaluate(record, At(2026, 4, 5));

        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Onboarding", "Growing", "onboarding-growing", At(2026, 4, 1)), (transition.From, transition.To, transition.RuleId, transition.At));
        Assert.Null(transition.EventId);
        Assert.Equal(
            [
                "3 full months since the first purchase (needs at least 3).",
                "Last activity 7 days ago (needs activity within 30 days).",
            ],
            transition.Reasons.Select(r => r.Message));
    }

    [Fact]
    public void OnboardingWithoutRecentActivity_ChurnsAfter60Days()
    {
        // Last activity 2026-02-01: 60 days later is 2026-04-02 (28 days in February).
        var record = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 1)));

        var outcome = _engine.Evaluate(record, At(2026, 4, 10));

        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Onboarding", "Churned", "churned-inactive-onboarding", At(2026, 4, 2)), (transition.From, transition.To, transition.RuleId, transition.At));
        Assert.Equal("No activity for 60 days (threshold 60 days).", transition.Reasons[0].Message);
    }

    [Fact]
    public void GrowingMature_TwelveMonthsAfterTheFirstPurchase_WithActivityInTheLast30Days()
    {
        var record = Record([.. MonthlyActivity(At(2026, 1, 5), months: 12), Activity(At(2026, 12, 20))]);
        Assert.Equal("Growing", record.Stage);

        var outcome = _engine.Evaluate(record, At(2027, 1, 10));

        Assert.Equal(("Growing", "Mature", At(2027, 1, 5)), (outcome.Transitions[0].From, outcome.Transitions[0].To, outcome.Transitions[0].At));
    }

    [Fact]
    public void MatureLoyal_ThreePurchasesInTwelveMonthsAndAReferral()
    {
        var events = MonthlyActivity(At(2026, 1, 5), months: 13).ToList();
        events.Add(Purchase(At(2027, 1, 10)));
        events.Add(Purchase(At(2027, 1, 20)));
        events.Add(Purchase(At(2027, 1, 25)));
        var mature = Record([.. events]);
        Assert.Equal("Mature", mature.Stage);

        var outcome = _engine.Apply(mature, Referral(At(2027, 1, 28)));

        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Mature", "Loyal", "mature-loyal", At(2027, 1, 28)), (transition.From, transition.To, transition.RuleId, transition.At));
        Assert.Equal("3 purchases in the last 12 months (needs at least 3).", transition.Reasons[0].Message);
        Assert.Equal("lifecycle.any", transition.Reasons[1].Code);
    }

    [Fact]
    public void MatureLoyal_AlsoOnAnNpsPromoterAnswer_ButNotOnAPassive()
    {
        var events = MonthlyActivity(At(2026, 1, 5), months: 13).ToList();
        events.Add(Purchase(At(2027, 1, 10)));
        events.Add(Purchase(At(2027, 1, 20)));
        events.Add(Purchase(At(2027, 1, 25)));
        var mature = Record([.. events]);

        var passive = _engine.Apply(mature, Nps(At(2027, 1, 28), 8));
        var promoter = _engine.Apply(passive.Record, Nps(At(2027, 1, 29), 9));

        Assert.Empty(passive.Transitions);
        var check = Assert.Single(passive.NotFired, c => c.RuleId == "mature-loyal");
        Assert.Equal("None of 2 alternatives holds: No referral yet.; Latest NPS answer 8 (needs at least 9).", Assert.Single(check.Reasons).Message);
        Assert.Equal("Loyal", promoter.Record!.Stage);
    }

    [Fact]
    public void Declining_WhenHealthIsAtRisk()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));

        var outcome = _engine.Apply(growing, Band(At(2026, 6, 1), "AtRisk"));

        Assert.Equal(("Growing", "Declining", "declining-health"), (outcome.Transitions[0].From, outcome.Transitions[0].To, outcome.Transitions[0].RuleId));
        Assert.Equal("Health band is AtRisk (needs AtRisk).", outcome.Transitions[0].Reasons[0].Message);
        Assert.Equal(
            [("analyse-cause", At(2026, 6, 3)), ("win-back-offer", At(2026, 6, 15))],
            outcome.Actions.Select(a => (a.Kind, a.DueAt)));
    }

    [Fact]
    public void Declining_WhenActivityOverSixMonthsFallsBelowHalfOfTheSixBefore()
    {
        // Jan–Jun 2026: 13 activities (the purchase and 2 a month); Jul–Dec: 1 a month, 6 in all.
        // At 2027-01-01 the last six complete months hold 6 < 50% of 13; at every earlier month start they do not.
        var events = new List<LifecycleEvent> { Purchase(At(2026, 1, 5)) };
        for (var month = 1; month <= 6; month++)
        {
            events.Add(Activity(At(2026, month, 10)));
            events.Add(Activity(At(2026, month, 20)));
        }

        for (var month = 7; month <= 12; month++)
        {
            events.Add(Activity(At(2026, month, 15)));
        }

        var record = Record([.. events]);
        Assert.Equal("Growing", record.Stage);

        var outcome = _engine.Evaluate(record, At(2027, 1, 3));

        var transition = outcome.Transitions[0];
        Assert.Equal(("Growing", "Declining", "declining-activity", At(2027, 1, 1, 0)), (transition.From, transition.To, transition.RuleId, transition.At));
        Assert.Equal("Activity in the last 6 months is 6, 46.2% of the 13 in the 6 months before (below 50%).", transition.Reasons[0].Message);
        Assert.Equal(13, outcome.Record!.DeclineBaseline);
    }

    [Fact]
    public void Declining_RecoversToTheStageItsTenureEarns()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));
        var declining = _engine.Apply(growing, Band(At(2026, 6, 1), "AtRisk")).Record;

        var outcome = _engine.Apply(declining, Band(At(2026, 6, 2), "Healthy"));

        var transition = Assert.Single(outcome.Transitions);
        Assert.Equal(("Declining", "Growing", "declining-recovered"), (transition.From, transition.To, transition.RuleId));
        Assert.Equal("Health band is Healthy (needs Healthy).", transition.Reasons[0].Message);
    }

    [Fact]
    public void Cancellation_ChurnsAnActiveCustomer()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));

        var outcome = _engine.Apply(growing, Command(LifecycleEventKind.Cancellation, At(2026, 6, 1)));

        Assert.Equal(("Growing", "Churned", "churned-cancelled"), (outcome.Transitions[0].From, outcome.Transitions[0].To, outcome.Transitions[0].RuleId));
    }

    [Fact]
    public void NoActivityFor180Days_ChurnsAGrowingCustomer()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));
        Assert.Equal(At(2026, 5, 5), growing.LastActivityAt);

        var outcome = _engine.Evaluate(growing, At(2026, 12, 1));

        // 2026-05-05 + 180 days = 2026-11-01.
        Assert.Equal(("Churned", "churned-inactive", At(2026, 11, 1)), (outcome.Transitions[^1].To, outcome.Transitions[^1].RuleId, outcome.Transitions[^1].At));
    }

    [Fact]
    public void AnyPurchaseOrActivity_ReactivatesAChurnedCustomer_AndThreeActiveMonthsMakeThemGrowing()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));
        var churned = _engine.Apply(growing, Command(LifecycleEventKind.Cancellation, At(2026, 6, 1))).Record;

        var reactivated = _engine.Apply(churned, Purchase(At(2026, 8, 3)));
        var active = _engine.Apply(reactivated.Record, Activity(At(2026, 10, 20)));
        var growingAgain = _engine.Evaluate(active.Record!, At(2026, 11, 10));

        Assert.Equal(("Churned", "Reactivated", "reactivated"), (reactivated.Transitions[0].From, reactivated.Transitions[0].To, reactivated.Transitions[0].RuleId));
        Assert.Equal(At(2026, 8, 3), reactivated.Record!.ReactivatedAt);
        Assert.Equal("welcome-back", reactivated.Actions[0].Kind);
        Assert.Equal(("Reactivated", "Growing", At(2026, 11, 3)), (growingAgain.Transitions[0].From, growingAgain.Transitions[0].To, growingAgain.Transitions[0].At));
    }

    [Fact]
    public void Closure_ExitsAChurnedCustomer()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));
        var churned = _engine.Apply(growing, Command(LifecycleEventKind.Cancellation, At(2026, 6, 1))).Record;

        var outcome = _engine.Apply(churned, Command(LifecycleEventKind.Closure, At(2026, 6, 2)));

        Assert.Equal(("Churned", "Exited", "exited"), (outcome.Transitions[0].From, outcome.Transitions[0].To, outcome.Transitions[0].RuleId));
        Assert.Equal(["polite-exit"], outcome.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void NoLoginFor30Days_DueAReminder()
    {
        var growing = Record(MonthlyActivity(At(2026, 1, 5), months: 5));

        var outcome = _engine.Evaluate(growing, At(2026, 6, 10));

        var reminder = Assert.Single(outcome.Actions);
        Assert.Equal(("reminder", "trigger:no-login-30-days", "Growing", At(2026, 6, 4)), (reminder.Kind, reminder.Source, reminder.Stage, reminder.DueAt));
    }

    /// <summary>A first purchase at <paramref name="start"/> and an activity on the same day of each following month.</summary>
    internal static LifecycleEvent[] MonthlyActivity(Instant start, int months)
    {
        var date = start.InUtc().LocalDateTime;
        return
        [
            Purchase(start),
            .. Enumerable.Range(1, months - 1).Select(m => Activity(date.PlusMonths(m).InUtc().ToInstant())),
        ];
    }
}
