using System.Globalization;
using CustomerLifecycle.Profile;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>The CDNOW transactions as purchase facts, one customer's in date order.</summary>
/// <remarks>Columns (runs of spaces): customer id, sample id, date <c>yyyyMMdd</c>, number of CDs, dollar value. Each row
/// is one purchase at midnight UTC of its day, as <c>analyze</c> reads it; its line number is in the fact's id (and order id),
/// so identical rows are two purchases.</remarks>
internal static class CdnowFile
{
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");

    public static IReadOnlyList<CustomerFact[]> Read(string path)
    {
        var facts = new List<CustomerFact>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"{fields[0]}|{line}");
            var at = Date.Parse(fields[2]).GetValueOrThrow().AtMidnight().InUtc().ToInstant();
            var amount = double.Parse(fields[4], CultureInfo.InvariantCulture);
            facts.Add(CustomerFact.Purchase(id, CustomerId.From(fields[0]), at, orderId: id, amount));
        }

        return [.. facts.GroupBy(f => f.Customer).Select(g => g.OrderBy(f => f.OccurredAt).ToArray())];
    }

    /// <summary>The day after the last transaction, as <c>analyze</c> takes by default.</summary>
    public static Instant AsOf(IReadOnlyList<CustomerFact[]> customers) => customers.Max(c => c[^1].OccurredAt) + Duration.FromDays(1);
}
