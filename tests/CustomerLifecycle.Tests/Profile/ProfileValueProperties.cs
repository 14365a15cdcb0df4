using CustomerLifecycle.Profile;
using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Testing.Generators.ProfileGenerators;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfileValueProperties
{
    // Histories over two years and over 2 days, where purchases and refunds often share a day.
    [Property(MaxTest = 150)]
    public Property TheClv_IsWhatTheValueEngineGives_ForTheSameAppliedPurchasesAndRefunds()
        => Prop.ForAll(Policy.ToArbitrary(), Gen.OneOf(HistoryOf(Customer, 60), HistoryOf(Customer, 60, days: 2)).ToArbitrary(), (policy, history) =>
        {
            var engine = new ProfileEngine(policy);
            var value = new ValueEngine(policy.Value);
            var asOf = Start + Duration.FromDays(800);
            var replay = engine.Replay(Customer, history);
            if (replay.Profile is not { } profile)
            {
                return true.ToProperty();
            }

            var skipped = replay.Reasons.Select(r => r.Data.TryGetValue("fact", out var id) ? id as string : null).ToHashSet();
            var transactions = history
                .Where(f => f.Kind is CustomerFactKind.Purchase or CustomerFactKind.Refund && !skipped.Contains(f.Id))
                .Select(f => new ValueTransaction(Customer, f.OccurredAt, f.Kind == CustomerFactKind.Refund ? -f.Amount!.Value : f.Amount!.Value))
                .ToArray();
            var summaries = value.Summarize(transactions, asOf).Customers;
            var prepared = engine.Prepare([profile], asOf);
            var population = new ProfilePopulation(asOf, 1, prepared.Rfm, prepared.ValueTiers, prepared.Fit with { Model = ProfileTestKit.Model }, prepared.PolicyFingerprint);

            var clv = engine.Evaluate(profile, population, asOf).Value;

            var expected = summaries.Count == 0 ? (ValuePrediction?)null : value.Evaluate(summaries[0], ProfileTestKit.Model);
            return (clv is null == expected is null
                    && (clv is null || Math.Abs(clv.Value.Clv - expected!.Value.Clv) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value.Clv))))
                .Label($"profile {clv}, value engine {expected}");
        });

    [Fact]
    public void AnEmptyPopulation_HasNoModel_AndEvaluatesNothing()
    {
        var population = ProfileTestKit.Engine.Prepare([], ProfileTestKit.AsOf);

        var changed = ProfileTestKit.Engine.Evaluate([], population, ProfileTestKit.AsOf, []);

        Assert.Equal((0, 0), (population.Count, changed));
        Assert.Null(population.Model);
    }

    [Fact]
    public void TheBatch_RefusesAShortResultsSpanOrANullProfile_WritingNothing()
    {
        var profile = ProfileTestKit.Build(ProfileTestKit.Eve, ProfileTestKit.EveFacts());
        var population = ProfileTestKit.Engine.Prepare([profile], ProfileTestKit.AsOf);
        var results = new CustomerViewSummary[1];

        Assert.Throws<ArgumentException>(() => ProfileTestKit.Engine.Evaluate([profile, profile], population, ProfileTestKit.AsOf, results));
        Assert.Throws<ArgumentException>(() => ProfileTestKit.Engine.Evaluate([null!], population, ProfileTestKit.AsOf, results));
        Assert.Throws<ArgumentNullException>(() => ProfileTestKit.Engine.Evaluate([profile], null!, ProfileTestKit.AsOf, results));
        Assert.Null(results[0].Profile);
    }
}
