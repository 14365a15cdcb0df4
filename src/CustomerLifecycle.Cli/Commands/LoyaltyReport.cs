using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerLifecycle.Cli.Output;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>Writes <c>loyalty</c>'s output: the programme's totals, tiers and expiring points (text), or one row per member (json, csv).</summary>
internal static class LoyaltyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteText(TextWriter output, LoyaltyReportHeader header, LoyaltyLedgers ledgers, LoyaltyStatement[] statements, LoyaltyKpis kpis)
    {
        var o = header.Options;
        output.WriteLine(string.Create(Invariant, $"Loyalty programme over {header.Path}, as of {header.AsOf:yyyy-MM-dd}"));
        output.WriteLine(string.Create(Invariant, $"  {header.Rows:N0} transactions of {statements.Length:N0} members, {header.First:yyyy-MM-dd} to {header.Last:yyyy-MM-dd}{(header.Skipped > 0 ? $" ({header.Skipped:N0} invalid rows skipped)" : string.Empty)}: {ledgers.Purchases:N0} purchases, {ledgers.Refunds:N0} refunds{(ledgers.ZeroRows > 0 ? $", {ledgers.ZeroRows:N0} of amount 0 (earn nothing)" : string.Empty)}"));
        output.WriteLine(string.Create(Invariant, $"  policy: {o.PointsPerUnit} points per unit, {o.HoldingDays} days pending, {o.LifetimeMonths} months to spend them, {o.PointValue} a point"));
        output.WriteLine();

        var expiring = statements.Where(s => s.Balance.ExpiringSoon > 0).ToList();
        output.WriteLine("Points");
        output.WriteLine(string.Create(Invariant, $"  issued     {kpis.PointsIssued,15:N0}"));
        output.WriteLine(string.Create(Invariant, $"  taken back {statements.Sum(s => s.Balance.Reversed),15:N0}  (refunds)"));
        output.WriteLine(string.Create(Invariant, $"  redeemed   {kpis.PointsRedeemed,15:N0}"));
        output.WriteLine(string.Create(Invariant, $"  expired    {kpis.PointsExpired,15:N0}  (breakage {kpis.ExpiredValue:N2}{Rate(kpis.BreakageRate)})"));
        output.WriteLine(string.Create(Invariant, $"  available  {statements.Sum(s => s.Balance.Available),15:N0}"));
        output.WriteLine(string.Create(Invariant, $"  pending    {statements.Sum(s => s.Balance.Pending),15:N0}"));
        output.WriteLine(string.Create(Invariant, $"  liability  {kpis.Liability,15:N2}  ({kpis.OutstandingPoints:N0} points held at {o.PointValue} a point)"));
        output.WriteLine(string.Create(Invariant, $"  expiring   {expiring.Sum(s => s.Balance.ExpiringSoon),15:N0}  within {o.ExpiryWarningDays} days, of {expiring.Count:N0} members{(expiring.Count > 0 ? $" (first on {Date(expiring.Min(s => s.Balance.NextExpiry!.Value))})" : string.Empty)}"));
        output.WriteLine();

        if (o.Tiers.Count == 0)
        {
            output.WriteLine("Members per tier: the policy has no tiers.");
            output.WriteLine();
        }
        else
        {
            var counts = statements.GroupBy(s => s.Tier!.Tier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            BarChart.Write(output, "Members per tier", [.. o.Tiers.Select(t => (t.Name, counts.GetValueOrDefault(t.Id)))]);
        }

        if (ledgers.Refusals.Count > 0 || ledgers.UnmatchedRefunds > 0)
        {
            output.WriteLine("Not applied");
            foreach (var (code, count) in ledgers.Refusals.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(Invariant, $"  {count:N0} commands refused: {code}"));
            }

            if (ledgers.UnmatchedRefunds > 0)
            {
                output.WriteLine(string.Create(Invariant, $"  {ledgers.UnmatchedRefunds:N2} refunded with no earlier purchase of the member to take points back from"));
            }
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<LoyaltyStatement> statements)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var s in statements)
            {
                var b = s.Balance;
                writer.WriteStartObject();
                writer.WriteString("member", b.Member.ToString());
                writer.WriteNumber("available", b.Available);
                writer.WriteNumber("pending", b.Pending);
                writer.WriteNumber("expired", b.Expired);
                writer.WriteNumber("redeemed", b.Redeemed);
                writer.WriteNumber("earned", b.Earned);
                writer.WriteNumber("reversed", b.Reversed);
                writer.WriteNumber("debt", b.Debt);
                writer.WriteNumber("expiringSoon", b.ExpiringSoon);
                if (b.NextExpiry is { } next)
                {
                    writer.WriteString("nextExpiry", Date(next));
                }
                else
                {
                    writer.WriteNull("nextExpiry");
                }

                writer.WriteNumber("value", b.Value);
                if (s.Tier is { } tier)
                {
                    writer.WriteString("tier", tier.Tier);
                }
                else
                {
                    writer.WriteNull("tier");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<LoyaltyStatement> statements)
    {
        output.WriteLine("member,available,pending,expired,redeemed,earned,reversed,debt,expiring_soon,next_expiry,value,tier");
        foreach (var s in statements)
        {
            var b = s.Balance;
            var member = b.Member.ToString();
            output.WriteLine(string.Create(
                Invariant,
                $"{(member.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + member.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : member)},{b.Available},{b.Pending},{b.Expired},{b.Redeemed},{b.Earned},{b.Reversed},{b.Debt},{b.ExpiringSoon},{(b.NextExpiry is { } next ? Date(next) : string.Empty)},{b.Value},{s.Tier?.Tier}"));
        }
    }

    private static string Date(Instant instant) => instant.InUtc().Date.ToString("yyyy-MM-dd", Invariant);

    private static string Rate(decimal? rate) => rate is { } r ? string.Create(Invariant, $", {r * 100:F1}% of issued") : string.Empty;
}

/// <summary>The run's facts printed above the totals.</summary>
internal sealed record LoyaltyReportHeader(string Path, int Rows, int Skipped, LocalDate First, LocalDate Last, LocalDate AsOf, LoyaltyOptions Options);
