namespace CustomerLifecycle.Lifecycle;

/// <summary>The default lifecycle policy (docs/lifecycle.md), in one place.</summary>
public static class LifecycleDefaults
{
    /// <summary>The Prospect stage: potential customer, interest, no purchase.</summary>
    public const string Prospect = "Prospect";

    /// <summary>The Engaged stage: in contact, evaluating.</summary>
    public const string Engaged = "Engaged";

    /// <summary>The Onboarding stage: the first months after the first purchase.</summary>
    public const string Onboarding = "Onboarding";

    /// <summary>The Growing stage: 3–12 months, deepening use.</summary>
    public const string Growing = "Growing";

    /// <summary>The Mature stage: 12+ months, stable value.</summary>
    public const string Mature = "Mature";

    /// <summary>The Loyal (advocate) stage: a repeat buyer who promotes.</summary>
    public const string Loyal = "Loyal";

    /// <summary>The Declining stage: activity or health falling.</summary>
    public const string Declining = "Declining";

    /// <summary>The Churned stage: no business any more.</summary>
    public const string Churned = "Churned";

    /// <summary>The Reactivated stage: won back.</summary>
    public const string Reactivated = "Reactivated";

    /// <summary>The Disqualified stage: a prospect outside the ideal profile.</summary>
    public const string Disqualified = "Disqualified";

    /// <summary>The Exited stage: the relationship closed gracefully.</summary>
    public const string Exited = "Exited";

    internal const string InitialStage = Prospect;
    internal const string TimeZoneId = "UTC";
    internal const int DuplicateWindow = 32;

    internal static readonly DayOfWeek[] WorkingDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] ActiveStages = [Onboarding, Growing, Mature, Loyal];

    internal static List<StageOptions> Stages() =>
    [
        Stage(Prospect, StageKind.Prospect, "Potential customer: interest, no purchase."),
        Stage(Engaged, StageKind.Prospect, "In contact or evaluating."),
        Stage(Onboarding, StageKind.Active, "Introduction period after the first purchase; goal: first value.", tenureMonths: 0,
            Step("first-personal-contact", "Make the first personal contact.", businessDays: 1),
            Step("value-check", "Check that the customer has reached first value.", days: 7)),
        Stage(Growing, StageKind.Active, "Deepening use.", tenureMonths: 3,
            Step("recommend-unused-features", "Recommend features the customer does not use yet.", days: 7)),
        Stage(Mature, StageKind.Active, "Stable value.", tenureMonths: 12,
            Step("exclusive-benefits", "Offer exclusive benefits.", days: 7),
            Step("invite-to-product-design", "Invite the customer to product design sessions.", days: 30)),
        Stage(Loyal, StageKind.Active, "Repeat buyer who promotes.",
            Step("advocacy-programme", "Invite the customer to the referral and advocacy programme.", days: 7)),
        Stage(Declining, StageKind.Declining, "Activity or value falling.",
            Step("analyse-cause", "Analyse why activity or health is falling.", businessDays: 2),
            Step("win-back-offer", "Make a targeted win-back offer.", days: 14)),
        Stage(Churned, StageKind.Churned, "No business any more.",
            Step("win-back-campaign", "Add the customer to the win-back campaign.", days: 7)),
        Stage(Reactivated, StageKind.Reactivated, "Won back.",
            Step("welcome-back", "Welcome the customer back personally.", businessDays: 1)),
        Stage(Disqualified, StageKind.Closed, "Outside the ideal customer profile."),
        Stage(Exited, StageKind.Closed, "Relationship closed gracefully.",
            Step("polite-exit", "Thank the customer and close politely.", businessDays: 2)),
    ];

    internal static List<TransitionRuleOptions> Rules() =>
    [
        Rule("prospect-engaged", [Prospect], Engaged, on: ["Contact", "Activity"],
            description: "A contact or interaction is recorded."),
        Rule("first-purchase", [Prospect, Engaged], Onboarding, on: ["Purchase"],
            description: "First purchase."),
        Rule("disqualified", [Prospect, Engaged], Disqualified, on: ["Disqualification"],
            description: "Disqualified by the host (outside the ideal profile)."),
        Rule("onboarding-growing", [Onboarding], Growing,
            description: "3 months since the first purchase, with activity in the last 30 days.",
            when: [Months(ConditionKind.MonthsSinceFirstPurchaseAtLeast, 3), Days(ConditionKind.ActivityWithinDays, 30)]),
        Rule("growing-mature", [Growing], Mature,
            description: "12 months since the first purchase, with activity in the last 30 days.",
            when: [Months(ConditionKind.MonthsSinceFirstPurchaseAtLeast, 12), Days(ConditionKind.ActivityWithinDays, 30)]),
        Rule("mature-loyal", [Mature], Loyal,
            description: "At least 3 purchases in the last 12 months and a referral or an NPS answer of 9–10.",
            when:
            [
                new ConditionOptions { Kind = ConditionKind.PurchasesInMonthsAtLeast, Count = 3, Months = 12 },
                new ConditionOptions
                {
                    Kind = ConditionKind.Any,
                    AnyOf = [new ConditionOptions { Kind = ConditionKind.HasReferral }, new ConditionOptions { Kind = ConditionKind.LatestNpsAtLeast, Score = 9 }],
                },
            ]),
        Rule("declining-health", [.. ActiveStages], Declining,
            description: "Health band At risk.",
            when: [new ConditionOptions { Kind = ConditionKind.HealthBandIs, Band = "AtRisk" }]),
        Rule("declining-activity", [.. ActiveStages], Declining,
            description: "Activity in the last 6 months below 50% of the 6 months before.",
            when: [new ConditionOptions { Kind = ConditionKind.ActivityRatioBelow, Months = 6, Ratio = 0.5 }]),
        Rule("churned-cancelled", [.. ActiveStages, Declining, Reactivated], Churned, on: ["Cancellation"],
            description: "The customer cancelled."),
        Rule("churned-inactive-onboarding", [Onboarding], Churned,
            description: "No activity for 60 days while onboarding.",
            when: [Days(ConditionKind.NoActivityForDays, 60)]),
        Rule("churned-inactive", [Growing, Mature, Loyal, Declining, Reactivated], Churned,
            description: "No activity for 180 days.",
            when: [Days(ConditionKind.NoActivityForDays, 180)]),
        new TransitionRuleOptions
        {
            Id = "declining-recovered",
            From = [Declining],
            ToTenureStage = true,
            Description = "Health back to Healthy (or never reported) and activity recovered to at least 80% of the earlier level.",
            When =
            [
                new ConditionOptions { Kind = ConditionKind.HealthBandIs, Band = "Healthy", MatchWhenUnknown = true },
                new ConditionOptions { Kind = ConditionKind.ActivityRecovered, Months = 6, Ratio = 0.8 },
            ],
        },
        Rule("reactivated", [Churned], Reactivated, on: ["Purchase", "Activity"],
            description: "Any purchase or activity after churning."),
        Rule("reactivated-growing", [Reactivated], Growing,
            description: "3 months since reactivation, with activity in the last 30 days.",
            when: [Months(ConditionKind.MonthsSinceReactivationAtLeast, 3), Days(ConditionKind.ActivityWithinDays, 30)]),
        Rule("exited", [Declining, Churned], Exited, on: ["Closure"],
            description: "The host closes the relationship gracefully."),
    ];

    internal static List<AutomationTriggerOptions> Triggers() =>
    [
        new AutomationTriggerOptions
        {
            Id = "no-login-30-days",
            Stages = [.. ActiveStages, Reactivated],
            When = [Days(ConditionKind.NoActivityForDays, 30)],
            ActionKind = "reminder",
            Description = "No activity for 30 days: send a reminder.",
        },
    ];

    private static StageOptions Stage(string name, StageKind kind, string description, params PlaybookStepOptions[] playbook)
        => new() { Name = name, Kind = kind, Description = description, Playbook = [.. playbook] };

    private static StageOptions Stage(string name, StageKind kind, string description, int tenureMonths, params PlaybookStepOptions[] playbook)
        => new() { Name = name, Kind = kind, Description = description, TenureMonths = tenureMonths, Playbook = [.. playbook] };

    private static PlaybookStepOptions Step(string kind, string description, int businessDays = 0, int days = 0)
        => new() { Kind = kind, Description = description, BusinessDays = businessDays, Days = days };

    private static TransitionRuleOptions Rule(string id, List<string> from, string to, string description, List<string>? on = null, List<ConditionOptions>? when = null)
        => new() { Id = id, From = from, To = to, On = on ?? [], When = when ?? [], Description = description };

    private static ConditionOptions Months(ConditionKind kind, int months) => new() { Kind = kind, Months = months };

    private static ConditionOptions Days(ConditionKind kind, int days) => new() { Kind = kind, Days = days };
}
