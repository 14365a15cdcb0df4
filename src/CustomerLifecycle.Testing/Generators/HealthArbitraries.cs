using CustomerLifecycle.Health;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for health types, to register with <c>[Property(Arbitrary = new[] { typeof(HealthArbitraries) })]</c>.</summary>
public static class HealthArbitraries
{
    /// <summary>Valid health policies (see <see cref="HealthGenerators.Policy"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<HealthOptions> Policies() => HealthGenerators.Policy.ToArbitrary();

    /// <summary>Inputs for the default policy.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<HealthInput> DefaultPolicyInputs() => HealthGenerators.Input(new HealthOptions()).ToArbitrary();
}
