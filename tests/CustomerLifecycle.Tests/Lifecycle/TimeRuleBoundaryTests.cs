using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>
/// The instants where the engine's search for the first time-based rule cuts corners: a recent-activity deadline, a tenure
/// bound estimated before it is worked out, and the earliest instant found so far limiting later rules.
/// </summary>
public sealed class TimeRuleBoundaryTests
{
    [Fact]
    public void ARuleNeedingRecentActivity_FiresWhenItsBoundIsTheLastInstantTheActivityCounts()
    {
        // Purchase 1 Jan 09:00: 3 months on is 1 Apr 09:00. Activity 2 Mar 09:00: 30 days on is 1 Apr 09:00 (31 days in
        // March). The activity on 1 Feb keeps the customer from churning after 60 quiet days (2 Mar 09:00).
        var record = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 1)), Activity(At(2026, 3, 2)));

        var transition = Assert.Single(DefaultEngine.Evaluate(record, At(2026, 4, 10)).Transitions);

        Assert.Equal(("onboarding-growing", At(2026, 4, 1)), (transition.RuleId, transition.At));
        Assert.Equal(At(2026, 4, 1), record.NextCheckAt);
    }

    [Fact]
    public void ARuleNeedingRecentActivity_DoesNotFireWhenTheActivityIsAnHourTooOld()
    {
        // Activity 2 Mar 08:00 counts until 1 Apr 08:00, an hour before the tenure bound: the next rule to fire is the
        // 60 days of inactivity, 1 May 08:00.
        var record = Record(Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 1)), Activity(At(2026, 3, 2, hour: 8)));

        var transition = Assert.Single(DefaultEngine.Evaluate(record, At(2026, 5, 10)).Transitions);

        Assert.Equal(("churned-inactive-onboarding", At(2026, 5, 1, hour: 8)), (transition.RuleId, transition.At));
        Assert.Equal(At(2026, 5, 1, hour: 8), record.NextCheckAt);
    }

    [Theory]
    [InlineData(true, "onboarding-quiet")]
    [InlineData(false, "onboarding-growing")]
    public void TwoRulesFirstHoldingAtOneInstant_TheEarlierInPolicyOrderFires(bool quietFirst, string expected)
    {
        // Both first hold at 1 Apr 09:00: three months since the purchase, and (quiet) 29 days without activity since
        // 3 Mar 09:00 or (growing) activity within 30 days.
        var options = new LifecycleOptions();
        var quiet = new TransitionRuleOptions
        {
            Id = "onboarding-quiet",
            From = [LifecycleDefaults.Onboarding],
            To = LifecycleDefaults.Declining,
            When =
            [
                new ConditionOptions { Kind = ConditionKind.MonthsSinceFirstPurchaseAtLeast, Months = 3 },
                new ConditionOptions { Kind = ConditionKind.NoActivityForDays, Days = 29 },
            ],
        };
        options.Rules.Insert(quietFirst ? options.Rules.FindIndex(r => r.Id == "onboarding-growing") : options.Rules.Count, quiet);
        var engine = new LifecycleEngine(options);
        var record = engine.Replay(Customer, [Purchase(At(2026, 1, 1)), Activity(At(2026, 2, 1)), Activity(At(2026, 3, 3))]).Record!;

        var transition = engine.Evaluate(record, At(2026, 4, 1)).Transitions[0];

        Assert.Equal((expected, At(2026, 4, 1)), (transition.RuleId, transition.At));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Pacific/Chatham")]
    public void TheTenureEstimate_IsNeverAfterTheBoundItself(string zone)
    {
        // Months from any day are at least 28 days each, less the zone's offset range; an estimate after the bound would
        // skip a rule that fires (28 Feb → 28 Mar across the New York spring change is 28 days less an hour).
        var policy = new CompiledPolicy(new LifecycleOptions { TimeZoneId = zone });
        var misses = new List<string>();
        for (var instant = Instant.FromUtc(2025, 1, 1, 0, 30); instant < Instant.FromUtc(2028, 1, 1, 0, 0); instant += Duration.FromHours(5))
        {
            foreach (var months in (int[])[0, 1, 2, 3, 12])
            {
                var bound = policy.Months.AddMonths(instant, months);
                if (policy.Months.AddMonths(instant, months, notAfter: bound) != bound)
                {
                    misses.Add($"{instant} + {months} months");
                }
            }
        }

        Assert.Empty(misses);
    }
}
