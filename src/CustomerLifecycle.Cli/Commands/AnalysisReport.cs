using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerLifecycle.Cli.Output;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>Writes <c>analyze</c>'s output: a summary with charts (table), or one row per customer (json, csv).</summary>
internal static class AnalysisReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteTable(TextWriter output, ReportHeader header, Analysis analysis, (int Count, List<CustomerResult> Top) needingAction, int top)
    {
        var customers = analysis.Customers;
        output.WriteLine(string.Create(Invariant, $"Customer lifecycle analysis of {header.Path}, as of {header.AsOf:yyyy-MM-dd}"));
        output.WriteLine(string.Create(Invariant, $"  {header.Rows:N0} transactions of {customers.Length:N0} customers, {header.First:yyyy-MM-dd} to {header.Last:yyyy-MM-dd}{(header.Skipped > 0 ? $" ({header.Skipped:N0} invalid rows skipped)" : string.Empty)}"));
        var moved = analysis.Views.Count(v => v.Transitions > 0);
        output.WriteLine(string.Create(Invariant, $"  profile store {header.Database}: {header.Sync.New:N0} new events applied, {header.Sync.Duplicates:N0} duplicate, {header.Sync.Late:N0} late{AnalyzeCommand.Rejected(header.Sync)}; {header.Saved:N0} profiles saved ({moved:N0} moved by the time rules and the health band as of {header.AsOf:yyyy-MM-dd})"));
        output.WriteLine();

        BarChart.Write(output, "Customers per lifecycle stage", Counts(customers.Select(c => c.Stage), analysis.Stages));
        BarChart.Write(output, "Customers per tier", Counts(customers.Select(c => c.Tier), analysis.Tiers));
        BarChart.Write(output, "Customers per health band (from purchase recency, frequency and trend)", Counts(customers.Select(c => c.HealthBand), [.. analysis.Bands, "Unscored"]));
        BarChart.Write(output, "Customers per RFM segment", Counts(customers.Select(c => c.RfmSegment), []).OrderByDescending(s => s.Count).ToList());

        var fit = analysis.Fit;
        if (fit.Model is null)
        {
            output.WriteLine("CLV: no model could be fitted: " + string.Join("; ", fit.Reasons.Select(r => r.Message)));
            output.WriteLine();
        }
        else
        {
            output.WriteLine(string.Create(Invariant, $"CLV model: {header.ModelName} (purchase fit {fit.PurchaseReport.Status}, LL {fit.PurchaseLogLikelihood:F1}; spend fit {fit.SpendReport.Status})"));
            var best = customers.Where(c => double.IsFinite(c.Clv)).OrderByDescending(c => c.Clv).ThenBy(c => c.Customer, StringComparer.Ordinal).Take(top).ToList();
            output.WriteLine(string.Create(Invariant, $"Top {best.Count} customers by predicted CLV"));
            WriteCustomers(output, best);
        }

        output.WriteLine(string.Create(Invariant, $"Customers needing action now: {needingAction.Count:N0} ({analysis.Bands[^1]} health or Declining), the {needingAction.Top.Count} most valuable:"));
        WriteCustomers(output, needingAction.Top);
        foreach (var stage in needingAction.Top.Where(c => c.NextAction is not null).GroupBy(c => c.Stage, StringComparer.Ordinal))
        {
            output.WriteLine($"  {stage.Key} playbook ({string.Join(", ", stage.Select(c => c.Customer))}): {stage.First().NextAction}");
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<CustomerResult> customers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var c in customers)
            {
                writer.WriteStartObject();
                writer.WriteString("customer", c.Customer);
                writer.WriteNumber("transactions", c.Transactions);
                Json.Number(writer, "revenue", Math.Round(c.Revenue, 2));
                writer.WriteString("firstPurchase", c.FirstPurchase.ToString("yyyy-MM-dd", Invariant));
                writer.WriteString("lastPurchase", c.LastPurchase.ToString("yyyy-MM-dd", Invariant));
                writer.WriteString("stage", c.Stage);
                writer.WriteString("rfmSegment", c.RfmSegment);
                writer.WriteString("rfm", string.Create(Invariant, $"{c.Recency}{c.Frequency}{c.Monetary}"));
                writer.WriteString("tier", c.Tier);
                Json.Number(writer, "healthScore", c.HealthScore);
                writer.WriteString("healthBand", c.HealthBand);
                Json.Number(writer, "probabilityAlive", c.ProbabilityAlive);
                Json.Number(writer, "expectedPurchases", c.ExpectedPurchases);
                Json.Number(writer, "expectedSpend", c.ExpectedSpend);
                Json.Number(writer, "clv", c.Clv);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<CustomerResult> customers)
    {
        output.WriteLine("customer,transactions,revenue,first_purchase,last_purchase,stage,rfm_segment,rfm,tier,health_score,health_band,probability_alive,expected_purchases,expected_spend,clv");
        var line = new StringBuilder();
        foreach (var c in customers)
        {
            line.Clear();
            line.Append(Csv(c.Customer)).Append(',')
                .Append(c.Transactions.ToString(Invariant)).Append(',')
                .Append(Number(Math.Round(c.Revenue, 2))).Append(',')
                .Append(c.FirstPurchase.ToString("yyyy-MM-dd", Invariant)).Append(',')
                .Append(c.LastPurchase.ToString("yyyy-MM-dd", Invariant)).Append(',')
                .Append(Csv(c.Stage)).Append(',')
                .Append(Csv(c.RfmSegment)).Append(',')
                .Append(Invariant, $"{c.Recency}{c.Frequency}{c.Monetary}").Append(',')
                .Append(Csv(c.Tier)).Append(',')
                .Append(Number(c.HealthScore)).Append(',')
                .Append(Csv(c.HealthBand)).Append(',')
                .Append(Number(c.ProbabilityAlive)).Append(',')
                .Append(Number(c.ExpectedPurchases)).Append(',')
                .Append(Number(c.ExpectedSpend)).Append(',')
                .Append(Number(c.Clv));
            output.WriteLine(line);
        }
    }

    private static void WriteCustomers(TextWriter output, IReadOnlyList<CustomerResult> customers)
    {
        output.WriteLine("  customer    stage         tier       health         purchases     revenue  P(alive)  exp. purchases      CLV");
        var maxClv = customers.Count == 0 ? 0 : customers.Max(c => double.IsFinite(c.Clv) ? c.Clv : 0);
        foreach (var c in customers)
        {
            output.WriteLine(string.Create(
                Invariant,
                $"  {c.Customer,-10}  {c.Stage,-12}  {c.Tier,-9}  {c.HealthBand,-7} {Fixed(c.HealthScore, 0),4}  {c.Transactions,9:N0}  {c.Revenue,10:N2}  {Fixed(c.ProbabilityAlive, 2),8}  {Fixed(c.ExpectedPurchases, 2),14}  {Fixed(c.Clv, 2),9}  {BarChart.Bar(double.IsFinite(c.Clv) ? c.Clv : 0, maxClv * 2)[..20].TrimEnd()}"));
        }

        output.WriteLine();
    }

    private static List<(string Label, int Count)> Counts(IEnumerable<string> values, IReadOnlyList<string> order)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = order.Select(name => (name, counts.GetValueOrDefault(name))).Where(i => i.Item2 > 0 || !string.Equals(i.name, "Unscored", StringComparison.Ordinal)).ToList();
        result.AddRange(counts.Where(kv => !order.Contains(kv.Key, StringComparer.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        return result;
    }

    private static string Fixed(double value, int decimals) => double.IsFinite(value) ? value.ToString("F" + decimals.ToString(Invariant), Invariant) : "-";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", Invariant) : string.Empty;

    private static string Csv(string value) => value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>The run's facts printed above the summary.</summary>
internal sealed record ReportHeader(string Path, string Database, int Rows, int Skipped, LocalDate First, LocalDate Last, LocalDate AsOf, SyncResult Sync, int Saved, string ModelName);
