using CustomerLifecycle.Cli.Policy;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>Runs the engines over the file's customers: lifecycle stage, RFM and tier, health from purchases, CLV.</summary>
internal static class CustomerAnalysis
{
    public static Analysis Run(CliPolicy policy, LifecycleEngine lifecycle, CustomerTransactions data, LifecycleRecord[] records, Instant asOf, Output.Progress progress)
    {
        var count = data.Customers.Length;
        var asOfDate = asOf.InUtc().Date;

        progress.Step($"evaluating {count:N0} lifecycle records");
        var sweep = new LifecycleSweepResult[count];
        lifecycle.Evaluate(records, asOf, sweep);

        progress.Step("fitting BG/NBD and Gamma-Gamma and predicting CLV");
        var valueEngine = new ValueEngine(policy.Value);
        var valueTransactions = new ValueTransaction[data.Rows.Length];
        for (var i = 0; i < data.Rows.Length; i++)
        {
            var row = data.Rows[i];
            valueTransactions[i] = new ValueTransaction(CustomerId.From(row.Customer), CustomerTransactions.InstantOf(row.Date), row.Amount);
        }

        var summary = valueEngine.Summarize(valueTransactions, asOf);
        var summaries = summary.Customers.ToArray();
        var fit = valueEngine.Fit(summaries);
        var predictions = new ValuePrediction[summaries.Length];
        if (fit.Model is { } model)
        {
            valueEngine.Evaluate(summaries, model, predictions);
        }

        var predictionOf = new Dictionary<string, ValuePrediction>(summaries.Length, StringComparer.Ordinal);
        for (var i = 0; i < summaries.Length; i++)
        {
            predictionOf[summaries[i].CustomerId.ToString()] = fit.Model is null ? new ValuePrediction(double.NaN, double.NaN, double.NaN, double.NaN) : predictions[i];
        }

        progress.Step("scoring RFM, tiers and health");
        var tiering = new TieringEngine(policy.Tiering);
        var rfmTransactions = new RfmTransaction[data.Rows.Length];
        for (var i = 0; i < data.Rows.Length; i++)
        {
            rfmTransactions[i] = new RfmTransaction(CustomerTransactions.InstantOf(data.Rows[i].Date), data.Rows[i].Amount);
        }

        var rfm = new RfmSummary[count];
        var tierInputs = new TierInput[count];
        var health = new HealthEngine(policy.Health);
        var recencySlot = SlotOf(health, CliPolicy.PurchaseRecency);
        var frequencySlot = SlotOf(health, CliPolicy.PurchaseFrequency);
        var trendSlot = SlotOf(health, CliPolicy.UsageTrend);
        var healthInputs = new HealthInput[count];
        for (var c = 0; c < count; c++)
        {
            var start = data.Starts[c];
            var rows = data.RowsOf(c);
            rfm[c] = tiering.Summarize(rfmTransactions.AsSpan(start, rows.Length), asOf);
            var clv = predictionOf.TryGetValue(data.Customers[c], out var p) ? p.Clv : double.NaN;
            var revenue = 0.0;
            int lastYear = 0, recent = 0, previous = 0;
            foreach (var row in rows)
            {
                revenue += row.Amount;
                var daysAgo = Period.Between(row.Date, asOfDate, PeriodUnits.Days).Days;
                lastYear += daysAgo <= 365 ? 1 : 0;
                recent += daysAgo <= 90 ? 1 : 0;
                previous += daysAgo is > 90 and <= 180 ? 1 : 0;
            }

            tierInputs[c] = new TierInput(fit.Model is null ? revenue : (double.IsFinite(clv) ? clv : 0), CustomerSince: CustomerTransactions.InstantOf(rows[0].Date));
            var input = default(HealthInput);
            if (recencySlot >= 0)
            {
                input.Set(recencySlot, Period.Between(rows[^1].Date, asOfDate, PeriodUnits.Days).Days);
            }

            if (frequencySlot >= 0)
            {
                input.Set(frequencySlot, lastYear);
            }

            if (trendSlot >= 0)
            {
                input.Set(trendSlot, HealthSignals.UsageTrend(recent, previous));
            }

            healthInputs[c] = input;
        }

        var scores = new RfmScore[count];
        tiering.ScoreRfm(rfm, asOf, scores);
        var tiers = new TierAssignment[count];
        tiering.Evaluate(tierInputs, asOf, tiers);
        var healthScores = new HealthScoreSummary[count];
        health.Evaluate(healthInputs, asOf, healthScores);

        var results = new CustomerResult[count];
        for (var c = 0; c < count; c++)
        {
            var rows = data.RowsOf(c);
            var revenue = 0.0;
            foreach (var row in rows)
            {
                revenue += row.Amount;
            }

            var prediction = predictionOf.TryGetValue(data.Customers[c], out var found) ? found : new ValuePrediction(double.NaN, double.NaN, double.NaN, double.NaN);
            var scored = healthScores[c].Status == HealthStatus.Scored;
            results[c] = new CustomerResult(
                data.Customers[c],
                rows.Length,
                revenue,
                rows[0].Date,
                rows[^1].Date,
                sweep[c].Record.Stage,
                scores[c].Segment,
                scores[c].Recency,
                scores[c].Frequency,
                scores[c].Monetary,
                tiers[c].TierName,
                scored ? healthScores[c].Score : double.NaN,
                scored ? health.BandName(healthScores[c].BandIndex) : "Unscored",
                prediction.ProbabilityAlive,
                prediction.ExpectedPurchases,
                prediction.ExpectedSpend,
                prediction.Clv,
                null);
        }

        var modelName = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{policy.Value.PurchaseModel} + Gamma-Gamma, CLV over {policy.Value.HorizonPeriods} {policy.Value.TimeUnit.ToString().ToLowerInvariant()}, margin {policy.Value.Margin}");
        return new Analysis(results, sweep.Select(s => s.Record).ToArray(), fit, modelName, lifecycle.Stages, tiering.TierNames, health.BandNames);
    }

    private static int SlotOf(HealthEngine engine, string factorId) => engine.FactorIds.Contains(factorId) ? engine.SlotOf(factorId) : -1;
}

/// <summary>The per-customer results of <c>analyze</c> and what the summary needs besides.</summary>
internal sealed record Analysis(
    CustomerResult[] Customers,
    LifecycleRecord[] Records,
    ValueFit Fit,
    string ModelName,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<string> Bands);
