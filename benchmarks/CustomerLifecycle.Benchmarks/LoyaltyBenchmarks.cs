using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The loyalty programme under a tiered policy (member, silver, gold over calendar years in Europe/Berlin): one purchase
/// applied to a member with 100 open lots, and the nightly sweep on 1 January (every lot earned in the first days of the
/// previous year expiring, every tiered member's review) and the liability over 1,000,000 members, 1,000 ledgers of 1 to 24
/// commands repeated. Baseline: the sweep through the single-member Evaluate (the statement with lots and tier explained).
/// </summary>
[MemoryDiagnoser]
public class LoyaltyBenchmarks
{
    private const int Members = 1_000_000;
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 9, 0);
    private static readonly Instant SweepAt = Instant.FromUtc(2026, 1, 1, 2, 0);

    private LoyaltyEngine _engine = null!;
    private LoyaltyKpiCalculator _kpis = null!;
    private LoyaltyRecord[] _records = null!;
    private LoyaltyBalance[] _balances = null!;
    private LoyaltyRecord[]? _fresh;
    private LoyaltyRecord _hundredLots = null!;
    private LoyaltyPurchase _purchase = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new LoyaltyOptions
        {
            TimeZoneId = "Europe/Berlin",
            MonthlyCap = 20_000,
            Tiers =
            [
                new() { Id = "member", Name = "Member" },
                new() { Id = "silver", Name = "Silver", QualifyingPoints = 1_000, EarnMultiplier = 1.25m },
                new() { Id = "gold", Name = "Gold", QualifyingPoints = 5_000, EarnMultiplier = 1.5m },
            ],
        };
        _engine = new LoyaltyEngine(options);
        _kpis = new LoyaltyKpiCalculator(options);

        // A fixed seed: the same ledgers in every run. Purchases of 5-800 every 1-30 days from 1 January 2025, a refund of
        // every seventh and a gift card whenever 1,000 points are available.
        var random = new Random(42);
        var templates = new LoyaltyRecord[1000];
        for (var t = 0; t < templates.Length; t++)
        {
            var member = CustomerId.From($"m-{t}");
            LoyaltyRecord? record = null;
            var at = Start + Duration.FromDays(random.Next(0, 30));
            var commands = 1 + random.Next(24);
            for (var c = 0; c < commands && at < SweepAt; c++)
            {
                var key = $"k{c}";
                LoyaltyCommand command = c % 7 == 6
                    ? new LoyaltyRefund { Key = key, Member = member, At = at, OrderId = $"o{c - 1}", Amount = 5m }
                    : record is not null && _engine.Evaluate(record, at).Balance.Available >= 1000
                        ? new LoyaltyRedemption { Key = key, Member = member, At = at, RewardId = LoyaltyDefaults.GiftCardRewardId }
                        : new LoyaltyPurchase { Key = key, Member = member, At = at, OrderId = $"o{c}", Amount = random.Next(5, 800) };
                record = _engine.TryApply(record, command).Record ?? record;
                at += Duration.FromDays(1 + random.Next(30));
            }

            templates[t] = record ?? new LoyaltyRecord { Member = member };
        }

        _records = [.. Enumerable.Range(0, Members).Select(i => templates[i % templates.Length])];
        _balances = new LoyaltyBalance[Members];

        var hundred = CustomerId.From("m-100");
        LoyaltyRecord? lots = null;
        for (var i = 0; i < 100; i++)
        {
            lots = _engine.TryApply(lots, new LoyaltyPurchase { Key = $"p{i}", Member = hundred, At = Start + Duration.FromDays(i * 3), OrderId = $"p{i}", Amount = 40 }).Record;
        }

        _hundredLots = lots!;
        _purchase = new LoyaltyPurchase { Key = "next", Member = hundred, At = Start + Duration.FromDays(301), OrderId = "next", Amount = 75.5m };
    }

    /// <summary>The sweep without the batch path: one explained statement per member.</summary>
    [Benchmark(Baseline = true, Description = "Sweep via single Evaluate, 1M members")]
    public long SweepOneByOne()
    {
        long available = 0;
        foreach (var record in _records)
        {
            available += _engine.Evaluate(record, SweepAt).Balance.Available;
        }

        return available;
    }

    /// <summary>The nightly sweep: every member's expiry and tier review (grace, soft landing) to the instant, compact balances out.</summary>
    [Benchmark(Description = "Expiry + requalification sweep, batch, 1M members (budget 200 ms)")]
    public LoyaltyBalance Sweep()
    {
        _engine.Evaluate(_records, SweepAt, _balances);
        return _balances[^1];
    }

    /// <summary>Issued, redeemed, expired and the outstanding liability for the year just ended.</summary>
    /// <summary>Fresh copies of the records, as a sweep over records just loaded from a store sees them: no summary of an earlier replay.</summary>
    [IterationSetup(Target = nameof(SweepFreshlyLoaded))]
    public void CopyRecords()
    {
        _fresh ??= new LoyaltyRecord[Members];
        for (var i = 0; i < Members; i++)
        {
            _fresh[i] = _records[i] with { Entries = _records[i].Entries };
        }
    }

    [Benchmark(Description = "The same sweep over records just loaded (no cached replay)")]
    public LoyaltyBalance SweepFreshlyLoaded()
    {
        _engine.Evaluate(_fresh!, SweepAt, _balances);
        return _balances[^1];
    }

    [Benchmark(Description = "Liability and breakage, 1M members (budget 50 ms)")]
    public decimal Liability() => _kpis.Calculate(_records, Start, SweepAt).Liability;

    /// <summary>One purchase applied to a member with 100 open lots (caps, tier multiplier, the new record).</summary>
    [Benchmark(Description = "One purchase to a member with 100 open lots")]
    public LoyaltyOutcome ApplyPurchase() => _engine.TryApply(_hundredLots, _purchase);
}
