using System.Globalization;
using System.Text.Json;

namespace CustomerLifecycle.Cli.Tests;

public sealed class LoyaltyCommandTests : IDisposable
{
    // a: 100.50 earns 100 points, pending until 15 January; a 40 refund inside the holding period takes back
    // floor(40 / 100.50 × 100) = 39; 30 on 1 March earns 30, pending until 15 March. b: 250 earned, all refunded. c: 0 earns nothing.
    private const string Small = """
        customer,date,amount
        a,2026-01-01,100.50
        a,2026-01-10,-40
        a,2026-03-01,30
        b,2026-02-20,250
        b,2026-03-05,-250
        c,2026-03-10,0
        """;

    private const string Tiers = """{ "tiers": [ { "id": "member", "name": "Member" }, { "id": "silver", "name": "Silver", "qualifyingPoints": 100 } ] }""";

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ASmallFile_AsText_ShowsTheHandCheckedTotals()
    {
        var file = _cli.Write("small.csv", Small);

        var (exit, output, error) = await _cli.RunAsync("loyalty", file);

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal($"Loyalty programme over {file}, as of 2026-03-11", lines[0]);
        Assert.Equal("  6 transactions of 3 members, 2026-01-01 to 2026-03-10: 3 purchases, 2 refunds, 1 of amount 0 (earn nothing)", lines[1]);
        Assert.Equal("  policy: 1 points per unit, 14 days pending, 12 months to spend them, 0.1 a point", lines[2]);
        Assert.Equal(
            [
                "Points",
                "  issued                 380",
                "  taken back             289  (refunds)",
                "  redeemed                 0",
                "  expired                  0  (breakage 0.00, 0.0% of issued)",
                "  available               61",
                "  pending                 30",
                "  liability             9.10  (91 points held at 0.1 a point)",
                "  expiring                 0  within 30 days, of 0 members",
                string.Empty,
                "Members per tier: the policy has no tiers.",
            ],
            lines[4..15]);
    }

    [Fact]
    public async Task ExpiringDaysAndTiers_CountThePointsDueAndTheMembersPerTier()
    {
        var file = _cli.Write("small.csv", Small);
        var policy = _cli.Write("tiers.json", Tiers);

        var (exit, output, error) = await _cli.RunAsync("loyalty", file, "--policy", policy, "--as-of", "2026-12-15", "--expiring-days", "30");

        Assert.True(exit == 0, error);
        // a's first lot (61 points left) ends on 1 January 2027, inside the 30 days; both of a's and b's purchases reached Silver.
        Assert.Contains("  expiring                61  within 30 days, of 1 members (first on 2027-01-01)", output, StringComparison.Ordinal);
        Assert.Contains("  available               91", output, StringComparison.Ordinal);
        Assert.Matches(@"  Member  █+ +1   33\.3%", output);
        Assert.Matches(@"  Silver  █+ +2   66\.7%", output);
    }

    [Fact]
    public async Task Csv_GivesOneRowPerMemberWithTheHandCheckedBalances()
    {
        var file = _cli.Write("small.csv", Small);
        var policy = _cli.Write("tiers.json", Tiers);

        var (exit, output, _) = await _cli.RunAsync("loyalty", file, "--policy", policy, "--as-of", "2026-12-15", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "member,available,pending,expired,redeemed,earned,reversed,debt,expiring_soon,next_expiry,value,tier",
                "a,91,0,0,0,130,39,0,61,2027-01-01,9.1,silver",
                "b,0,0,0,0,250,250,0,0,,0.0,silver",
                "c,0,0,0,0,0,0,0,0,,0.0,member",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Json_GivesOneObjectPerMember()
    {
        var file = _cli.Write("small.csv", Small);

        var (exit, output, _) = await _cli.RunAsync("loyalty", file, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var a = json.RootElement[0];
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal(
            ["member", "available", "pending", "expired", "redeemed", "earned", "reversed", "debt", "expiringSoon", "nextExpiry", "value", "tier"],
            a.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("a", 61L, 30L, 9.1m, "2027-01-01"), (a.GetProperty("member").GetString(), a.GetProperty("available").GetInt64(), a.GetProperty("pending").GetInt64(), a.GetProperty("value").GetDecimal(), a.GetProperty("nextExpiry").GetString()));
        Assert.Equal(JsonValueKind.Null, a.GetProperty("tier").ValueKind);
    }

    [Fact]
    public async Task TheCdnowSample_BalancesEveryPointIssued()
    {
        var (exit, output, error) = await _cli.RunAsync("loyalty", CliRun.Sample);
        var (csvExit, csv, _) = await _cli.RunAsync("loyalty", CliRun.Sample, "--format", "csv");

        Assert.True(exit == 0 && csvExit == 0, error);
        // 239,444 issued = 143,708 expired + 93,960 available + 1,776 pending: no refunds or redemptions in CDNOW.
        Assert.Contains("  6,919 transactions of 2,357 members, 1997-01-01 to 1998-06-30: 6,911 purchases, 0 refunds, 8 of amount 0 (earn nothing)", output, StringComparison.Ordinal);
        Assert.Contains("  issued             239,444", output, StringComparison.Ordinal);
        Assert.Contains("  expired            143,708  (breakage 14,370.80, 60.0% of issued)", output, StringComparison.Ordinal);
        Assert.Contains("  available           93,960", output, StringComparison.Ordinal);
        Assert.Contains("  pending              1,776", output, StringComparison.Ordinal);
        Assert.Contains("  liability         9,573.60  (95,736 points held at 0.1 a point)", output, StringComparison.Ordinal);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2358, rows.Length);
        Assert.Equal("00004,40,0,58,0,98,0,0,0,1998-08-02,4.0,", rows[1]);
        Assert.Equal(95_736, rows.Skip(1).Sum(r => long.Parse(r.Split(',')[1], CultureInfo.InvariantCulture) + long.Parse(r.Split(',')[2], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("--format", "table", "error: --format 'table' is not one of text, json, csv.")]
    [InlineData("--expiring-days", "-1", "error: --expiring-days '-1' is not a whole number of days from 0 to 365.")]
    [InlineData("--expiring-days", "366", "error: --expiring-days '366' is not a whole number of days from 0 to 365.")]
    [InlineData("--as-of", "2026-13-01", "error: --as-of '2026-13-01' is not a date like 2026-01-31.")]
    [InlineData("--as-of", "2026-03-09", "error: --as-of 2026-03-09 is before the latest transaction in the file (2026-03-10); pass a later date or leave it out.")]
    [InlineData("--as-of", "2200-01-01", "error: --as-of 2200-01-01 is after the last date the loyalty engine accepts (2199-12-31).")]
    [InlineData("--colour", "red", "error: 'loyalty' has no option --colour; its options are --policy, --as-of, --format, --expiring-days, --customer-column, --date-column, --amount-column, --date-format, --skip-invalid.")]
    public async Task BadArguments_AreOneLineErrors(string option, string value, string expected)
    {
        var file = _cli.Write("small.csv", Small);

        var (exit, output, error) = await _cli.RunAsync("loyalty", file, option, value);

        Assert.Equal((2, string.Empty, expected), (exit, output, error.Trim()));
    }

    [Fact]
    public async Task AnInvalidPolicy_NamesEveryProblem()
    {
        var file = _cli.Write("small.csv", Small);
        var policy = _cli.Write("bad.json", """{ "pointsPerUnit": 0, "holdingDays": 400 }""");
        var unknown = _cli.Write("unknown.json", """{ "colour": 1 }""");

        var (exit, _, error) = await _cli.RunAsync("loyalty", file, "--policy", policy);
        var (unknownExit, _, unknownError) = await _cli.RunAsync("loyalty", file, "--policy", unknown);
        var (missingExit, _, missingError) = await _cli.RunAsync("loyalty", file, "--policy", _cli.PathOf("none.json"));

        Assert.Equal(4, exit);
        Assert.Equal($"error: {policy}: the loyalty policy has 2 problems: PointsPerUnit: must be in (0, 1000] but was 0.; HoldingDays: must be in [0, 365] but was 400.", error.Trim());
        Assert.Equal(4, unknownExit);
        Assert.StartsWith($"error: {unknown}: not a loyalty policy: ", unknownError, StringComparison.Ordinal);
        Assert.Equal((4, $"error: {_cli.PathOf("none.json")}: no such file."), (missingExit, missingError.Trim()));
    }

    [Fact]
    public async Task WithoutAFile_ItSaysWhatItTakes()
    {
        var (exit, _, error) = await _cli.RunAsync("loyalty");

        Assert.Equal((2, "error: 'loyalty' takes one transactions-file but got 0 arguments (usage: customer-lifecycle loyalty <transactions-file> …)."), (exit, error.Trim()));
    }
}
