using CustomerLifecycle.Health;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>Evaluates the file's customers' profiles with the profile engine's batch path, and turns each view into a row.</summary>
internal static class CustomerAnalysis
{
    /// <summary>How many customers one batch call evaluates: enough that a chunk's work dwarfs handing it to a core.</summary>
    private const int Chunk = 8_192;

    private static readonly ValuePrediction NoPrediction = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public static Analysis Run(ProfileEngine engine, ProfileRecord[] profiles, Instant asOf, Output.Progress progress)
    {
        progress.Step("fitting BG/NBD and Gamma-Gamma, and cutting RFM and value tiers");
        var population = engine.Prepare(profiles, asOf);

        progress.Step($"evaluating {profiles.Length:N0} profiles: lifecycle, RFM, tier, health and CLV");
        // Customers are independent and the engine is thread-safe: the batch runs a chunk of customers per core.
        var views = new CustomerViewSummary[profiles.Length];
        var results = new CustomerResult[profiles.Length];
        Parallel.For(0, (profiles.Length + Chunk - 1) / Chunk, chunk =>
        {
            var start = chunk * Chunk;
            var count = Math.Min(Chunk, profiles.Length - start);
            engine.Evaluate(profiles.AsSpan(start, count), population, asOf, views.AsSpan(start, count));
            for (var c = start; c < start + count; c++)
            {
                results[c] = Result(engine, views[c]);
            }
        });

        return new Analysis(results, views, population.Fit, engine.Lifecycle.Stages, engine.Tiering.TierNames, engine.Health.BandNames);
    }

    private static CustomerResult Result(ProfileEngine engine, in CustomerViewSummary view)
    {
        var profile = view.Profile;
        var scored = view.Health.Status == HealthStatus.Scored;
        var prediction = view.Value ?? NoPrediction;
        return new CustomerResult(
            profile.Customer.ToString(),
            profile.PurchaseCount,
            profile.NetSpend,
            profile.Lifecycle.FirstPurchaseAt!.Value.InUtc().Date,
            profile.Lifecycle.LastPurchaseAt!.Value.InUtc().Date,
            profile.Lifecycle.Stage,
            view.Rfm.Segment,
            view.Rfm.Recency,
            view.Rfm.Frequency,
            view.Rfm.Monetary,
            view.Tier.TierName,
            scored ? view.Health.Score : double.NaN,
            scored ? engine.Health.BandName(view.Health.BandIndex) : "Unscored",
            prediction.ProbabilityAlive,
            prediction.ExpectedPurchases,
            prediction.ExpectedSpend,
            prediction.Clv,
            null);
    }
}

/// <summary>The per-customer results of <c>analyze</c>, the views they came from, and what the summary needs besides.</summary>
internal sealed record Analysis(
    CustomerResult[] Customers,
    CustomerViewSummary[] Views,
    ValueFit Fit,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<string> Bands);
