using System.Globalization;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Testing.Generators.ProfileGenerators;

namespace CustomerLifecycle.Tests.Profile;

[Properties(MaxTest = 100)]
public sealed class ProfileLoyaltyProperties
{
    // A programme every fact kind that earns reaches: a login streak, and tiers a referral (500) or a purchase or two reach,
    // with a tier rule making silver and gold members Key.
    private static readonly ProfileEngine Engine = new(PolicyWithLoyalty());

    // Histories end within 730 days of Start.
    private static readonly Instant AsOf = Start + Duration.FromDays(800);

    [Property]
    public Property ApplyingFactsThroughTheProfile_GivesTheLedgerOfTheirCommandsAppliedDirectly()
        => Prop.ForAll(History.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (history, seed) =>
        {
            var random = new System.Random(seed);
            var arrivals = InTimeOrder(history).SelectMany(f => random.Next(4) == 0 ? new[] { f, f } : [f]).ToList();
            var ledgers = new InMemoryLoyaltyStore();
            var service = new ProfileService(Engine, new InMemoryProfileStore(), loyalty: ledgers);
            var directLedgers = new InMemoryLoyaltyStore();
            var direct = new LoyaltyService(Engine.Loyalty!, directLedgers);
            ProfileRecord? profile = null;
            foreach (var fact in arrivals)
            {
                Wait(service.ApplyAsync(fact));

                // The commands of the facts the profile takes (or has already), applied to the loyalty service itself.
                var outcome = Engine.TryApply(profile, fact);
                profile = outcome.Profile;
                if (outcome.Status is ProfileOutcomeStatus.Applied or ProfileOutcomeStatus.Duplicate && LoyaltyFacts.ToCommand(fact) is { } command)
                {
                    Wait(direct.ApplyAsync(command));
                }
            }

            var expected = Wait(directLedgers.LoadAsync(Customer))?.Record;
            var actual = Wait(ledgers.LoadAsync(Customer))?.Record;
            return Equals(expected, actual).Label($"{arrivals.Count} arrivals: {expected?.Entries.Length} entries expected, {actual?.Entries.Length} written");
        });

    [Property(MaxTest = 40)]
    public Property TheBatch_WritesWhatTheSingleEvaluationGives_LedgersIncluded()
        => Prop.ForAll(Customers(8).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (customers, days) =>
        {
            var asOf = AsOf + Duration.FromDays(days);
            var profiles = customers.Select(c => c.Profile).ToArray();
            var ledgers = customers.Select(c => c.Ledger).ToArray();
            var population = Engine.Prepare(profiles, asOf);
            var results = new CustomerViewSummary[profiles.Length];

            var changed = Engine.Evaluate(profiles, ledgers, population, asOf, results);

            var views = customers.Select(c => Engine.Evaluate(c.Profile, c.Ledger, population, asOf)).ToArray();
            return (changed == views.Count(v => v.Changed) && views.Zip(results).All(pair => Same(pair.First, pair.Second)))
                .Label($"{profiles.Length} customers, {ledgers.Count(l => l is not null)} with ledgers, at {asOf}");
        });

    [Fact]
    public void TheBatch_AllocatesNothing_ForCustomersWhoseProfileDoesNotChange_OnceTheirLedgersWereSwept()
    {
        var customers = Customers(8).Sample(30, 5).MaxBy(c => c.Length)!; // the most customers: some with ledgers, some (every third) without
        var profiles = customers.Select(c => c.Profile).ToArray();
        var ledgers = customers.Select(c => c.Ledger).ToArray();
        var population = Engine.Prepare(profiles, AsOf);
        var outputs = new CustomerViewSummary[profiles.Length];
        Engine.Evaluate(profiles, ledgers, population, AsOf, outputs);
        var settled = outputs.Select(o => o.Profile).ToArray();
        Engine.Evaluate(settled, ledgers, population, AsOf, outputs);

        var changed = -1;
        var allocated = Allocations.Fewest(() => changed = Engine.Evaluate(settled, ledgers, population, AsOf, outputs));

        Assert.Equal(0, changed);
        Assert.Equal(0, allocated);
        Assert.Contains(outputs, o => o.Loyalty is { Earned: > 0 });
    }

    private static ProfileOptions PolicyWithLoyalty()
    {
        var options = new ProfileOptions
        {
            Features = [.. Features],
            Loyalty = new LoyaltyOptions
            {
                LoginStreakDays = 3,
                LoginStreakPoints = 25,
                Tiers = [new() { Id = "member", Name = "Member" }, new() { Id = "silver", Name = "Silver", QualifyingPoints = 300 }, new() { Id = "gold", Name = "Gold", QualifyingSpend = 1500 }],
            },
        };
        options.Tiering.Rules.Insert(0, new TierRule
        {
            Tier = "Key",
            Criteria = [new TierCriterion { Field = TierField.LoyaltyLevel, Operator = CriterionOperator.AtLeast, Threshold = 1 }],
        });
        return options;
    }

    /// <summary>Customers c-0, c-1, … each with a profile and, but every third, the ledger their facts earned.</summary>
    private static Gen<(ProfileRecord Profile, LoyaltyRecord? Ledger)[]> Customers(int max)
        => from count in Gen.Choose(1, max)
           from customers in Gen.CollectToList(Enumerable.Range(0, count), i => OneCustomer(CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"c-{i}")), withLedger: i % 3 != 2))
           select customers.ToArray();

    private static Gen<(ProfileRecord Profile, LoyaltyRecord? Ledger)> OneCustomer(CustomerId customer, bool withLedger)
        => HistoryOf(customer, 30).Select(history =>
        {
            var first = CustomerFact.Purchase("f-first", customer, Start, "o-first", 50);
            ProfileRecord? profile = null;
            LoyaltyRecord? ledger = null;
            foreach (var fact in InTimeOrder([first, .. history]))
            {
                var outcome = Engine.TryApply(profile, fact);
                profile = outcome.Profile;
                if (outcome.Status == ProfileOutcomeStatus.Applied && LoyaltyFacts.ToCommand(fact) is { } command)
                {
                    ledger = Engine.Loyalty!.TryApply(ledger, command).Record;
                }
            }

            return (profile!, withLedger ? ledger : null);
        });

    private static bool Same(CustomerView view, CustomerViewSummary summary)
        => Equals(view.Profile, summary.Profile)
           && view.Lifecycle.Transitions.Count == summary.Transitions
           && view.Rfm.Score == summary.Rfm
           && view.Tier.Assignment == summary.Tier
           && view.Contact.Due == summary.Contact
           && view.Health.Status == summary.Health.Status
           && (view.Health.ComputedScore?.Value ?? 0) == summary.Health.Score
           && view.Value == summary.Value
           && view.Loyalty?.Balance == summary.Loyalty;

    private static IEnumerable<CustomerFact> InTimeOrder(IEnumerable<CustomerFact> facts)
        => facts.OrderBy(f => f.OccurredAt).ThenBy(f => f.Id, StringComparer.Ordinal);

    private static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
}
