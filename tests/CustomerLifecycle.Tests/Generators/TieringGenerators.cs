using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Package = CustomerLifecycle.Testing.Generators.TieringGenerators;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>The tiering tests' FsCheck generators: the Testing package's summaries and inputs, shuffled populations, and values on a coarse grid so that ties are common.</summary>
internal static class TieringGenerators
{
    /// <summary>The Testing package's evaluation instant, which its generated inputs are relative to.</summary>
    public static Instant AsOf => Package.AsOf;

    public static Gen<RfmSummary> Summary() => Package.Summary;

    public static Arbitrary<RfmSummary[]> Population() => Gen.ArrayOf(Summary()).ToArbitrary();

    /// <summary>A population and a shuffled copy, with the permutation: <c>Shuffled[i] == Population[Order[i]]</c>.</summary>
    public static Arbitrary<(T[] Population, int[] Order)> Shuffled<T>(Gen<T> item) =>
        (from population in Gen.ArrayOf(item)
         from order in Gen.Shuffle(Enumerable.Range(0, population.Length).ToArray())
         select (population, order)).ToArbitrary();

    public static Gen<TierInput> TierInput() => Package.Input;

    public static Gen<double> Value() => Gen.Choose(-3, 30).Select(v => v * 7.0);

    public static Arbitrary<double[]> Values() => Gen.ArrayOf(Value()).ToArbitrary();
}
