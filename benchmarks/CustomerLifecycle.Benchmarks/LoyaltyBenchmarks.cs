using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The loyalty programme under a tiered policy (member, silver, gold over calendar years in Europe/Berlin): one purchase
/// applied to a member with 100 open lots, and the nightly sweep on 1 January (every lot earned in the first days of the
/// previous year expiring, every tiered member's review) and the liability over 1,000,000 members, 1,000 ledgers of 1 to 24
/// commands repeated. Baseline: the sweep through the single-member Evaluate (the statement with lots and tier explained).
/// The sweep is measured over the same record instances each time (the engine has seen them), and over records just loaded
/// from a store: the 1,000 ledgers saved to and loaded from a <see cref="SqliteLoyaltyStore"/>, copied into a million new
/// instances before each iteration, with the checkpoint the previous night's sweep wrote, with the one this night's wrote
/// (a rerun), and without one (as saved before checkpoints existed); and on an ordinary night (17 March) with the previous
/// night's checkpoint.
/// </summary>
[MemoryDiagnoser]
public class LoyaltyBenchmarks
{
    private const int Members = 1_000_000;
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 9, 0);
    private static readonly Instant SweepAt = Instant.FromUtc(2026, 1, 1, 2, 0);
    private static readonly Instant OrdinaryNight = Instant.FromUtc(2026, 3, 17, 2, 0);

    private LoyaltyEngine _engine = null!;
    private LoyaltyKpiCalculator _kpis = null!;
    private LoyaltyRecord[] _records = null!;
    private LoyaltyBalance[] _balances = null!;
    private LoyaltyRecord[] _checkpointedNightBefore = null!;
    private LoyaltyRecord[] _checkpointedTonight = null!;
    private LoyaltyRecord[] _checkpointedOrdinaryNightBefore = null!;
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
        _checkpointedNightBefore = SavedAndLoaded(templates.Select(t => _engine.Checkpoint(t, SweepAt - Duration.FromDays(1))));
        _checkpointedTonight = SavedAndLoaded(templates.Select(t => _engine.Checkpoint(t, SweepAt)));
        _checkpointedOrdinaryNightBefore = SavedAndLoaded(templates.Select(t => _engine.Checkpoint(t, OrdinaryNight - Duration.FromDays(1))));
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

    /// <summary>Records just loaded, checkpointed by the previous night's sweep: each member whose checkpoint ends by now (a
    /// lot's holding period or lifetime ends or enters the warning window, a tier review) is replayed, every other answered from it.</summary>
    [IterationSetup(Target = nameof(SweepLoadedCheckpointedTheNightBefore))]
    public void LoadCheckpointedTheNightBefore() => Load(_checkpointedNightBefore);

    [Benchmark(Description = "The same sweep over records just loaded, checkpointed the night before")]
    public LoyaltyBalance SweepLoadedCheckpointedTheNightBefore() => SweepFresh();

    /// <summary>Records just loaded, checkpointed by this night's sweep (a rerun): every member is answered from its checkpoint.</summary>
    [IterationSetup(Target = nameof(SweepLoadedCheckpointedTonight))]
    public void LoadCheckpointedTonight() => Load(_checkpointedTonight);

    [Benchmark(Description = "The same sweep over records just loaded, checkpointed at its instant")]
    public LoyaltyBalance SweepLoadedCheckpointedTonight() => SweepFresh();

    /// <summary>Records just loaded on an ordinary night (17 March, no tier review), checkpointed by the previous night's sweep:
    /// only the members whose lots end or enter the warning window that night are replayed.</summary>
    [IterationSetup(Target = nameof(SweepLoadedOnAnOrdinaryNight))]
    public void LoadCheckpointedTheOrdinaryNightBefore() => Load(_checkpointedOrdinaryNightBefore);

    [Benchmark(Description = "The sweep on an ordinary night over records just loaded, checkpointed the night before")]
    public LoyaltyBalance SweepLoadedOnAnOrdinaryNight() => SweepFresh(OrdinaryNight);

    /// <summary>Records just loaded without a checkpoint, as saved before checkpoints existed: every member is replayed.</summary>
    [IterationSetup(Target = nameof(SweepLoadedWithoutCheckpoint))]
    public void LoadWithoutCheckpoint() => Load(_checkpointedTonight, withCheckpoint: false);

    [Benchmark(Description = "The same sweep over records just loaded without a checkpoint")]
    public LoyaltyBalance SweepLoadedWithoutCheckpoint() => SweepFresh();

    /// <summary>Issued, redeemed, expired and the outstanding liability for the year just ended.</summary>
    [Benchmark(Description = "Liability and breakage, 1M members (budget 50 ms)")]
    public decimal Liability() => _kpis.Calculate(_records, Start, SweepAt).Liability;

    /// <summary>One purchase applied to a member with 100 open lots (caps, tier multiplier, the new record).</summary>
    [Benchmark(Description = "One purchase to a member with 100 open lots")]
    public LoyaltyOutcome ApplyPurchase() => _engine.TryApply(_hundredLots, _purchase);

    /// <summary>The ledgers as the SQLite store returns them: saved, then loaded from a new file.</summary>
    private static LoyaltyRecord[] SavedAndLoaded(IEnumerable<LoyaltyRecord> records)
    {
        var path = Path.Combine(Path.GetTempPath(), $"loyalty-benchmark-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteLoyaltyStore(path);
            return [.. records.Select(record =>
            {
                store.SaveAsync(record, 0).AsTask().GetAwaiter().GetResult();
                return store.LoadAsync(record.Member).AsTask().GetAwaiter().GetResult()!.Record;
            })];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>A million new instances of the loaded records (each with its own checkpoint object), as a store returns them:
    /// no summary of an earlier replay on any of them.</summary>
    private void Load(LoyaltyRecord[] loaded, bool withCheckpoint = true)
    {
        _fresh ??= new LoyaltyRecord[Members];
        for (var i = 0; i < Members; i++)
        {
            var record = loaded[i % loaded.Length];
            _fresh[i] = new LoyaltyRecord { Member = record.Member, Entries = record.Entries, Checkpoint = withCheckpoint ? record.Checkpoint! with { } : null };
        }
    }

    private LoyaltyBalance SweepFresh() => SweepFresh(SweepAt);

    private LoyaltyBalance SweepFresh(Instant asOf)
    {
        _engine.Evaluate(_fresh!, asOf, _balances);
        return _balances[^1];
    }
}
