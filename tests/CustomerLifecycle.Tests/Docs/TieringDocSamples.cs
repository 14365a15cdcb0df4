using System.Text.RegularExpressions;
using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Serialization;
using CustomerLifecycle.Tiering;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed partial class TieringDocSamples
{
    [Fact]
    public void RfmScoresAndSegments()
    {
        #region snippet: tiering-rfm
        var engine = new TieringEngine(new TieringOptions());
        var asOf = Instant.FromUtc(2024, 1, 1, 0, 0);

        // From raw transactions (refunds are negative) ...
        RfmTransaction[] history =
        [
            new(asOf - Duration.FromDays(40), 120.0),
            new(asOf - Duration.FromDays(3), 80.0),
            new(asOf - Duration.FromDays(2), -30.0),
        ];
        RfmSummary first = engine.Summarize(history, asOf); // last purchase 3 days ago, 2 purchases, 170 net

        // ... or from summaries the host already keeps.
        RfmSummary[] population =
        [
            first,
            new(asOf - Duration.FromDays(200), 8, 800.0),
            new(asOf - Duration.FromDays(10), 1, 100.0),
            new(asOf - Duration.FromDays(30), 5, 300.0),
            default, // never bought
        ];
        var scores = new RfmScore[population.Length];
        engine.ScoreRfm(population, asOf, scores);

        // scores[0]: R5 F3 M3 "Potential Loyalist"; scores[4]: R1 F1 M1 "Lost"
        #endregion

        Assert.Equal(new RfmSummary(asOf - Duration.FromDays(3), 2, 170), first);
        Assert.Equal(new RfmScore(5, 3, 3, 1, "Potential Loyalist"), scores[0]);
        Assert.Equal(new RfmScore(1, 1, 1, 9, "Lost"), scores[4]);
    }

    [Fact]
    public void RfmRuleSets()
    {
        #region snippet: tiering-rule-sets
        var options = new TieringOptions();
        options.Rfm.Segments = RfmSegmentTables.RfmPackage02();   // or RfmPackage03() (the default), ElevenSegmentGrid()
        options.Rfm.Segments.Add(new RfmSegmentRule { Name = "Big spenders", Monetary = new ScoreRange(5, 5) });
        options.Rfm.ScoreCount = 5;                                 // any n from 2 to 100
        var engine = new TieringEngine(options);
        #endregion

        Assert.Equal("Big spenders", engine.SegmentNames[^1]);
    }

    [Fact]
    public void Tiers()
    {
        #region snippet: tiering-tiers
        var engine = new TieringEngine(new TieringOptions());
        var asOf = Instant.FromUtc(2024, 1, 1, 0, 0);
        var since = asOf - Duration.FromDays(800);

        TierInput[] customers =
        [
            new(Value: 5000, LoginsPerWeek: 4, CustomerSince: since),                                // top revenue, active, tenured
            new(Value: 3000, LoginsPerWeek: 1.5, CustomerSince: since),                              // top revenue, less active
            new(Value: 1500, MatchesIdealProfile: true, Previous: new TierState(Tier: 1, EvaluationsBelow: 0)),
            new(Value: 500),
        ];
        var tiers = new TierAssignment[customers.Length];
        engine.Evaluate(customers, asOf, tiers);

        // tiers[0].TierName == "Core", tiers[1].TierName == "Key", tiers[3].TierName == "General";
        // tiers[2]: the rules say Potential, but a downgrade waits: it stays "Key" with DowngradePending.
        // Store tiers[i].State and pass it back as Previous next time.
        #endregion

        Assert.Equal(["Core", "Key", "Key", "General"], tiers.Select(t => t.TierName));
        Assert.True(tiers[2].DowngradePending);
        Assert.Equal(new TierState(1, 1), tiers[2].State);
    }

    [Fact]
    public void Explain()
    {
        var engine = new TieringEngine(new TieringOptions());
        var asOf = Instant.FromUtc(2024, 1, 1, 0, 0);
        TierInput[] customers = [new(5000, 4, asOf - Duration.FromDays(800)), new(3000, 1.5, asOf - Duration.FromDays(800)), new(1500), new(500)];

        #region snippet: tiering-explain
        ValueTierCuts cuts = engine.ComputeValueCuts([.. customers.Select(c => c.Value)]);
        Explanation<TierResult> why = engine.Explain(customers[1], cuts, asOf);
        Console.WriteLine(why);

        // tier: Key
        // - Value 3000 is 30% of the population's value: value tier Key.
        // - Rule 0 (All) for Core did not match: ValueTier AtOrAbove 0 (was 1), LoginsPerWeek AtLeast 3 (was 1.5).
        // - Rule 1 (All) gives Key: ValueTier AtOrAbove 1 (was 1), LoginsPerWeek AtLeast 1 (was 1.5).
        // why.Result is what Evaluate(customers[1], cuts, asOf) returns; why.Result.Rules lists every rule with each
        // criterion's threshold, actual value and outcome.
        #endregion

        Assert.Equal(
            "tier: Key\n- Value 3000 is 30% of the population's value: value tier Key.\n- Rule 0 (All) for Core did not match: ValueTier AtOrAbove 0 (was 1), LoginsPerWeek AtLeast 3 (was 1.5).\n- Rule 1 (All) gives Key: ValueTier AtOrAbove 1 (was 1), LoginsPerWeek AtLeast 1 (was 1.5).",
            why.ToString());
        Assert.Equal(4, why.Result.Rules.Count);
    }

    [Fact]
    public void Chunks()
    {
        var engine = new TieringEngine(new TieringOptions());
        var asOf = Instant.FromUtc(2024, 1, 1, 0, 0);
        var since = asOf - Duration.FromDays(800);
        TierInput[] customers =
        [
            new(Value: 5000, LoginsPerWeek: 4, CustomerSince: since),
            new(Value: 3000, LoginsPerWeek: 1.5, CustomerSince: since),
            new(Value: 1500, MatchesIdealProfile: true, Previous: new TierState(Tier: 1, EvaluationsBelow: 0)),
            new(Value: 500),
        ];

        #region snippet: tiering-chunks
        // Once, over the whole population: the revenue-share cut points (the values are all it needs).
        ValueTierCuts cuts = engine.ComputeValueCuts([.. customers.Select(c => c.Value)]);

        // Then chunk by chunk (say, a page from the database at a time), each against the whole population's cuts.
        var tiers = new TierAssignment[customers.Length];
        var done = 0;
        foreach (TierInput[] chunk in customers.Chunk(2))
        {
            engine.Evaluate(chunk, cuts, asOf, tiers.AsSpan(done, chunk.Length));
            done += chunk.Length;
        }

        // tiers is what engine.Evaluate(customers, asOf, tiers) gives in one call. Without the cuts, the chunk
        // [1500, 500] would be tiered against its own 2000: 1500 would be 75% of it and in value tier Core.
        #endregion

        var whole = new TierAssignment[customers.Length];
        engine.Evaluate(customers, asOf, whole);
        Assert.Equal(whole, tiers);
        Assert.Equal(2, tiers[2].ValueTier);
        var perChunk = new TierAssignment[2];
        engine.Evaluate(customers.AsSpan(2), asOf, perChunk);
        Assert.Equal(0, perChunk[0].ValueTier);
    }

    [Fact]
    public void SingleCustomer()
    {
        var engine = new TieringEngine(new TieringOptions());
        var asOf = Instant.FromUtc(2024, 1, 1, 0, 0);
        RfmSummary[] population = [new(asOf - Duration.FromDays(1), 10, 1000), new(asOf - Duration.FromDays(200), 8, 800), new(asOf - Duration.FromDays(10), 1, 100), new(asOf - Duration.FromDays(30), 5, 300), new(asOf - Duration.FromDays(60), 3, 500)];
        double[] revenue = [5000, 3000, 1500, 500];

        #region snippet: tiering-single
        // Nightly: compute the population's cut points once and keep them.
        RfmCuts rfmCuts = engine.ComputeRfmCuts(population, asOf);
        ValueTierCuts valueCuts = engine.ComputeValueCuts(revenue);

        // During the day: score and tier one customer against them, with everything behind each decision.
        RfmResult rfm = engine.ScoreRfm(new RfmSummary(asOf - Duration.FromDays(25), 6, 900.0), rfmCuts, asOf);
        TierResult tier = engine.Evaluate(new TierInput(Value: 3200, LoginsPerWeek: 2), valueCuts, asOf);

        // rfm.Score: R3 F3 M4 "Potential Loyalist"; tier.Assignment.TierName == "Key" (value tier Key, rule 1)
        #endregion

        Assert.Equal(new RfmScore(3, 3, 4, 1, "Potential Loyalist"), rfm.Score);
        Assert.Equal(("Key", "Key", 1), (tier.Assignment.TierName, tier.ValueTierName, tier.Assignment.RuleIndex));
    }

    [Fact]
    public void Contacts()
    {
        var engine = new TieringEngine(new TieringOptions());

        #region snippet: tiering-contacts
        var asOf = Instant.FromUtc(2024, 2, 15, 12, 0);
        var customer = new ContactInput(
            Tier: 0, // Core
            LastContact: Instant.FromUtc(2024, 1, 1, 12, 0),
            TimeZoneId: "Europe/Berlin",
            Birthday: new LocalDate(1975, 3, 1),
            ProductUpdate: true);

        ContactPlan plan = engine.PlanContact(customer, asOf);

        // plan.Due.NextDue == 2024-01-31T12:00Z, plan.Due.Overdue == true, plan.Due.DaysOverdue == 15
        // plan.KeyMoments: ProductUpdate on 2024-02-15, Birthday on 2024-03-01, each with the Core theme
        #endregion

        Assert.Equal(Instant.FromUtc(2024, 1, 31, 12, 0), plan.Due.NextDue);
        Assert.Equal((true, 15), (plan.Due.Overdue, plan.Due.DaysOverdue));
        Assert.Equal([KeyMomentKind.ProductUpdate, KeyMomentKind.Birthday], plan.KeyMoments.Select(m => m.Kind));
        Assert.Equal(new LocalDate(2024, 3, 1), plan.KeyMoments[1].Date);
    }

    [Fact]
    public void DependencyInjection()
    {
        #region snippet: tiering-di
        var services = new ServiceCollection();
        services.AddTiering(o =>
        {
            o.Tiers[0].RevenueSharePercent = 60;         // Core: top 60% of revenue
            o.Tiers[1].RevenueSharePercent = 20;         // Key: the next 20% (shares sum to at most 100)
            o.Hysteresis.DowngradeAfterEvaluations = 2;
        });
        // or, with everything: services.AddCustomerLifecycle(b => b.ConfigureTiering(o => { ... }));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<TieringEngine>();
        #endregion

        Assert.Equal(["Core", "Key", "Potential", "General"], engine.TierNames.ToArray());
    }

    [Fact]
    public void JsonExampleInTheDocs_IsAValidPolicy()
    {
        var markdown = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot, "docs", "tiering.md"));
        var json = JsonBlock().Match(markdown);
        Assert.True(json.Success, "docs/tiering.md has no ```json block.");

        var options = PolicyJson.Deserialize<TieringOptions>(json.Groups[1].Value);
        var engine = new TieringEngine(options);

        Assert.Equal(["Core", "Key", "Potential", "General"], engine.TierNames.ToArray());
        Assert.Equal(RfmScoringMethod.Thresholds, options.Rfm.Method);
        Assert.Equal(2, options.Hysteresis.DowngradeAfterEvaluations);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
