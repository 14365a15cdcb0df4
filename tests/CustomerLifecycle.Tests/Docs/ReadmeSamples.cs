#pragma warning disable IDE0005 // The usings are part of the README sample.
#region snippet: quick-start-usings
using CustomerLifecycle;
using CustomerLifecycle.Lifecycle;
using NodaTime;
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
}
