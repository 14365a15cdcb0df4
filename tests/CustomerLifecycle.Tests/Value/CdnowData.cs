using System.Globalization;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Tests.Value;

/// <summary>The CDNOW sample shipped in Value/Data (copied to the output directory), as the literature uses it.</summary>
internal static class CdnowData
{
    private static readonly Lazy<CustomerSummary[]> LazySummaries = new(LoadSummaries);
    private static readonly Lazy<ValueTransaction[]> LazyTransactions = new(LoadTransactions);

    /// <summary>The calibration end of the literature: 1997-09-30 (39 weeks after 1997-01-01).</summary>
    public static Instant CalibrationEnd { get; } = Instant.FromUtc(1997, 9, 30, 0, 0);

    /// <summary>The end of the 39-week holdout: 1998-06-30.</summary>
    public static Instant HoldoutEnd { get; } = Instant.FromUtc(1998, 6, 30, 0, 0);

    /// <summary>cdnow_customers_summary_with_transactions.csv: x, tₓ, T (weeks, 2 decimals) and zbar of the 2,357 customers.</summary>
    public static CustomerSummary[] Summaries => LazySummaries.Value;

    /// <summary>CDNOW_sample.txt: the 6,919 transactions of the 2,357 customers.</summary>
    public static ValueTransaction[] Transactions => LazyTransactions.Value;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Value", "Data", file);

    private static CustomerSummary[] LoadSummaries()
        => File.ReadLines(PathOf("cdnow_customers_summary_with_transactions.csv"))
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Trim().Split(','))
            .Select(f => CustomerSummary.Create(
                CustomerId.From(f[0]),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();

    private static ValueTransaction[] LoadTransactions()
        => File.ReadLines(PathOf("CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 5)
            .Select(f => new ValueTransaction(
                CustomerId.From(int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
                Instant.FromUtc(int.Parse(f[2][..4], CultureInfo.InvariantCulture), int.Parse(f[2][4..6], CultureInfo.InvariantCulture), int.Parse(f[2][6..], CultureInfo.InvariantCulture), 0, 0),
                double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();
}
