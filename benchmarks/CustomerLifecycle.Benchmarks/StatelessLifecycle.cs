using NodaTime;
using Stateless;

namespace CustomerLifecycle.Benchmarks;

/// <summary>What a host keeps per customer when it drives the lifecycle with Stateless.</summary>
public sealed class CustomerFacts
{
    public string Stage { get; set; } = "Prospect";

    public Instant FirstPurchaseAt { get; set; }

    public Instant LastActivityAt { get; set; }

    public Instant Now { get; set; }

    public string? HealthBand { get; set; }

    public int PurchasesLast12Months { get; set; }

    public bool HasReferral { get; set; }

    public int? LatestNps { get; set; }
}

/// <summary>The default lifecycle graph (docs/lifecycle.md) in Stateless: events are triggers, time rules fire on "Tick" behind guards.</summary>
public static class StatelessLifecycle
{
    public const string Contact = "Contact";
    public const string Purchase = "Purchase";
    public const string Activity = "Activity";
    public const string Cancellation = "Cancellation";
    public const string Disqualification = "Disqualification";
    public const string Closure = "Closure";
    public const string Tick = "Tick";

    private static readonly string[] Active = ["Onboarding", "Growing", "Mature", "Loyal"];

    public static StateMachine<string, string> Build(CustomerFacts facts)
    {
        var machine = new StateMachine<string, string>(() => facts.Stage, s => facts.Stage = s);

        machine.Configure("Prospect")
            .Permit(Contact, "Engaged").Permit(Activity, "Engaged").Permit(Purchase, "Onboarding").Permit(Disqualification, "Disqualified");
        machine.Configure("Engaged")
            .Permit(Purchase, "Onboarding").Permit(Disqualification, "Disqualified").Ignore(Contact).Ignore(Activity);

        foreach (var stage in Active)
        {
            machine.Configure(stage)
                .Permit(Cancellation, "Churned").Ignore(Contact).Ignore(Purchase)
                .PermitIf(Tick, "Declining", () => facts.HealthBand == "AtRisk", "health band At risk");
        }

        machine.Configure("Onboarding")
            .Ignore(Activity)
            .PermitIf(Tick, "Growing", () => MonthsSince(facts.FirstPurchaseAt, facts.Now) >= 3 && DaysSince(facts.LastActivityAt, facts.Now) <= 30, "3 months, active in 30 days")
            .PermitIf(Tick, "Churned", () => DaysSince(facts.LastActivityAt, facts.Now) >= 60, "no activity for 60 days");
        machine.Configure("Growing")
            .PermitReentry(Activity)
            .PermitIf(Tick, "Mature", () => MonthsSince(facts.FirstPurchaseAt, facts.Now) >= 12 && DaysSince(facts.LastActivityAt, facts.Now) <= 30, "12 months, active in 30 days")
            .PermitIf(Tick, "Churned", () => DaysSince(facts.LastActivityAt, facts.Now) >= 180, "no activity for 180 days");
        machine.Configure("Mature")
            .Ignore(Activity)
            .PermitIf(Tick, "Loyal", () => facts.PurchasesLast12Months >= 3 && (facts.HasReferral || facts.LatestNps >= 9), "repeat buyer who promotes")
            .PermitIf(Tick, "Churned", () => DaysSince(facts.LastActivityAt, facts.Now) >= 180, "no activity for 180 days");
        machine.Configure("Loyal")
            .Ignore(Activity)
            .PermitIf(Tick, "Churned", () => DaysSince(facts.LastActivityAt, facts.Now) >= 180, "no activity for 180 days");
        machine.Configure("Declining")
            .Permit(Cancellation, "Churned").Permit(Closure, "Exited").Ignore(Activity).Ignore(Purchase)
            .PermitIf(Tick, "Growing", () => facts.HealthBand != "AtRisk", "recovered")
            .PermitIf(Tick, "Churned", () => DaysSince(facts.LastActivityAt, facts.Now) >= 180 && facts.HealthBand == "AtRisk", "no activity for 180 days");
        machine.Configure("Churned")
            .Permit(Purchase, "Reactivated").Permit(Activity, "Reactivated").Permit(Closure, "Exited");
        machine.Configure("Reactivated")
            .Permit(Cancellation, "Churned").Ignore(Activity).Ignore(Purchase)
            .PermitIf(Tick, "Growing", () => DaysSince(facts.LastActivityAt, facts.Now) <= 30, "active since reactivation");
        machine.Configure("Disqualified");
        machine.Configure("Exited");
        return machine;
    }

    private static double DaysSince(Instant then, Instant now) => (now - then).TotalDays;

    private static int MonthsSince(Instant then, Instant now) => Period.Between(then.InUtc().LocalDateTime, now.InUtc().LocalDateTime, PeriodUnits.Months).Months;
}
