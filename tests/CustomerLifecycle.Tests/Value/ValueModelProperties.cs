using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Value;

public sealed class ValueModelProperties
{
    private static readonly Lazy<ModelFit<BgNbdParameters>> BgNbdFit = new(() => BgNbdModel.Fit(CdnowData.Summaries));
    private static readonly Lazy<ModelFit<ParetoNbdParameters>> ParetoNbdFit = new(() => ParetoNbdModel.Fit(CdnowData.Summaries));
    private static readonly Lazy<ModelFit<BgNbdParameters>> ModifiedFit = new(() => ModifiedBgNbdModel.Fit(CdnowData.Summaries));
    private static readonly Lazy<ModelFit<GammaGammaParameters>> GammaGammaFit = new(() => GammaGammaModel.Fit(CdnowData.Summaries));
    private static readonly GammaGammaParameters Spend = GammaGammaParameters.From(6.25, 3.74, 15.44);

    private static Gen<CustomerSummary> Customers => ValueGenerators.Customers(10_000, 10_000);

    [Property]
    public Property ProbabilityAlive_IsWithinZeroAndOne()
        => Prop.ForAll(
            (from bg in ValueGenerators.BgNbdParameters from pn in ValueGenerators.ParetoNbdParameters from c in Customers select (bg, pn, c)).ToArbitrary(),
            t =>
            {
                var bg = BgNbdModel.ProbabilityAlive(t.bg, t.c);
                var mbg = ModifiedBgNbdModel.ProbabilityAlive(t.bg, t.c);
                var pn = ParetoNbdModel.ProbabilityAlive(t.pn, t.c);
                return bg is >= 0 and <= 1 && mbg is >= 0 and <= 1 && pn is >= 0 and <= 1;
            });

    [Property]
    public Property ExpectedPurchases_IsNonDecreasingInTheHorizon()
        => Prop.ForAll(
            (from bg in ValueGenerators.BgNbdParameters
             from pn in ValueGenerators.ParetoNbdParameters
             from c in ValueGenerators.Customers(500, 200)
             from t1 in ValueGenerators.Between(0, 300)
             from extra in ValueGenerators.Between(0, 300)
             select (bg, pn, c, t1, t2: t1 + extra)).ToArbitrary(),
            t =>
            {
                var bg1 = BgNbdModel.ExpectedPurchases(t.bg, t.c, t.t1);
                var bg2 = BgNbdModel.ExpectedPurchases(t.bg, t.c, t.t2);
                var pn1 = ParetoNbdModel.ExpectedPurchases(t.pn, t.c, t.t1);
                var pn2 = ParetoNbdModel.ExpectedPurchases(t.pn, t.c, t.t2);
                return (bg2 >= bg1 - (1e-9 * Math.Abs(bg1)) && pn2 >= pn1 - (1e-9 * Math.Abs(pn1)))
                    .Label($"BG/NBD {bg1} → {bg2}; Pareto/NBD {pn1} → {pn2}");
            });

    [Property]
    public Property Clv_IsNonIncreasingInTheDiscountRate()
        => Prop.ForAll(
            (from bg in ValueGenerators.BgNbdParameters
             from c in ValueGenerators.Customers(200, 100)
             from d1 in ValueGenerators.Between(0, 0.5)
             from extra in ValueGenerators.Between(0, 0.5)
             from pareto in Gen.Elements(false, true)
             select (bg, c, d1, d2: d1 + extra, pareto)).ToArbitrary(),
            t =>
            {
                var model = t.pareto
                    ? ValueModel.FromParetoNbd(ParetoNbdParameters.From(t.bg.R, t.bg.Alpha, t.bg.A, t.bg.B), Spend)
                    : ValueModel.FromBgNbd(t.bg, Spend);
                var low = new ValueEngine(new ValueOptions { DiscountRate = t.d1, HorizonPeriods = 26 }).Evaluate(t.c, model).Clv;
                var high = new ValueEngine(new ValueOptions { DiscountRate = t.d2, HorizonPeriods = 26 }).Evaluate(t.c, model).Clv;
                return (high <= low + (1e-9 * Math.Abs(low))).Label($"{low} at {t.d1}, {high} at {t.d2}");
            });

    [Property]
    public Property LogLikelihood_AtTheFit_IsNotBeatenBySmallPerturbations()
        => Prop.ForAll(
            (from e1 in ValueGenerators.Between(-0.02, 0.02)
             from e2 in ValueGenerators.Between(-0.02, 0.02)
             from e3 in ValueGenerators.Between(-0.02, 0.02)
             from e4 in ValueGenerators.Between(-0.02, 0.02)
             select (e1, e2, e3, e4)).ToArbitrary(),
            e =>
            {
                var bg = BgNbdFit.Value;
                var b = bg.Parameters!.Value;
                var bgPerturbed = BgNbdModel.LogLikelihood(BgNbdParameters.From(b.R * (1 + e.e1), b.Alpha * (1 + e.e2), b.A * (1 + e.e3), b.B * (1 + e.e4)), CdnowData.Summaries);
                var pn = ParetoNbdFit.Value;
                var p = pn.Parameters!.Value;
                var pnPerturbed = ParetoNbdModel.LogLikelihood(ParetoNbdParameters.From(p.R * (1 + e.e1), p.Alpha * (1 + e.e2), p.S * (1 + e.e3), p.Beta * (1 + e.e4)), CdnowData.Summaries);
                var gg = GammaGammaFit.Value;
                var g = gg.Parameters!.Value;
                var ggPerturbed = GammaGammaModel.LogLikelihood(GammaGammaParameters.From(g.P * (1 + e.e1), g.Q * (1 + e.e2), g.Gamma * (1 + e.e3)), CdnowData.Summaries);
                var mbg = ModifiedFit.Value;
                var m = mbg.Parameters!.Value;
                var mbgPerturbed = ModifiedBgNbdModel.LogLikelihood(BgNbdParameters.From(m.R * (1 + e.e1), m.Alpha * (1 + e.e2), m.A * (1 + e.e3), m.B * (1 + e.e4)), CdnowData.Summaries);
                return (bgPerturbed <= bg.LogLikelihood + 1e-6 && mbgPerturbed <= mbg.LogLikelihood + 1e-6 && pnPerturbed <= pn.LogLikelihood + 1e-6 && ggPerturbed <= gg.LogLikelihood + 1e-6)
                    .Label($"{bgPerturbed} vs {bg.LogLikelihood}; {pnPerturbed} vs {pn.LogLikelihood}; {ggPerturbed} vs {gg.LogLikelihood}");
            });

    [Property(MaxTest = 50)]
    public Property Predictions_AreFinite_ForFrequencyAndHistoryUpTo10000()
        => Prop.ForAll(
            (from bg in ValueGenerators.BgNbdParameters
             from pn in ValueGenerators.ParetoNbdParameters
             from c in Customers
             from horizon in Gen.Elements(1.0, 39.0, 10_000.0)
             select (bg, pn, c, horizon)).ToArbitrary(),
            t =>
            {
                var engine = new ValueEngine(new ValueOptions { HorizonPeriods = 52 });
                var bgPrediction = engine.Evaluate(t.c, ValueModel.FromBgNbd(t.bg, Spend));
                var pnPrediction = engine.Evaluate(t.c, ValueModel.FromParetoNbd(t.pn, Spend));
                double[] values =
                [
                    BgNbdModel.ExpectedPurchases(t.bg, t.c, t.horizon), ParetoNbdModel.ExpectedPurchases(t.pn, t.c, t.horizon),
                    bgPrediction.ProbabilityAlive, bgPrediction.ExpectedPurchases, bgPrediction.ExpectedSpend, bgPrediction.Clv,
                    pnPrediction.ProbabilityAlive, pnPrediction.ExpectedPurchases, pnPrediction.ExpectedSpend, pnPrediction.Clv,
                    BgNbdModel.LogLikelihood(t.bg, [t.c]), ParetoNbdModel.LogLikelihood(t.pn, [t.c]),
                ];
                return values.All(double.IsFinite).Label(string.Join(", ", values));
            });

    [Property]
    public Property Summaries_DoNotDependOnTheOrderOfTransactions()
        => Prop.ForAll(
            (from transactions in ValueGenerators.Transactions
             from shuffled in Gen.Shuffle(transactions)
             select (transactions, shuffled)).ToArbitrary(),
            t =>
            {
                var engine = new ValueEngine(new ValueOptions { TimeUnit = ValueTimeUnit.Days });
                var end = Instant.FromUtc(2024, 1, 20, 0, 0);
                var holdout = Instant.FromUtc(2024, 2, 10, 0, 0);
                var a = engine.Summarize(t.transactions, end, holdout);
                var b = engine.Summarize(t.shuffled, end, holdout);

                // Spend sums may differ in the last bit with the order of addition.
                static (CustomerId, int, double, double, int, double, double) Key(CustomerSummary s)
                    => (s.CustomerId, s.Frequency, s.Recency, s.T, s.HoldoutFrequency, Math.Round(s.MonetaryValue, 9), Math.Round(s.HoldoutSpend, 9));
                return a.Customers.Select(Key).SequenceEqual(b.Customers.Select(Key))
                    && a.Reasons.SequenceEqual(b.Reasons)
                    && a.CalibrationRepeatPurchases == b.CalibrationRepeatPurchases;
            });

    [Property(MaxTest = 30)]
    public Property EvaluateBatch_AgreesWithOneByOne()
        => Prop.ForAll(
            (from bg in ValueGenerators.BgNbdParameters
             from customers in Customers.ArrayOf()
             from horizon in Gen.Elements(1, 7, 52, 300)
             select (bg, customers, horizon)).ToArbitrary(),
            t =>
            {
                var engine = new ValueEngine(new ValueOptions { HorizonPeriods = t.horizon });
                var model = ValueModel.FromBgNbd(t.bg, Spend);
                var many = Enumerable.Repeat(t.customers, 1 + (64 / Math.Max(1, t.customers.Length))).SelectMany(c => c).ToArray();
                var outputs = new ValuePrediction[many.Length];
                engine.Evaluate(many, model, outputs);
                for (var i = 0; i < many.Length; i++)
                {
                    ValueEngineTests.AssertClose(engine.Evaluate(many[i], model), outputs[i]);
                }

                return true;
            });
}
