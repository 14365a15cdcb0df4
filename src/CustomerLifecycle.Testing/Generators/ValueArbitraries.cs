using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for customer-value types, to register with <c>[Property(Arbitrary = new[] { typeof(ValueArbitraries) })]</c>.</summary>
public static class ValueArbitraries
{
    /// <summary>BG/NBD parameters (see <see cref="ValueGenerators.BgNbdParameters"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<BgNbdParameters> BgNbdParameters() => ValueGenerators.BgNbdParameters.ToArbitrary();

    /// <summary>Pareto/NBD parameters (see <see cref="ValueGenerators.ParetoNbdParameters"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ParetoNbdParameters> ParetoNbdParameters() => ValueGenerators.ParetoNbdParameters.ToArbitrary();

    /// <summary>Customer summaries with up to 500 repeat purchases over up to 200 periods (see <see cref="ValueGenerators.Customers"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CustomerSummary> Customers() => ValueGenerators.Customers(500, 200).ToArbitrary();

    /// <summary>Transaction sets (see <see cref="ValueGenerators.Transactions"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ValueTransaction[]> Transactions() => ValueGenerators.Transactions.ToArbitrary();
}
