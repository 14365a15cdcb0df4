using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Tests.Value;
using CustomerLifecycle.Value;
using CustomerLifecycle.Value.Kpis;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

/// <summary>The C# samples of docs/value.md, compiled and checked.</summary>
public sealed class ValueDocSamples
{
    [Fact]
    public void Quickstart()
    {
        ValueTransaction[] transactions = CdnowData.Transactions;

        #region snippet: value-quickstart
        var engine = new ValueEngine(new ValueOptions { HorizonPeriods = 39, Margin = 0.3, DiscountRate = 0.0018 });

        // Calibration: everything up to 1997-09-30; weeks are days / 7.
        var summary = engine.Summarize(transactions, Instant.FromUtc(1997, 9, 30, 0, 0));
        var fit = engine.Fit(summary.Customers.ToArray());
        var model = fit.Model ?? throw new InvalidOperationException(string.Join("; ", fit.Reasons));

        var customer = summary.Customers.Single(c => c.CustomerId == CustomerId.From("1516"));
        ValuePrediction value = engine.Evaluate(customer, model);
        // customer: 26 repeat purchases, the last at 30.86 of 31 weeks
        // value.ProbabilityAlive ≈ 0.97, value.ExpectedPurchases ≈ 20.7 in the next 39 weeks, value.ExpectedSpend ≈ 39.9
        #endregion

        Assert.Equal(26, customer.Frequency);
        Assert.Equal(0.97, Math.Round(value.ProbabilityAlive, 2));
        Assert.Equal(20.7, Math.Round(value.ExpectedPurchases, 1));
        Assert.Equal(39.9, Math.Round(value.ExpectedSpend, 1));
        Assert.True(value.Clv > 0);
    }

    [Fact]
    public void Batch()
    {
        var engine = new ValueEngine(new ValueOptions());
        var model = ValueModel.FromBgNbd(BgNbdParameters.From(0.243, 4.414, 0.793, 2.426), GammaGammaParameters.From(6.25, 3.74, 15.44));
        CustomerSummary[] customers = CdnowData.Summaries;

        #region snippet: value-batch
        var outputs = new ValuePrediction[customers.Length];
        engine.Evaluate(customers, model, outputs); // no allocation per customer

        var explanation = engine.Explain(customers[0], model); // for the few a person looks at
        // explanation.Decision == "CLV 11.04 over 52 weeks (P(alive) 0.73)"; explanation.Result is what Evaluate returns
        // explanation.Reasons[0].Code == "value.probability-alive", with frequency, recency, T, parameters and the figure in its Data
        #endregion

        Assert.Equal("CLV 11.04 over 52 weeks (P(alive) 0.73)", explanation.Decision);
        Assert.Equal(engine.Evaluate(customers[0], model), explanation.Result);
        Assert.Equal("value.probability-alive", explanation.Reasons[0].Code);
        Assert.Equal(explanation.Result.ProbabilityAlive, explanation.Reasons[0].Data["probabilityAlive"]);
        Value.ValueEngineTests.AssertClose(engine.Evaluate(customers[0], model), outputs[0]);
    }

    [Fact]
    public void Models()
    {
        CustomerSummary[] customers = CdnowData.Summaries;

        #region snippet: value-models
        ModelFit<BgNbdParameters> fit = BgNbdModel.Fit(customers, new FittingOptions { MaxIterations = 200 });
        // fit.Report.Converged == true; fit.Parameters: r = 0.243, α = 4.414, a = 0.793, b = 2.426; fit.LogLikelihood ≈ −9582.4

        var p = fit.Parameters!.Value;
        var customer = CustomerSummary.Create(CustomerId.From("x"), frequency: 2, recency: 30.43, t: 38.86);
        double expected = BgNbdModel.ExpectedPurchases(p, customer, 39); // ≈ 1.226 (Fader, Hardie & Lee 2005)
        double alive = BgNbdModel.ProbabilityAlive(p, customer);
        #endregion

        Assert.True(fit.Report.Converged);
        Assert.Equal(1.226, Math.Round(expected, 3));
        Assert.InRange(alive, 0.5, 1);
    }

    [Fact]
    public void Kpis()
    {
        #region snippet: value-kpis
        var kpis = new KpiCalculator(new KpiOptions()); // or engine.Kpis, with the policy's targets

        KpiResult nps = kpis.Nps([10, 9, 9, 8, 7, 3]);                   // 100 · (3 − 1) / 6 ≈ 33.3, target 50: not met
        KpiResult retention = kpis.RetentionRate(200, 190, 40, KpiPeriod.Monthly); // (190 − 40) / 200 = 0.75 ≥ 0.70
        CohortRetention cohort = kpis.CohortRetention([500, 350, 300], KpiPeriod.Monthly);
        // cohort.Curve: 1, 0.7, 0.6
        #endregion

        Assert.Equal(100.0 * 2 / 6, nps.Value, 12);
        Assert.False(nps.TargetMet);
        Assert.Equal(0.75, retention.Value);
        Assert.True(retention.TargetMet);
        Assert.Equal([1.0, 0.7, 0.6], cohort.Curve);
    }

    [Fact]
    public void SimpleModels()
    {
        #region snippet: value-simple-clv
        double historic = SimpleClv.Historic([120.0, 80.0, -15.0]);          // 185
        double formula = SimpleClv.RetentionFormula(100, 0.8, 0.1);           // 100 · 0.8 / (1 + 0.1 − 0.8) ≈ 266.67
        #endregion

        Assert.Equal(185.0, historic);
        Assert.Equal(266.67, Math.Round(formula, 2));
    }

    [Fact]
    public void DependencyInjection()
    {
        var services = new ServiceCollection();

        #region snippet: value-di
        services.AddCustomerLifecycle(lifecycle => lifecycle.ConfigureValue(o =>
        {
            o.PurchaseModel = PurchaseModelKind.ParetoNbd;
            o.HorizonPeriods = 52;
        }));
        // or, on its own: services.AddValue(o => o.Margin = 0.25);
        #endregion

        using var provider = services.BuildServiceProvider();
        Assert.Equal(52, provider.GetRequiredService<ValueEngine>().HorizonPeriods);
    }
}
