using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Health;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed class HealthDocSamples
{
    [Fact]
    public void QuickStart_ScoresOneCustomerAndExplainsIt()
    {
        #region snippet: health-quick-start
        var engine = new HealthEngine(new HealthOptions()); // the default policy
        var asOf = Instant.FromUtc(2026, 11, 1, 0, 0);

        var input = engine.CreateInput(new Dictionary<string, double>
        {
            ["login-frequency"] = HealthSignals.LoginsPerWeek(logins: 6),        // 6 in 4 weeks = 1.5 a week
            ["feature-adoption"] = HealthSignals.FeatureAdoption(used: 5, available: 10),
            ["usage-trend"] = HealthSignals.UsageTrend(recent: 60, previous: 100), // down 40%
            ["support"] = HealthSignals.SupportLoad(openComplaints: 0, tickets: 1),
            ["nps"] = HealthSignals.NpsAnswer(9),
            ["payment"] = HealthSignals.DaysOverdue(asOf - Duration.FromDays(15), paidAt: null, asOf),
        });

        HealthResult result = engine.Evaluate(input, asOf);
        // result.Score = 63, result.Band = "Warning", result.Coverage = 1
        // result.Factors: login-frequency 1.5 → 50 × 0.25 = 12.5 points, …, payment 15 → 75 × 0.1 = 7.5 points

        // For a person: the same parameters, the decision in one line and every factor's part in it.
        Explanation<HealthResult> why = engine.Explain(input, asOf);
        Console.WriteLine(why);

        // health score: 63 Warning
        // - Score 63 is in band Warning [60, 80), with 100% of the weight covered by data.
        // - Factor "login-frequency": 1.5 → 50 points × 25% of the score = 12.5 points.
        // - …
        // - Factor "payment": 15 → 75 points × 10% of the score = 7.5 points.
        #endregion

        Assert.Equal(63, result.Score!.Value.Value, 9);
        Assert.Equal("Warning", result.Band);
        Assert.Equal(1, result.Coverage);
        Assert.Equal(12.5, result.Factor("login-frequency")!.Points, 9);
        Assert.Equal(7.5, result.Factor("payment")!.Points, 9);
        Assert.Equal("63 Warning", why.Decision);
        Assert.Equal("Factor \"login-frequency\": 1.5 → 50 points × 25% of the score = 12.5 points.", why.Reasons[1].Message);
        Assert.Equal("Factor \"payment\": 15 → 75 points × 10% of the score = 7.5 points.", why.Reasons[^1].Message);
    }

    [Fact]
    public void Batch_ScoresManyCustomers()
    {
        var engine = new HealthEngine(new HealthOptions());
        var asOf = Instant.FromUtc(2026, 11, 1, 0, 0);

        #region snippet: health-batch
        int logins = engine.SlotOf("login-frequency"), nps = engine.SlotOf("nps");
        var inputs = new HealthInput[3];
        inputs[0].Set(logins, 3);   // 100 points
        inputs[0].Set(nps, 5);      // 50 points
        inputs[1].Set(logins, 0.6); // 20 points; nps missing → excluded, the weights re-normalised
        // inputs[2] has no data at all

        var outputs = new HealthScoreSummary[inputs.Length];
        engine.Evaluate(inputs, asOf, outputs); // allocates nothing per customer

        // outputs[0]: Scored, 81.25 (= (25 × 100 + 15 × 50) / 40), band "Healthy", coverage 0.4
        // outputs[1]: Scored, 20, band "AtRisk"; outputs[2]: NoData, BandIndex -1
        string band = engine.BandName(outputs[0].BandIndex);
        Explanation<HealthResult> whyIsTheSecondRed = engine.Explain(inputs[1], asOf); // only for the customers a person looks at
        #endregion

        Assert.Equal(3250.0 / 40, outputs[0].Score, 9);
        Assert.Equal("Healthy", band);
        Assert.Equal(0.4, outputs[0].Coverage, 9);
        Assert.Equal(20, outputs[1].Score, 9);
        Assert.Equal("AtRisk", engine.BandName(outputs[1].BandIndex));
        Assert.Equal(HealthStatus.NoData, outputs[2].Status);
        Assert.Equal(HealthFactorDataState.Excluded, whyIsTheSecondRed.Result.Factor("nps")!.State);
    }

    [Fact]
    public void Configure_GroupsStepGridsAndMissingData()
    {
        #region snippet: health-configure
        var options = new HealthOptions
        {
            Factors =
            [
                new() { Id = "nps", Weight = 1, Normalizer = new() { Min = 0, Max = 10 }, MissingData = HealthMissingDataPolicy.CarryForward, CarryForwardDays = 180 },
                new() { Id = "days-overdue", Weight = 1, Direction = HealthDirection.LowerIsBetter, Normalizer = new() { Min = 0, Max = 60 }, MissingData = HealthMissingDataPolicy.Fail },
            ],
            Groups =
            [
                new()
                {
                    Id = "usage",
                    Weight = 2,
                    Factors =
                    [
                        new() { Id = "logins-per-week", Weight = 3, Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Midpoint = 1.5, Steepness = 2 } },
                        new() { Id = "seats-used", Weight = 1, Normalizer = new() { Kind = HealthNormalizerKind.RatioToTarget, Target = 50 } },
                        new()
                        {
                            Id = "open-tickets",
                            Weight = 1,
                            MissingData = HealthMissingDataPolicy.TreatAsZero,
                            Normalizer = new()
                            {
                                Kind = HealthNormalizerKind.StepGrid,
                                Steps =
                                [
                                    new() { To = 0, ToInclusive = true, Points = 100 },                        // 0 tickets
                                    new() { From = 0, FromInclusive = false, To = 3, ToInclusive = true, Points = 60 }, // 1–3
                                    new() { From = 3, FromInclusive = false, Points = 0 },                     // more than 3
                                ],
                            },
                        },
                        new() { Id = "reports-used", Weight = 0 }, // weight 0: watched for usage drops, not scored
                    ],
                },
            ],
            Trend = new HealthTrendOptions { UsageDrops = [new() { FactorId = "reports-used", DropPercent = 70 }] },
        };

        var engine = new HealthEngine(options); // throws OptionsValidationException listing every problem

        // Or through DI, validated when the host starts:
        var services = new ServiceCollection().AddHealth(o => o.Bands[2].Name = "Critical");
        #endregion

        Assert.Equal(["nps", "days-overdue", "logins-per-week", "seats-used", "open-tickets", "reports-used"], engine.FactorIds);
        using var provider = services.BuildServiceProvider();
        Assert.Equal("Critical", provider.GetRequiredService<HealthEngine>().BandNames[2]);
    }

    [Fact]
    public void Trend_RaisesAlerts()
    {
        var engine = new HealthEngine(new HealthOptions());
        var asOf = Instant.FromUtc(2026, 11, 1, 0, 0);
        HealthInput Customer(double loginsPerWeek, double nps)
        {
            var input = default(HealthInput);
            input.Set(engine.SlotOf("login-frequency"), loginsPerWeek);
            input.Set(engine.SlotOf("nps"), nps);
            return input;
        }

        #region snippet: health-trend
        // The host keeps each customer's results (or re-scores stored inputs) and passes them in time order.
        HealthResult[] history =
        [
            engine.Evaluate(Customer(loginsPerWeek: 2.5, nps: 9), asOf - Duration.FromDays(60)), // 85.83, Healthy
            engine.Evaluate(Customer(loginsPerWeek: 1.5, nps: 8), asOf - Duration.FromDays(30)), // 61.25, Warning
            engine.Evaluate(Customer(loginsPerWeek: 0.5, nps: 7), asOf),                         // 36.67, AtRisk
        ];

        HealthTrend trend = engine.AnalyzeTrend(history, asOf);
        // trend.Direction = Declining, trend.Change = -49.17, trend.Band = "AtRisk" (what the lifecycle engine reads)
        // trend.Alerts: health.band-drop (Warning → AtRisk), health.score-drop (49.17 points within 90 days),
        //               health.usage-drop (login-frequency down 80%)
        #endregion

        Assert.Equal(HealthTrendDirection.Declining, trend.Direction);
        Assert.Equal(-49.17, Math.Round(trend.Change!.Value, 2));
        Assert.Equal("AtRisk", trend.Band);
        Assert.Equal(["health.band-drop", "health.score-drop", "health.usage-drop"], trend.Alerts.Select(a => a.Reason.Code));
        Assert.Equal(85.83, Math.Round(history[0].Score!.Value.Value, 2));
        Assert.Equal(61.25, Math.Round(history[1].Score!.Value.Value, 2));
        Assert.Equal(36.67, Math.Round(history[2].Score!.Value.Value, 2));
    }

    [Fact]
    public void OverrideDiffAndRollUp()
    {
        var engine = new HealthEngine(new HealthOptions());
        var asOf = Instant.FromUtc(2026, 11, 1, 0, 0);
        var lastWeek = engine.Evaluate(engine.CreateInput(new Dictionary<string, double> { ["login-frequency"] = 3, ["nps"] = 9 }), asOf - Duration.FromDays(7));
        var input = engine.CreateInput(new Dictionary<string, double> { ["login-frequency"] = 1.5, ["nps"] = 9 });

        #region snippet: health-override-diff-rollup
        var manual = new HealthOverride(
            HealthScore.From(85), "Renewal signed; usage dip is the summer break", "maria@example.com",
            expiresAt: asOf + Duration.FromDays(30), locked: false, computedScoreWhenSet: HealthScore.From(65));
        HealthResult now = engine.Evaluate(input, asOf, manual);
        // now.Score = 85 ("Healthy") beside now.ComputedScore = 65 ("Warning"); now.Override = manual

        HealthDiff why = HealthEngine.Diff(lastWeek, now);
        // why.ScoreChange = -31.25 (96.25 → 65); why.Factors[0] = login-frequency, -31.25 points

        HealthRollUpResult account = engine.RollUp(
            [new("acme-eu", HealthScore.From(90), Weight: 100_000), new("acme-us", HealthScore.From(40), Weight: 300_000)],
            HealthRollUpMethod.Weighted);
        // account.Score = 52.5 ("AtRisk"); account.Children[1].Points = 30
        #endregion

        Assert.Equal(85, now.Score!.Value.Value);
        Assert.Equal(65, now.ComputedScore!.Value.Value, 9);
        Assert.Equal(-31.25, why.ScoreChange, 9);
        Assert.Equal(-31.25, why.Factors[0].PointsChange, 9);
        Assert.Same(manual, now.Override);
        Assert.Equal("login-frequency", why.Factors[0].FactorId);
        Assert.Equal(52.5, account.Score.Value, 9);
        Assert.Equal(30, account.Children[1].Points, 9);
    }

    [Fact]
    public void TheJsonPolicyInTheDocs_IsValid()
    {
        var markdown = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot, "docs", "health.md"));
        var start = markdown.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);

        var options = PolicyJson.Deserialize<HealthOptions>(markdown[start..end]);

        Assert.True(new HealthOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(["nps", "logins-per-week", "open-tickets"], new HealthEngine(options).FactorIds);
    }
}
