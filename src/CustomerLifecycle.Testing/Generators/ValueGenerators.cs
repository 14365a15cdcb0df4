using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the customer-value component: model parameters, customer summaries and transactions.</summary>
/// <remarks>
/// Numbers are drawn on a grid of a million steps; summaries come up at their edges often (T = 0, T at its maximum, no repeat
/// purchase, the most repeat purchases) because that is where the CLV models' series and limits are hardest.
/// </remarks>
public static class ValueGenerators
{
    /// <summary>Gets the start of the generated transactions: 2024-01-01T00:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2024, 1, 1, 0, 0);

    /// <summary>Gets a generator of BG/NBD parameters over the range real data sets give, and beyond: r 0.05–5, α 0.1–60, a 0.05–5, b 0.05–20.</summary>
    public static Gen<BgNbdParameters> BgNbdParameters { get; } =
        from r in Between(0.05, 5)
        from alpha in Between(0.1, 60)
        from a in Between(0.05, 5)
        from b in Between(0.05, 20)
        select CustomerLifecycle.Value.BgNbdParameters.From(r, alpha, a, b);

    /// <summary>Gets a generator of Pareto/NBD parameters over the range real data sets give, and beyond: r 0.05–5, α 0.1–60, s 0.05–5, β 0.1–60.</summary>
    public static Gen<ParetoNbdParameters> ParetoNbdParameters { get; } =
        from r in Between(0.05, 5)
        from alpha in Between(0.1, 60)
        from s in Between(0.05, 5)
        from beta in Between(0.1, 60)
        select CustomerLifecycle.Value.ParetoNbdParameters.From(r, alpha, s, beta);

    /// <summary>
    /// Gets a generator of small transaction sets: up to six customers (<c>c0</c>–<c>c5</c>) over 35 days from
    /// <see cref="Start"/> on a 7-hour grid, so that several purchases share a day, with free orders and refunds (−50 to 200).
    /// </summary>
    public static Gen<ValueTransaction[]> Transactions { get; } =
        (from customer in Gen.Choose(0, 5)
         from hour in Gen.Choose(0, 120)
         from amount in Gen.Choose(-50, 200)
         select new ValueTransaction(CustomerId.From($"c{customer}"), Start + Duration.FromHours(hour * 7), amount))
        .ArrayOf();

    /// <summary>A generator of doubles in [<paramref name="min"/>, <paramref name="max"/>] on a grid of a million steps, both ends included.</summary>
    /// <param name="min">The least value.</param>
    /// <param name="max">The greatest value, at least <paramref name="min"/>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static Gen<double> Between(double min, double max)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The least value must be a finite number.");
        }

        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The greatest value must be a finite number >= {min}.");
        }

        return Gen.Choose(0, 1_000_000).Select(i => min + ((max - min) * i / 1_000_000.0));
    }

    /// <summary>
    /// A generator of anonymous customer summaries with up to <paramref name="maxFrequency"/> repeat purchases over histories of
    /// up to <paramref name="maxT"/> periods: T is 0, <paramref name="maxT"/> or in between, each a third of the time; the
    /// frequency likewise 0, the most or in between (always 0 when T is 0); recency anywhere in [0, T]; mean spend 0.5–500.
    /// </summary>
    /// <param name="maxFrequency">The most repeat purchases, at least 0.</param>
    /// <param name="maxT">The longest history in periods, a finite number at least 0.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrequency"/> is negative, or <paramref name="maxT"/> is negative, NaN or infinite.</exception>
    public static Gen<CustomerSummary> Customers(int maxFrequency, double maxT)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrequency);
        if (!(maxT >= 0) || double.IsPositiveInfinity(maxT))
        {
            throw new ArgumentOutOfRangeException(nameof(maxT), maxT, "The longest history must be a finite number >= 0.");
        }

        return from t in Gen.Elements(0.0, 1.0, maxT).SelectMany(edge => Between(0, maxT).Select(v => edge == 1.0 ? v : edge))
               from x in t == 0 ? Gen.Constant(0) : Gen.Elements(0, 1, maxFrequency).SelectMany(edge => Gen.Choose(0, maxFrequency).Select(v => edge == 1 ? v : edge))
               from share in Between(0, 1)
               from spend in Between(0.5, 500)
               select CustomerSummary.Create(default, x, x == 0 ? 0 : share * t, t, x == 0 ? 0 : spend);
    }
}
