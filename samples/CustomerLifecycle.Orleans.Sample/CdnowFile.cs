using System.Globalization;
using CustomerLifecycle.Lifecycle;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>The CDNOW transactions as purchase events, one customer's in date order.</summary>
/// <remarks>Columns (runs of spaces): customer id, sample id, date <c>yyyyMMdd</c>, number of CDs, dollar value. Each row
/// is one purchase at midnight UTC of its day, with its line number in the id, so identical rows are two purchases.</remarks>
internal static class CdnowFile
{
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");

    public static IReadOnlyList<LifecycleEvent[]> Read(string path)
    {
        var events = new List<LifecycleEvent>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var at = Date.Parse(fields[2]).GetValueOrThrow().AtMidnight().InUtc().ToInstant();
            var customer = CustomerId.From(fields[0]);
            events.Add(LifecycleEvent.Create(string.Create(CultureInfo.InvariantCulture, $"{fields[0]}|{line}"), customer, LifecycleEventKind.Purchase, at));
        }

        return [.. events.GroupBy(e => e.Customer).Select(g => g.OrderBy(e => e.OccurredAt).ToArray())];
    }

    /// <summary>The day after the last transaction, as <c>analyze</c> takes by default.</summary>
    public static Instant AsOf(IReadOnlyList<LifecycleEvent[]> customers) => customers.Max(c => c[^1].OccurredAt) + Duration.FromDays(1);
}
