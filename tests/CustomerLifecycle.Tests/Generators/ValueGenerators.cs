using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>FsCheck generators for the customer-value component.</summary>
internal static class ValueGenerators
{
    /// <summary>A double in [min, max] on a grid fine enough for the properties.</summary>
    public static Gen<double> Between(double min, double max)
        => Gen.Choose(0, 1_000_000).Select(i => min + ((max - min) * i / 1_000_000.0));

    /// <summary>BG/NBD parameters over the range real data sets give, and beyond.</summary>
    public static Gen<BgNbdParameters> BgNbdParameters { get; } =
        from r in Between(0.05, 5)
        from alpha in Between(0.1, 60)
        from a in Between(0.05, 5)
        from b in Between(0.05, 20)
        select CustomerLifecycle.Value.BgNbdParameters.From(r, alpha, a, b);

    /// <summary>Pareto/NBD parameters over the range real data sets give, and beyond.</summary>
    public static Gen<ParetoNbdParameters> ParetoNbdParameters { get; } =
        from r in Between(0.05, 5)
        from alpha in Between(0.1, 60)
        from s in Between(0.05, 5)
        from beta in Between(0.1, 60)
        select CustomerLifecycle.Value.ParetoNbdParameters.From(r, alpha, s, beta);

    /// <summary>Customers with frequency up to <paramref name="maxFrequency"/> and histories up to <paramref name="maxT"/> periods.</summary>
    public static Gen<CustomerSummary> Customers(int maxFrequency, double maxT) =>
        from t in Gen.Elements(0.0, 1.0, maxT).SelectMany(edge => Between(0, maxT).Select(v => edge == 1.0 ? v : edge))
        from x in t == 0 ? Gen.Constant(0) : Gen.Elements(0, 1, maxFrequency).SelectMany(edge => Gen.Choose(0, maxFrequency).Select(v => edge == 1 ? v : edge))
        from share in Between(0, 1)
        from spend in Between(0.5, 500)
        select CustomerSummary.Create(default, x, x == 0 ? 0 : share * t, t, x == 0 ? 0 : spend);

    /// <summary>Small transaction sets over a few customers and days, with same-day purchases, free orders and refunds.</summary>
    public static Gen<ValueTransaction[]> Transactions { get; } =
        (from customer in Gen.Choose(0, 5)
         from hour in Gen.Choose(0, 120)
         from amount in Gen.Choose(-50, 200)
         select new ValueTransaction(CustomerId.From($"c{customer}"), Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(hour * 7), amount))
        .ArrayOf();
}
