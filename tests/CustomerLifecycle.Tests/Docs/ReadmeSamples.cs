#pragma warning disable IDE0005 // The usings are part of the README sample.
#region snippet: quick-start-usings
using CustomerLifecycle;
using CustomerLifecycle.Lifecycle;
using NodaTime;
#endregion
#region snippet: quick-start-profile-usings
using CustomerLifecycle.Profile;
#endregion
#pragma warning restore IDE0005

namespace CustomerLifecycle.Tests.Docs;

public sealed class ReadmeSamples
{
    [Fact]
    public void QuickStart()
    {
        #region snippet: quick-start
        var engine = new LifecycleEngine(new LifecycleOptions()); // the default policy; validated here
        var customer = CustomerId.From("c-42");

        // The host hands in facts; the engine hands back a new record, the transitions and the actions due.
        var bought = engine.Apply(null, LifecycleEvent.Create("order-1001", customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 2, 10, 0)));
        Console.WriteLine(bought.Record!.Stage);                       // Onboarding
        foreach (var action in bought.Actions)
        {
            Console.WriteLine($"{action.Kind} due {action.DueAt}");   // first-personal-contact due 2026-01-05T10:00:00Z, …
        }

        // Time-based rules fire when the record is evaluated at an instant (the nightly sweep).
        var later = engine.Evaluate(bought.Record, Instant.FromUtc(2026, 3, 10, 0, 0));
        var change = later.Transitions[0];
        Console.WriteLine($"{change.From} → {change.To} at {change.At}: {change.Reasons[0].Message}");
        // Onboarding → Churned at 2026-03-03T10:00:00Z: No activity for 60 days (threshold 60 days).
        #endregion

        Assert.Equal("Onboarding", bought.Record.Stage);
        Assert.Equal(("first-personal-contact", Instant.FromUtc(2026, 1, 5, 10, 0)), (bought.Actions[0].Kind, bought.Actions[0].DueAt));
        Assert.Equal(("Onboarding", "Churned", Instant.FromUtc(2026, 3, 3, 10, 0)), (change.From, change.To, change.At));
        Assert.Equal("No activity for 60 days (threshold 60 days).", change.Reasons[0].Message);
    }

    [Fact]
    public void QuickStart_TheProfile()
    {
        #region snippet: quick-start-profile
        var profiles = new ProfileEngine(new ProfileOptions()); // every engine's default policy, validated here
        var ada = CustomerId.From("ada");

        // Whatever the host records about a customer, as facts with ids: in any order, delivered twice or not.
        CustomerFact[] facts =
        [
            CustomerFact.Purchase("order-1001", ada, Instant.FromUtc(2026, 1, 2, 10, 0), orderId: "1001", amount: 120),
            CustomerFact.Login("login-7", ada, Instant.FromUtc(2026, 1, 20, 9, 0)),
            CustomerFact.Purchase("order-1002", ada, Instant.FromUtc(2026, 2, 14, 10, 0), orderId: "1002", amount: 80),
            CustomerFact.NpsAnswer("survey-3", ada, Instant.FromUtc(2026, 2, 20, 12, 0), score: 9),
        ];
        ProfileRecord profile = profiles.Replay(ada, facts).Profile!; // keep it; fold each new fact with profiles.TryApply

        // The whole customer at an instant: the population steps once (RFM and value cuts, the CLV fit), then each customer.
        var asOf = Instant.FromUtc(2026, 3, 1, 0, 0);
        ProfilePopulation population = profiles.Prepare([profile /* , every other customer's profile */], asOf);
        Explanation<CustomerView> why = profiles.Explain(profile, population, asOf);
        // Little usage on record scores her health AtRisk; the evaluation feeds that band to the lifecycle: Declining.
        Console.WriteLine(why.Decision); // Declining · Potential · AtRisk 52 · no CLV (one customer is too few for a CLV fit)
        Console.WriteLine(why.Reasons.First(r => r.Code == "health.band").Message);
        // Score 51.82 is in band AtRisk [0, 60), with 55% of the weight covered by data.
        CustomerView view = why.Result; // view.Lifecycle, view.Rfm, view.Tier, view.Contact, view.Health, view.Value
        #endregion

        // The health band is fed to the lifecycle at asOf: AtRisk moves the onboarding customer to Declining (declining-health).
        Assert.Equal("Declining · Potential · AtRisk 52 · no CLV", why.Decision);
        Assert.Equal("Score 51.82 is in band AtRisk [0, 60), with 55% of the weight covered by data.", why.Reasons.First(r => r.Code == "health.band").Message);
        Assert.Equal(("Potential Loyalist", "Potential"), (view.Rfm.Score.Segment, view.Tier.Assignment.TierName));
    }
}

