using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>Shared FsCheck generators for the tiering component. Small value ranges, so ties are common.</summary>
internal static class TieringGenerators
{
    public static readonly Instant AsOf = Instant.FromUtc(2024, 6, 1, 0, 0);

    public static Gen<RfmSummary> Summary() =>
        from days in Gen.Choose(-1, 60)
        from frequency in Gen.Choose(0, 12)
        from money in Gen.Choose(-20, 60)
        select new RfmSummary(days < 0 ? null : AsOf - Duration.FromDays(days), frequency, money * 10.0);

    public static Arbitrary<RfmSummary[]> Population() => Gen.ArrayOf(Summary()).ToArbitrary();

    /// <summary>A population and a shuffled copy, with the permutation: <c>Shuffled[i] == Population[Order[i]]</c>.</summary>
    public static Arbitrary<(T[] Population, int[] Order)> Shuffled<T>(Gen<T> item) =>
        (from population in Gen.ArrayOf(item)
         from order in Gen.Shuffle(Enumerable.Range(0, population.Length).ToArray())
         select (population, order)).ToArbitrary();

    public static Gen<TierInput> TierInput() =>
        from value in Gen.Choose(-5, 40)
        from logins in Gen.Choose(0, 8)
        from tenure in Gen.Choose(-1, 800)
        from flags in Gen.Choose(0, 7)
        select new TierInput(
            value * 25.0,
            logins / 2.0,
            tenure < 0 ? null : AsOf - Duration.FromDays(tenure),
            (flags & 1) != 0,
            (flags & 2) != 0,
            (flags & 4) != 0);

    public static Gen<double> Value() => Gen.Choose(-3, 30).Select(v => v * 7.0);

    public static Arbitrary<double[]> Values() => Gen.ArrayOf(Value()).ToArbitrary();
}
