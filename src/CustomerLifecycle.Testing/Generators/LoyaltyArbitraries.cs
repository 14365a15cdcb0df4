using CustomerLifecycle.Loyalty;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for loyalty types, to register with <c>[Property(Arbitrary = new[] { typeof(LoyaltyArbitraries) })]</c>.</summary>
public static class LoyaltyArbitraries
{
    /// <summary>Scripts of up to 50 commands of every kind (see <see cref="LoyaltyGenerators.Script"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IReadOnlyList<LoyaltyCommand>> Scripts() => LoyaltyGenerators.Script.ToArbitrary();

    /// <summary>Ledgers written from generated scripts by an engine of <see cref="LoyaltyGenerators.PolicyOf"/> with tiers and no debt allowed.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LoyaltyRecord> Records() => LoyaltyGenerators.Record(new LoyaltyEngine(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true))).ToArbitrary();

    /// <summary>Valid policies (see <see cref="LoyaltyGenerators.Policy"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LoyaltyOptions> Policies() => LoyaltyGenerators.Policy.ToArbitrary();
}
