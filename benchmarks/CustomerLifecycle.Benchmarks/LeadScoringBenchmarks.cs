using BenchmarkDotNet.Attributes;
using CustomerLifecycle.LeadScoring;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Lead scoring of 100,000 prospects (the default policy; 0–12 interactions each over the last half year): the batch path
/// against the explained single-prospect <c>Evaluate</c> called per prospect.
/// </summary>
[MemoryDiagnoser]
public class LeadScoringBenchmarks
{
    private const int Prospects = 100_000;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly string[] Industries = ["software", "manufacturing", "retail", "professional-services", "education"];
    private static readonly string[] Regions = ["europe", "north-america", "asia"];
    private static readonly string[] Domains = ["acme.io", "gmail.com", "example.com", "contoso.de"];
    private static readonly string[] Kinds = ["email-open", "site-visit", "content-download", "webinar", "pricing-page", "demo-request"];
    private static readonly string[][] FlagSets = [[], ["uses-erp"], ["competitor"], ["uses-erp", "unsubscribed"], ["spam"]];

    private LeadScoringEngine _engine = null!;
    private LeadInput[] _inputs = null!;
    private LeadAssessment[] _outputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new LeadScoringEngine(new LeadScoringOptions());

        // A fixed seed: the same prospects in every run.
        var random = new Random(42);
        _inputs = new LeadInput[Prospects];
        _outputs = new LeadAssessment[Prospects];
        for (var i = 0; i < Prospects; i++)
        {
            var interactions = new LeadInteraction[random.Next(13)];
            for (var j = 0; j < interactions.Length; j++)
            {
                interactions[j] = new LeadInteraction(Kinds[random.Next(Kinds.Length)], AsOf - Duration.FromHours(random.Next(24 * 180)));
            }

            _inputs[i] = new LeadInput(CustomerId.From($"p-{i}"))
            {
                Industry = Industries[random.Next(Industries.Length)],
                Employees = random.Next(1, 5_000),
                Region = Regions[random.Next(Regions.Length)],
                EmailDomain = Domains[random.Next(Domains.Length)],
                Flags = FlagSets[random.Next(FlagSets.Length)],
                Interactions = interactions,
            };
        }
    }

    [Benchmark(Baseline = true, Description = "Explained Evaluate per prospect, 100k prospects")]
    public double SingleExplained_PerProspect()
    {
        var total = 0.0;
        foreach (var input in _inputs)
        {
            total += _engine.Evaluate(input, AsOf).Total;
        }

        return total;
    }

    [Benchmark(Description = "LeadScoringEngine batch, 100k prospects")]
    public LeadAssessment Batch()
    {
        _engine.Evaluate(_inputs, AsOf, _outputs);
        return _outputs[^1];
    }
}
