using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed class LifecycleDocSamples
{
    private static readonly CustomerId Customer = CustomerId.From("c-42");

    [Fact]
    public void ApplyAndExplain()
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var record = engine.Replay(Customer, [LifecycleEvent.Create("order-1", Customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 1, 9, 0))]).Record!;

        #region snippet: lifecycle-explain
        var outcome = engine.Evaluate(record, Instant.FromUtc(2026, 1, 20, 0, 0));
        foreach (var check in outcome.NotFired)
        {
            // onboarding-growing → Growing: 0 full months since the first purchase (needs at least 3).
            Console.WriteLine($"{check.RuleId} → {check.To}: {string.Join(" ", check.Reasons.Select(r => r.Message))}");
        }
        #endregion

        Assert.Contains(outcome.NotFired, c => c.RuleId == "onboarding-growing" && c.Reasons[0].Message == "0 full months since the first purchase (needs at least 3).");
    }

    [Fact]
    public void ExplainForAPerson()
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var record = engine.Replay(Customer, [LifecycleEvent.Create("order-1", Customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 1, 9, 0))]).Record!;

        #region snippet: lifecycle-explain-person
        var explanation = engine.Explain(record, Instant.FromUtc(2026, 4, 1, 0, 0));
        Console.WriteLine(explanation.Decision);         // Onboarding → Churned (1 transition)
        Console.WriteLine(explanation.Reasons[0].Message); // No activity for 60 days (threshold 60 days).
        LifecycleOutcome outcome = explanation.Result;   // the same outcome Evaluate returns
        #endregion

        Assert.Equal(Customer.ToString(), explanation.Subject);
        Assert.Equal("Onboarding → Churned (1 transition)", explanation.Decision);
        Assert.Equal("No activity for 60 days (threshold 60 days).", explanation.Reasons[0].Message);
        Assert.Equal("Churned", outcome.Record!.Stage);
        Assert.StartsWith($"{Customer}: Onboarding → Churned (1 transition)\n- No activity for 60 days", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay()
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var eventsFromTheHostsLog = new[]
        {
            LifecycleEvent.Create("visit-7", Customer, LifecycleEventKind.Activity, Instant.FromUtc(2026, 2, 1, 9, 0)),
            LifecycleEvent.Create("order-1", Customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 1, 9, 0)),
        };

        #region snippet: lifecycle-replay
        // Any arrival order gives the same record: events are folded in occurrence order, duplicates skipped.
        var replayed = engine.Replay(Customer, eventsFromTheHostsLog, asOf: Instant.FromUtc(2026, 2, 2, 0, 0));
        Console.WriteLine(replayed.Record!.Stage); // Onboarding
        #endregion

        Assert.Equal("Onboarding", replayed.Record.Stage);
        Assert.Equal(2, replayed.Record.EventCount);
    }

    [Fact]
    public void Sweep()
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var records = new[]
        {
            engine.Replay(Customer, [LifecycleEvent.Create("order-1", Customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 1, 9, 0))]).Record!,
        };
        var saved = new List<LifecycleRecord>();

        #region snippet: lifecycle-sweep
        var results = new LifecycleSweepResult[records.Length];
        engine.Evaluate(records, Instant.FromUtc(2026, 6, 1, 0, 0), results);
        foreach (var result in results)
        {
            if (result.Changed)
            {
                saved.Add(result.Record); // the host saves only what changed
            }
        }
        #endregion

        Assert.Equal("Churned", Assert.Single(saved).Stage);
    }

    [Fact]
    public async Task ServiceOverAStore()
    {
        #region snippet: lifecycle-service
        var services = new ServiceCollection()
            .AddCustomerLifecycle(lifecycle => lifecycle.ConfigureLifecycle(policy => policy.TimeZoneId = "Europe/Berlin"))
            .AddInMemoryLifecycleStore(); // or: services.AddSingleton<ILifecycleStore, MyDatabaseStore>()
        using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredService<LifecycleService>();
        var outcome = await service.ApplyAsync(LifecycleEvent.Create("order-1", Customer, LifecycleEventKind.Purchase, Instant.FromUtc(2026, 1, 2, 9, 0)));
        #endregion

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(1, (await provider.GetRequiredService<ILifecycleStore>().LoadAsync(Customer))!.Version);
    }

    [Fact]
    public void CustomPolicy()
    {
        #region snippet: lifecycle-custom-policy
        var policy = new LifecycleOptions();
        policy.Stages.Add(new StageOptions { Name = "Trial", Kind = StageKind.Prospect, Description = "Free trial running." });
        policy.Rules.Add(new TransitionRuleOptions { Id = "trial-started", From = ["Engaged"], To = "Trial", On = ["TrialStarted"] });
        policy.Rules.Add(new TransitionRuleOptions { Id = "trial-converted", From = ["Trial"], To = "Onboarding", On = ["Purchase"] });
        policy.Rules.Add(new TransitionRuleOptions
        {
            Id = "trial-expired",
            From = ["Trial"],
            To = "Churned",
            When = [new ConditionOptions { Kind = ConditionKind.NoActivityForDays, Days = 30 }],
        });

        var json = PolicyJson.Serialize(policy);         // store it per tenant
        var engine = new LifecycleEngine(PolicyJson.Deserialize<LifecycleOptions>(json));
        Console.WriteLine(engine.ToMermaid());           // the graph, drawn from the same policy
        #endregion

        Assert.Contains("    Trial --> Onboarding : trial-converted (on Purchase)", engine.ToMermaid(), StringComparison.Ordinal);
    }
}
