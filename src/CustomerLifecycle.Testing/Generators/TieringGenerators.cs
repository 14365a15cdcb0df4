using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the tiering engine: RFM summaries, tier inputs, populations and policies.</summary>
/// <remarks>Values are drawn from small ranges so that ties, zero and negative values (refunds) come up often.</remarks>
public static class TieringGenerators
{
    /// <summary>Gets the evaluation instant the generated inputs are relative to: 2026-06-01T00:00:00Z.</summary>
    public static Instant AsOf { get; } = Instant.FromUtc(2026, 6, 1, 0, 0);

    /// <summary>Gets a generator of RFM summaries: last purchase 0–60 days before <see cref="AsOf"/> or never, 0–12 purchases, −200 to 600 spent.</summary>
    public static Gen<RfmSummary> Summary { get; } =
        from days in Gen.Choose(-1, 60)
        from frequency in Gen.Choose(0, 12)
        from money in Gen.Choose(-20, 60)
        select new RfmSummary(days < 0 ? null : AsOf - Duration.FromDays(days), frequency, money * 10.0);

    /// <summary>Gets a generator of tier inputs without stored state: value −125 to 1000, 0–4 logins a week, tenure up to 800 days or unknown, every flag combination, loyalty level 0–3.</summary>
    public static Gen<TierInput> Input { get; } =
        from value in Gen.Choose(-5, 40)
        from logins in Gen.Choose(0, 8)
        from tenure in Gen.Choose(-1, 800)
        from flags in Gen.Choose(0, 31)
        select new TierInput(
            value * 25.0,
            logins / 2.0,
            tenure < 0 ? null : AsOf - Duration.FromDays(tenure),
            (flags & 1) != 0,
            (flags & 2) != 0,
            (flags & 4) != 0,
            LoyaltyLevel: flags >> 3);

    /// <summary>Gets a generator of populations of tier inputs (up to FsCheck's size, empty included).</summary>
    public static Gen<TierInput[]> Population { get; } = Gen.ArrayOf(Input);

    /// <summary>Gets a generator of populations of RFM summaries (up to FsCheck's size, empty included).</summary>
    public static Gen<RfmSummary[]> RfmPopulation { get; } = Gen.ArrayOf(Summary);

    /// <summary>Gets a generator of customer values for revenue-share tiers: multiples of 7 from −21 to 210, so that ties, 0
    /// and negative values come up often (up to FsCheck's size, empty included).</summary>
    public static Gen<double[]> Values { get; } = Gen.ArrayOf(Gen.Choose(-3, 30).Select(v => v * 7.0));

    /// <summary>A generator of a population and a shuffled copy of it, with the permutation: <c>Shuffled[i] == Population[Order[i]]</c>.</summary>
    /// <typeparam name="T">The population's item.</typeparam>
    /// <param name="population">The population's generator, e.g. <see cref="Population"/> or <see cref="RfmPopulation"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    public static Gen<(T[] Population, T[] Shuffled, int[] Order)> Shuffled<T>(Gen<T[]> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return from items in population
               from order in Gen.Shuffle(Enumerable.Range(0, items.Length).ToArray())
               select (items, order.Select(i => items[i]).ToArray(), order);
    }

    /// <summary>Gets a generator of valid tiering policies: the default tiers with other revenue shares and the default rules, best tier first, with other thresholds.</summary>
    public static Gen<TieringOptions> Policy { get; } =
        (from core in Gen.Choose(10, 70)
         from key in Gen.Choose(5, 30)
         from potential in Gen.Choose(0, 20)
         from logins in Gen.ArrayOf(Gen.Choose(0, 10).Select(x => x / 2.0), 8)
         from tenure in Gen.Choose(0, 730)
         select Vary(core, key, potential, logins, tenure))
        .Where(IsValid);

    private static TieringOptions Vary(int core, int key, int potential, double[] logins, int tenure)
    {
        var options = new TieringOptions();
        options.Tiers[0].RevenueSharePercent = core;
        options.Tiers[1].RevenueSharePercent = key;
        options.Tiers[2].RevenueSharePercent = potential;
        options.Tiers[3].RevenueSharePercent = Math.Max(0, 100 - core - key - potential);
        var next = 0;
        foreach (var criterion in options.Rules.SelectMany(r => r.Criteria))
        {
            if (criterion.Field == TierField.LoginsPerWeek)
            {
                criterion.Threshold = logins[next++ % logins.Length];
            }
            else if (criterion.Field == TierField.TenureDays)
            {
                criterion.Threshold = tenure;
            }
        }

        return options;
    }

    private static bool IsValid(TieringOptions options) => new TieringOptionsValidator().Validate(null, options).Succeeded;
}
