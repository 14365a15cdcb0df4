using CustomerLifecycle.LeadScoring;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for lead-scoring types, to register with <c>[Property(Arbitrary = new[] { typeof(LeadScoringArbitraries) })]</c>.</summary>
public static class LeadScoringArbitraries
{
    /// <summary>Valid lead-scoring policies (see <see cref="LeadScoringGenerators.Policy"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LeadScoringOptions> Policies() => LeadScoringGenerators.Policy.ToArbitrary();

    /// <summary>Prospects for the default policy, with interactions around <see cref="LeadScoringGenerators.AsOf"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LeadInput> DefaultPolicyInputs() => LeadScoringGenerators.Input(new LeadScoringOptions(), LeadScoringGenerators.AsOf).ToArbitrary();
}
