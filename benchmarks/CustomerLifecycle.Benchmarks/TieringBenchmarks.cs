using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>RFM scores and segments, and revenue-share tiers, for a million customers, against a straightforward LINQ
/// OrderBy/GroupBy implementation of the same RFM rules (the baseline).</summary>
[MemoryDiagnoser]
public class TieringBenchmarks
{
    private const int Customers = 1_000_000;
    private static readonly Instant AsOf = Instant.FromUtc(2024, 6, 1, 0, 0);

    private TieringEngine _engine = null!;
    private List<RfmSegmentRule> _segments = null!;
    private RfmSummary[] _population = null!;
    private double[] _values = null!;
    private TierInput[] _inputs = null!;
    private RfmScore[] _scores = null!;
    private int[] _tiers = null!;
    private TierAssignment[] _assignments = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new TieringEngine(new TieringOptions());
        _segments = RfmSegmentTables.RfmPackage03();
        var random = new Random(42);
        _population = new RfmSummary[Customers];
        _values = new double[Customers];
        _inputs = new TierInput[Customers];
        for (var i = 0; i < Customers; i++)
        {
            var last = random.Next(10) == 0 ? (Instant?)null : AsOf - Duration.FromDays(random.Next(0, 730));
            var monetary = Math.Round(Math.Exp(random.NextDouble() * 8), 2);
            _population[i] = new RfmSummary(last, random.Next(0, 40), monetary);
            _values[i] = monetary;
            _inputs[i] = new TierInput(
                monetary,
                random.Next(0, 6),
                AsOf - Duration.FromDays(random.Next(0, 1500)),
                random.Next(2) == 0,
                random.Next(3) == 0,
                false,
                random.Next(4) == 0 ? null : new TierState(random.Next(4), random.Next(3)));
        }

        _scores = new RfmScore[Customers];
        _tiers = new int[Customers];
        _assignments = new TierAssignment[Customers];
    }

    /// <summary>The baseline: group equal values, order the groups, score each group by its middle position, then find
    /// the first matching segment, all with LINQ.</summary>
    [Benchmark(Baseline = true)]
    public int RfmLinqOrderByGroupBy()
    {
        var n = _population.Length;
        var recency = LinqScores(_population.Select(c => c.LastPurchase is { } l ? -(AsOf - l).TotalDays : double.NegativeInfinity), n);
        var frequency = LinqScores(_population.Select(c => (double)c.Frequency), n);
        var monetary = LinqScores(_population.Select(c => c.Monetary), n);
        var segments = Enumerable.Range(0, n)
            .Select(i => _segments.FirstOrDefault(s => s.Matches(recency[i], frequency[i], monetary[i]))?.Name ?? "Others")
            .ToArray();
        return segments.Length;
    }

    /// <summary>RFM scores and segments for a million customers through the engine.</summary>
    [Benchmark]
    public int RfmEngine()
    {
        _engine.ScoreRfm(_population, AsOf, _scores);
        return _scores[^1].Recency;
    }

    /// <summary>Revenue-share tiers for a million values through the engine.</summary>
    [Benchmark]
    public int ParetoEngine()
    {
        _engine.AssignValueTiers(_values, _tiers);
        return _tiers[^1];
    }

    /// <summary>Revenue-share tiers with LINQ: order by value, accumulate, cut at the cumulative shares.</summary>
    [Benchmark]
    public int ParetoLinqOrderBy()
    {
        var total = _values.Where(v => v > 0).Sum();
        double[] targets = [0.5, 0.8, 0.95];
        var cumulative = 0.0;
        var tiers = _values
            .Select((v, i) => (Value: v, Index: i))
            .OrderByDescending(x => x.Value)
            .GroupBy(x => x.Value)
            .SelectMany(g =>
            {
                var tier = targets.Count(t => cumulative >= t * total);
                cumulative += g.Key > 0 ? g.Key * g.Count() : 0;
                return g.Select(x => (x.Index, Tier: g.Key > 0 ? tier : 3));
            })
            .ToArray();
        return tiers.Length;
    }

    /// <summary>Value tiers, tier rules and hysteresis for a million customers through the engine.</summary>
    [Benchmark]
    public int TiersEngine()
    {
        _engine.Evaluate(_inputs, AsOf, _assignments);
        return _assignments[^1].Tier;
    }

    private static int[] LinqScores(IEnumerable<double> keys, int n)
    {
        var scores = new int[n];
        var below = 0;
        foreach (var group in keys.Select((k, i) => (Key: k, Index: i)).GroupBy(x => x.Key).OrderBy(g => g.Key))
        {
            var members = group.ToList();
            var score = Math.Min(5, 1 + (int)(5 * (below + (members.Count / 2.0)) / n));
            foreach (var member in members)
            {
                scores[member.Index] = score;
            }

            below += members.Count;
        }

        return scores;
    }
}
