using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The customer profile against the engines it composes, called one by one as the CLI's <c>analyze</c> did before it was
/// rebuilt on the profile: folding one purchase (baseline: the lifecycle engine folding the same purchase), and evaluating
/// 1,000,000 customers with every engine — lifecycle at the as-of instant, RFM, tier, health from purchases, CLV fit and
/// predictions (baseline: the CLI's former composition, from the purchase rows and the lifecycle records).
/// </summary>
/// <remarks>The customers buy like CDNOW's (its BG/NBD and Gamma-Gamma processes over 78 weeks, about 2.5 purchases each; a
/// fixed seed, so every run sees the same ones);
/// both evaluations use the CLI's policy (value-only tiers ranked by CLV, health from purchase recency, frequency and trend).</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProfileBenchmarks
{
    private const int Customers = 1_000_000;
    private static readonly LocalDate Start = new(2024, 1, 1);
    private static readonly LocalDate AsOfDate = Start.PlusWeeks(78);
    private static readonly Instant AsOf = InstantOf(AsOfDate);

    private ProfileEngine _profiles = null!;
    private LifecycleEngine _lifecycle = null!;
    private ProfileOptions _policy = null!;

    private ProfileRecord _profile = null!;
    private LifecycleRecord _record = null!;
    private CustomerFact _fact = null!;
    private LifecycleEvent _event = null!;

    private ProfileRecord[] _population = null!;
    private ProfileRecord[] _saved = null!;
    private ProfilePopulation _prepared = null!;
    private CustomerViewSummary[] _views = null!;
    private Row[] _rows = null!;
    private int[] _starts = null!;
    private string[] _ids = null!;
    private LifecycleRecord[] _records = null!;

    [GlobalSetup(Targets = [nameof(LifecycleTryApply), nameof(ProfileTryApply)])]
    public void SetupFold()
    {
        SetupEngines();
        var customer = CustomerId.From("c-1");
        var history = Enumerable.Range(0, 12).Select(i => CustomerFact.Purchase($"p-{i}", customer, InstantOf(Start.PlusWeeks(i * 6)), $"o-{i}", 20 + i)).ToList();
        _profile = _profiles.Replay(customer, history).Profile!;
        _record = _profile.Lifecycle;
        var at = InstantOf(Start.PlusWeeks(75));
        _fact = CustomerFact.Purchase("p-new", customer, at, "o-new", 42.5);
        _event = LifecycleEvent.Create("p-new", customer, LifecycleEventKind.Purchase, at);
    }

    [GlobalSetup(Targets = [nameof(EnginesOneByOne_AsTheCliDid), nameof(ProfilePrepareAndEvaluate), nameof(ProfileEvaluate), nameof(ProfileEvaluateSaved)])]
    public void SetupPopulation()
    {
        SetupEngines();
        var random = new Random(42);
        var rows = new List<Row>(Customers * 3);
        _starts = new int[Customers + 1];
        _ids = new string[Customers];
        _population = new ProfileRecord[Customers];
        var facts = new List<CustomerFact>(8);
        for (var c = 0; c < Customers; c++)
        {
            _starts[c] = rows.Count;
            _ids[c] = c.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var customer = CustomerId.From(_ids[c]);
            facts.Clear();

            // CDNOW's BG/NBD (per week) and Gamma-Gamma processes, as the CLI's generate command draws them.
            var perWeek = Gamma(random, 0.243, 4.414);
            var dropout = Beta(random, 0.793, 2.426);
            var spendRate = Gamma(random, 3.74, 15.44);
            for (double day = random.Next(84); day < 78 * 7; day += Math.Max(1, -Math.Log(1 - random.NextDouble()) / (perWeek / 7)))
            {
                var date = Start.PlusDays((int)day);
                var amount = Math.Max(0.01, Math.Round(Gamma(random, 6.25, spendRate), 2));
                rows.Add(new Row(c, date, amount));
                var id = $"{_ids[c]}|{facts.Count}";
                facts.Add(CustomerFact.Purchase(id, customer, InstantOf(date), id, amount));
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }

            _population[c] = _profiles.Replay(customer, facts).Profile!;
        }

        _starts[Customers] = rows.Count;
        _rows = [.. rows];
        _records = [.. _population.Select(p => p.Lifecycle)];
        _prepared = _profiles.Prepare(_population, AsOf);
        _views = new CustomerViewSummary[Customers];
        _profiles.Evaluate(_population, _prepared, AsOf, _views);
        _saved = [.. _views.Select(v => v.Profile)];
    }

    [Benchmark(Baseline = true, Description = "LifecycleEngine.TryApply, one purchase")]
    [BenchmarkCategory("Fold one fact")]
    public LifecycleRecord? LifecycleTryApply() => _lifecycle.TryApply(_record, _event).Record;

    [Benchmark(Description = "ProfileEngine.TryApply, one purchase")]
    [BenchmarkCategory("Fold one fact")]
    public ProfileRecord? ProfileTryApply() => _profiles.TryApply(_profile, _fact).Profile;

    [Benchmark(Baseline = true, Description = "Engines one by one as the CLI did, 1M customers")]
    [BenchmarkCategory("Evaluate 1M customers")]
    public double EnginesOneByOne_AsTheCliDid()
    {
        // The CLI's former CustomerAnalysis: each engine's own input built from the rows (the date converted for each), the
        // health signals computed by hand, the lifecycle records swept at the as-of instant and not saved.
        var count = _ids.Length;
        var sweep = new LifecycleSweepResult[count];
        _lifecycle.Evaluate(_records, AsOf, sweep);

        var valueEngine = new ValueEngine(_policy.Value);
        var valueTransactions = new ValueTransaction[_rows.Length];
        for (var i = 0; i < _rows.Length; i++)
        {
            valueTransactions[i] = new ValueTransaction(CustomerId.From(_ids[_rows[i].Customer]), InstantOf(_rows[i].Date), _rows[i].Amount);
        }

        var summaries = valueEngine.Summarize(valueTransactions, AsOf).Customers.ToArray();
        var fit = valueEngine.Fit(summaries);
        var predictions = new ValuePrediction[summaries.Length];
        if (fit.Model is { } model)
        {
            valueEngine.Evaluate(summaries, model, predictions);
        }

        var clvOf = new Dictionary<string, double>(summaries.Length, StringComparer.Ordinal);
        for (var i = 0; i < summaries.Length; i++)
        {
            clvOf[summaries[i].CustomerId.ToString()] = fit.Model is null ? double.NaN : predictions[i].Clv;
        }

        var tiering = new TieringEngine(_policy.Tiering);
        var rfmTransactions = new RfmTransaction[_rows.Length];
        for (var i = 0; i < _rows.Length; i++)
        {
            rfmTransactions[i] = new RfmTransaction(InstantOf(_rows[i].Date), _rows[i].Amount);
        }

        var health = new HealthEngine(_policy.Health);
        var rfm = new RfmSummary[count];
        var tierInputs = new TierInput[count];
        var healthInputs = new HealthInput[count];
        for (var c = 0; c < count; c++)
        {
            var start = _starts[c];
            var length = _starts[c + 1] - start;
            rfm[c] = tiering.Summarize(rfmTransactions.AsSpan(start, length), AsOf);
            var clv = clvOf.TryGetValue(_ids[c], out var p) ? p : double.NaN;
            var revenue = 0.0;
            int lastYear = 0, recent = 0, previous = 0;
            for (var i = start; i < start + length; i++)
            {
                revenue += _rows[i].Amount;
                var daysAgo = Period.Between(_rows[i].Date, AsOfDate, PeriodUnits.Days).Days;
                lastYear += daysAgo <= 365 ? 1 : 0;
                recent += daysAgo <= 90 ? 1 : 0;
                previous += daysAgo is > 90 and <= 180 ? 1 : 0;
            }

            tierInputs[c] = new TierInput(fit.Model is null ? revenue : (double.IsFinite(clv) ? clv : 0), CustomerSince: InstantOf(_rows[start].Date));
            var input = default(HealthInput);
            input.Set(0, Period.Between(_rows[start + length - 1].Date, AsOfDate, PeriodUnits.Days).Days);
            input.Set(1, lastYear);
            input.Set(2, HealthSignals.UsageTrend(recent, previous));
            healthInputs[c] = input;
        }

        var scores = new RfmScore[count];
        tiering.ScoreRfm(rfm, AsOf, scores);
        var tiers = new TierAssignment[count];
        tiering.Evaluate(tierInputs, AsOf, tiers);
        var healthScores = new HealthScoreSummary[count];
        health.Evaluate(healthInputs, AsOf, healthScores);
        return healthScores[^1].Score + scores[^1].Recency + tiers[^1].Tier + sweep[^1].Transitions;
    }

    [Benchmark(Description = "ProfileEngine Prepare + batch Evaluate, 1M customers")]
    [BenchmarkCategory("Evaluate 1M customers")]
    public double ProfilePrepareAndEvaluate()
    {
        var population = _profiles.Prepare(_population, AsOf);
        return _profiles.Evaluate(_population, population, AsOf, _views) + _views[^1].Health.Score;
    }

    [Benchmark(Description = "ProfileEngine batch Evaluate, 1M customers, population prepared")]
    [BenchmarkCategory("Evaluate 1M customers")]
    public double ProfileEvaluate() => _profiles.Evaluate(_population, _prepared, AsOf, _views) + _views[^1].Health.Score;

    /// <summary>The next night's sweep: the profiles as the evaluation at <see cref="AsOf"/> saved them (tier state kept,
    /// band fed), evaluated a day later, when only what moved is a new profile.</summary>
    [Benchmark(Description = "ProfileEngine batch Evaluate, 1M saved profiles, the next day")]
    [BenchmarkCategory("Evaluate 1M customers")]
    public double ProfileEvaluateSaved() => _profiles.Evaluate(_saved, _prepared, AsOf + Duration.FromDays(1), _views) + _views[^1].Health.Score;

    private static Instant InstantOf(LocalDate date) => date.AtMidnight().InUtc().ToInstant();

    /// <summary>A Gamma(shape, rate) draw (Marsaglia and Tsang; a shape below 1 boosted).</summary>
    private static double Gamma(Random random, double shape, double rate)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1, rate) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            if (Math.Log(1 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v / rate;
            }
        }
    }

    private static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a, 1);
        return x / (x + Gamma(random, b, 1));
    }

    private static HealthFactorOptions Linear(string id, double weight, double min, double max, HealthDirection direction) => new()
    {
        Id = id,
        Weight = weight,
        Direction = direction,
        Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = min, Max = max },
    };

    private static TierRule ValueTier(string tier) => new()
    {
        Tier = tier,
        Match = RuleMatch.All,
        Criteria = [new TierCriterion { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = tier }],
    };

    /// <summary>The CLI's policy: value-only tiers ranked by CLV, health from purchases.</summary>
    private void SetupEngines()
    {
        var health = new HealthOptions
        {
            Factors =
            [
                Linear("purchase-recency", 50, 0, 365, HealthDirection.LowerIsBetter),
                Linear("purchase-frequency", 30, 0, 6, HealthDirection.HigherIsBetter),
                Linear("purchase-trend", 20, -0.8, 0, HealthDirection.HigherIsBetter),
            ],
        };
        health.Trend.UsageDrops = [];
        var tiering = new TieringOptions();
        tiering.Rules = [ValueTier("Core"), ValueTier("Key"), ValueTier("Potential")];
        _policy = new ProfileOptions { Tiering = tiering, Health = health, TierValue = ProfileTierValue.Clv };
        _profiles = new ProfileEngine(_policy);
        _lifecycle = _profiles.Lifecycle;
    }

    private readonly record struct Row(int Customer, LocalDate Date, double Amount);
}
