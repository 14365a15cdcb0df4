using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for tiering types, to register with <c>[Property(Arbitrary = new[] { typeof(TieringArbitraries) })]</c>.</summary>
public static class TieringArbitraries
{
    /// <summary>RFM summaries (see <see cref="TieringGenerators.Summary"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RfmSummary> Summaries() => TieringGenerators.Summary.ToArbitrary();

    /// <summary>Tier inputs (see <see cref="TieringGenerators.Input"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TierInput> Inputs() => TieringGenerators.Input.ToArbitrary();

    /// <summary>Valid tiering policies (see <see cref="TieringGenerators.Policy"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TieringOptions> Policies() => TieringGenerators.Policy.ToArbitrary();
}
