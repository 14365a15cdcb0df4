using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The profile's batch evaluation of 100,000 customers with their loyalty ledgers beside the profiles (a programme with
/// tiers; every ledger swept once before, as in a nightly run over records kept in memory) against the same profiles
/// under a policy with no programme (baseline); the profiles as saved after the as-of instant's time rules, so that
/// neither run allocates for a changed profile.
/// </summary>
/// <remarks>Each customer buys 1–12 times over 2026 (amounts 5–500, a refund of every tenth order), a fixed seed, so
/// every run sees the same ones.</remarks>
[MemoryDiagnoser]
public class ProfileLoyaltyBenchmarks
{
    private const int Customers = 100_000;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);

    private ProfileEngine _plain = null!;
    private ProfileEngine _withLoyalty = null!;
    private ProfileRecord[] _profiles = null!;
    private LoyaltyRecord?[] _ledgers = null!;
    private ProfilePopulation _plainPopulation = null!;
    private ProfilePopulation _loyaltyPopulation = null!;
    private CustomerViewSummary[] _views = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new ProfileEngine(new ProfileOptions());
        _withLoyalty = new ProfileEngine(new ProfileOptions
        {
            Loyalty = new LoyaltyOptions
            {
                Tiers = [new() { Id = "member", Name = "Member" }, new() { Id = "silver", Name = "Silver", QualifyingPoints = 1000 }, new() { Id = "gold", Name = "Gold", QualifyingPoints = 3000 }],
            },
        });
        var random = new Random(42);
        _profiles = new ProfileRecord[Customers];
        _ledgers = new LoyaltyRecord?[Customers];
        var facts = new List<CustomerFact>(16);
        for (var c = 0; c < Customers; c++)
        {
            var customer = CustomerId.From(c.ToString("D6", CultureInfo.InvariantCulture));
            facts.Clear();
            var at = Start;
            for (var p = random.Next(1, 13); p > 0; p--)
            {
                at += Duration.FromHours(random.Next(1, 24 * 30));
                var order = string.Create(CultureInfo.InvariantCulture, $"{customer}-{p}");
                var amount = Math.Round(5 + (random.NextDouble() * 495), 2);
                facts.Add(CustomerFact.Purchase("p-" + order, customer, at, order, amount));
                if (random.Next(10) == 0)
                {
                    facts.Add(CustomerFact.Refund("r-" + order, customer, at + Duration.FromDays(3), order, Math.Round(amount / 2, 2)));
                }
            }

            _profiles[c] = _withLoyalty.Replay(customer, facts).Profile!;
            LoyaltyRecord? ledger = null;
            foreach (var fact in facts)
            {
                ledger = _withLoyalty.Loyalty!.TryApply(ledger, LoyaltyFacts.ToCommand(fact)!).Record;
            }

            _ledgers[c] = ledger;
        }

        // The profiles as saved after the time rules fired at the instant, so that both measure evaluation, not changes.
        _views = new CustomerViewSummary[Customers];
        _plain.Evaluate(_profiles, _plain.Prepare(_profiles, AsOf), AsOf, _views);
        _profiles = [.. _views.Select(v => v.Profile)];
        _plainPopulation = _plain.Prepare(_profiles, AsOf);
        _loyaltyPopulation = _withLoyalty.Prepare(_profiles, AsOf);

        // Sweep once, so that each ledger instance holds its replay's summary, as it would in a nightly run over records in memory.
        _withLoyalty.Evaluate(_profiles, _ledgers, _loyaltyPopulation, AsOf, _views);
    }

    [Benchmark(Baseline = true, Description = "ProfileEngine batch Evaluate, no programme, 100k customers")]
    public double WithoutProgramme() => _plain.Evaluate(_profiles, _plainPopulation, AsOf, _views) + _views[^1].Health.Score;

    [Benchmark(Description = "ProfileEngine batch Evaluate, ledgers beside the profiles, 100k customers")]
    public double WithLedgers() => _withLoyalty.Evaluate(_profiles, _ledgers, _loyaltyPopulation, AsOf, _views) + _views[^1].Loyalty!.Value.Available;
}
