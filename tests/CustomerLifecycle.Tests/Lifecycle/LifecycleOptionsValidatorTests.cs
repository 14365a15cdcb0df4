using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.Options;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

public sealed class LifecycleOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(LifecycleOptions options)
        => new LifecycleOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void TheDefaultPolicy_IsValid()
    {
        Assert.Empty(Failures(new LifecycleOptions()));
    }

    [Fact]
    public void FieldProblems_AreAllListed_EachNamingTheFieldAndTheValue()
    {
        var options = new LifecycleOptions { InitialStage = "Lead", TimeZoneId = "Mars/Olympus", DuplicateWindow = 0, WorkingDays = [], Holidays = ["2026-13-01"] };
        options.Rules[3].From.Add("Growng");
        options.Rules[3].When.Add(new ConditionOptions { Kind = ConditionKind.ActivityRatioBelow, Months = 30 });
        options.Rules[4].On.Add("purchase");
        options.Stages[2].Playbook[0].BusinessDays = -1;

        Assert.Equal(
            [
                "Stages[2].Playbook[0].BusinessDays: must be in range [0-3650] but was -1.",
                "InitialStage: unknown stage 'Lead'; known stages are Prospect, Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "TimeZoneId: 'Mars/Olympus' is not an IANA time zone id.",
                "WorkingDays: must name at least one day.",
                "Holidays[0]: '2026-13-01' is not a date in yyyy-MM-dd format.",
                "DuplicateWindow: must be in range [1-1024] but was 0.",
                "Rules[3].From[1]: unknown stage 'Growng'; known stages are Prospect, Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "Rules[3].When[2].Months: must be in range [1-24] but was 30.",
                "Rules[3].When[2].Ratio: is required.",
                "Rules[4].On[0]: 'purchase' differs from the event kind 'Purchase' only in case; event names are case-sensitive.",
            ],
            Failures(options));
    }

    [Fact]
    public void Holidays_ThatAreNotDatesInIsoFormat_AreEachListed_WithTheirIndexAndValue()
    {
        var options = new LifecycleOptions { Holidays = ["2026-12-24", "24.12.2026", "2026-02-30", "2026-1-6", "", null!] };

        Assert.Equal(
            [
                "Holidays[1]: '24.12.2026' is not a date in yyyy-MM-dd format.",
                "Holidays[2]: '2026-02-30' is not a date in yyyy-MM-dd format.",
                "Holidays[3]: '2026-1-6' is not a date in yyyy-MM-dd format.",
                "Holidays[4]: '' is not a date in yyyy-MM-dd format.",
                "Holidays[5]: '' is not a date in yyyy-MM-dd format.",
            ],
            Failures(options));
    }

    [Fact]
    public void AnUnreachableStage_AndADeadEnd_AreRejected()
    {
        var options = new LifecycleOptions();
        options.Stages.Add(new StageOptions { Name = "Paused", Kind = StageKind.Active });

        Assert.Equal(
            [
                "Stages: 'Paused' is unreachable from the initial stage 'Prospect'.",
                "Stages: 'Paused' is a dead end: no rule leads out of it and it is not Closed.",
            ],
            Failures(options));
    }

    [Fact]
    public void AClosedStageWithAWayOut_IsRejected()
    {
        var options = new LifecycleOptions();
        options.Rules.Add(new TransitionRuleOptions { Id = "undo-exit", From = ["Exited"], To = "Churned", On = ["Activity"] });

        Assert.Equal(["Stages: 'Exited' is Closed but rules lead out of it (undo-exit); a closed stage is terminal."], Failures(options));
    }

    [Fact]
    public void OverlappingRules_AreRejected()
    {
        var options = new LifecycleOptions();
        options.Rules.Add(new TransitionRuleOptions
        {
            Id = "onboarding-mature",
            From = ["Onboarding"],
            To = "Mature",
            When = [new ConditionOptions { Kind = ConditionKind.MonthsSinceFirstPurchaseAtLeast, Months = 3 }],
        });

        Assert.Equal(
            ["Rules[15]: overlaps Rules[3] ('onboarding-mature' and 'onboarding-growing' both leave 'Onboarding' on the same trigger with the conditions of one contained in the other's); make their conditions exclusive."],
            Failures(options));
    }

    [Fact]
    public void ContradictoryConditions_AndSelfLoops_AreRejected()
    {
        var options = new LifecycleOptions();
        options.Rules[3].When.Add(new ConditionOptions { Kind = ConditionKind.NoActivityForDays, Days = 45 });
        options.Rules[6].When.Add(new ConditionOptions { Kind = ConditionKind.HealthBandIs, Band = "Healthy" });
        options.Rules[0].To = "Prospect";

        Assert.Equal(
            [
                "Rules[0].To: 'Prospect' is also in From; a rule cannot move a stage to itself.",
                "Rules[3].When: contradictory conditions: no activity for 45 days and activity within 30 days can never both hold.",
                "Rules[6].When: contradictory conditions: the health band cannot be 'AtRisk' and 'Healthy' at once.",
            ],
            Failures(options));
    }

    [Fact]
    public void ACycleOfUnconditionalTimeRules_IsRejected()
    {
        var options = new LifecycleOptions
        {
            Stages = [new StageOptions { Name = "A" }, new StageOptions { Name = "B" }],
            Rules =
            [
                new TransitionRuleOptions { Id = "a-b", From = ["A"], To = "B" },
                new TransitionRuleOptions { Id = "b-a", From = ["B"], To = "A" },
            ],
            Triggers = [],
            InitialStage = "A",
        };

        Assert.Equal(["Rules: the time-based rules without conditions form a cycle through 'A' ('b-a' returns to it); add conditions that cannot all hold at once."], Failures(options));
    }

    [Fact]
    public void MissingAndDuplicateIds_AndBadConditions_AreRejected()
    {
        var options = new LifecycleOptions();
        options.Rules[1].Id = "prospect-engaged";
        options.Rules[2].Id = " ";
        options.Rules[5].When[1] = new ConditionOptions { Kind = ConditionKind.Any, AnyOf = [new ConditionOptions { Kind = ConditionKind.LatestNpsAtLeast, Score = 11 }] };
        options.Triggers[0].Stages = ["Nowhere"];
        options.Stages[0].Name = "Engaged";

        Assert.Equal(
            [
                "Stages[1].Name: 'Engaged' is defined more than once.",
                "InitialStage: unknown stage 'Prospect'; known stages are Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "Rules[0].From[0]: unknown stage 'Prospect'; known stages are Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "Rules[1].Id: 'prospect-engaged' is used by more than one rule.",
                "Rules[1].From[0]: unknown stage 'Prospect'; known stages are Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "Rules[2].Id: must not be empty.",
                "Rules[2].From[0]: unknown stage 'Prospect'; known stages are Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
                "Rules[5].When[1].AnyOf: must have at least two alternatives.",
                "Triggers[0].Stages[0]: unknown stage 'Nowhere'; known stages are Engaged, Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified, Exited.",
            ],
            Failures(options));
    }

    [Fact]
    public void TheEngine_RefusesAnInvalidPolicy_ListingEveryProblem()
    {
        var options = new LifecycleOptions { TimeZoneId = "Nowhere/City", DuplicateWindow = 5000 };

        var ex = Assert.Throws<OptionsValidationException>(() => new LifecycleEngine(options));

        Assert.Equal(
            ["TimeZoneId: 'Nowhere/City' is not an IANA time zone id.", "DuplicateWindow: must be in range [1-1024] but was 5000."],
            ex.Failures);
    }

    [Fact]
    public void ThePolicy_RoundTripsThroughJson()
    {
        var options = new LifecycleOptions { TimeZoneId = "Europe/Berlin", Holidays = ["2026-12-24", "2026-12-25"] };
        options.Stages[3].Name = "Expanding";
        foreach (var rule in options.Rules)
        {
            rule.From = [.. rule.From.Select(s => s == "Growing" ? "Expanding" : s)];
            rule.To = rule.To == "Growing" ? "Expanding" : rule.To;
        }

        options.Triggers[0].Stages = [.. options.Triggers[0].Stages.Select(s => s == "Growing" ? "Expanding" : s)];

        var json = PolicyJson.Serialize(options);
        var back = PolicyJson.Deserialize<LifecycleOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Contains("\"kind\": \"MonthsSinceFirstPurchaseAtLeast\"", json, StringComparison.Ordinal);
        Assert.Contains("\"holidays\": [\n    \"2026-12-24\",\n    \"2026-12-25\"\n  ],", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(["2026-12-24", "2026-12-25"], back.Holidays);
        Assert.Equal(new LifecycleEngine(options).ToMermaid(), new LifecycleEngine(back).ToMermaid());
        Assert.Empty(Failures(back));
    }

    [Fact]
    public void TheDefaultPolicy_RoundTripsThroughJson_WithNoHolidays()
    {
        var json = PolicyJson.Serialize(new LifecycleOptions());
        var back = PolicyJson.Deserialize<LifecycleOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Contains("\"holidays\": [],", json, StringComparison.Ordinal);
        Assert.Empty(back.Holidays);
    }

    [Fact]
    public void Json_WithAnUnknownProperty_IsAnError()
    {
        var ex = Assert.Throws<System.Text.Json.JsonException>(() => PolicyJson.Deserialize<LifecycleOptions>("{ \"initialStag\": \"Prospect\" }"));

        Assert.Contains("initialStag", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostsCanRenameStagesAndAddTheirOwn()
    {
        var options = new LifecycleOptions();
        options.Stages.Add(new StageOptions { Name = "Trial", Kind = StageKind.Prospect });
        options.Rules.Add(new TransitionRuleOptions { Id = "trial-started", From = ["Engaged"], To = "Trial", On = ["TrialStarted"] });
        options.Rules.Add(new TransitionRuleOptions { Id = "trial-converted", From = ["Trial"], To = "Onboarding", On = ["Purchase"] });
        var engine = new LifecycleEngine(options);

        var outcome = engine.Replay(Customer, [Contact(At(2026, 1, 1)), LifecycleEvent.Custom("e-trial", Customer, At(2026, 1, 2), "TrialStarted"), Purchase(At(2026, 1, 20))]);

        Assert.Equal(["Engaged", "Trial", "Onboarding"], outcome.Transitions.Select(t => t.To));
    }

    [Fact]
    public void MonthsAreCountedInThePolicysTimeZone_AcrossDaylightSaving()
    {
        // 2026-01-01 09:00 in Berlin is 08:00Z; three calendar months later, 2026-04-01 09:00 CEST, is 07:00Z.
        var engine = new LifecycleEngine(new LifecycleOptions { TimeZoneId = "Europe/Berlin" });
        var record = engine.Replay(Customer, [Purchase(At(2026, 1, 1, 8)), Activity(At(2026, 2, 20)), Activity(At(2026, 3, 25))]).Record!;

        var outcome = engine.Evaluate(record, At(2026, 4, 5));

        Assert.Equal(At(2026, 4, 1, 7), outcome.Transitions[0].At);
    }

    [Fact]
    public void TheMermaidDiagram_ShowsEveryStageAndRule()
    {
        var options = new LifecycleOptions
        {
            InitialStage = "Lead",
            Stages = [new StageOptions { Name = "Lead", Kind = StageKind.Prospect }, new StageOptions { Name = "Paying customer" }, new StageOptions { Name = "Gone", Kind = StageKind.Closed }],
            Rules =
            [
                new TransitionRuleOptions { Id = "converted", From = ["Lead"], To = "Paying customer", On = ["Purchase"] },
                new TransitionRuleOptions { Id = "lapsed", From = ["Paying customer"], To = "Gone", When = [new ConditionOptions { Kind = ConditionKind.NoActivityForDays, Days = 90 }] },
            ],
            Triggers = [],
        };

        Assert.Equal(
            """
            stateDiagram-v2
                state "Paying customer" as stage1
                [*] --> Lead
                Lead --> stage1 : converted (on Purchase)
                stage1 --> Gone : lapsed (time)
                Gone --> [*]

            """.ReplaceLineEndings("\n"),
            new LifecycleEngine(options).ToMermaid());
    }
}
