using System.Text.Json;

namespace CustomerLifecycle.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sample_AsTable_SummarisesEveryEngine()
    {
        var (exit, output, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database);

        Assert.Equal(0, exit);
        Assert.Contains("as of 1998-07-01", output, StringComparison.Ordinal);
        Assert.Contains("6,919 transactions of 2,357 customers, 1997-01-01 to 1998-06-30", output, StringComparison.Ordinal);
        // Every customer's profile is new; the as-of evaluation moves 1,919 of them by the time rules (1,845 of them to Churned,
        // which purchases alone reach only by a time rule) and then, the health band being fed to the lifecycle after them,
        // 27 active customers in band AtRisk to Declining: 1,946, saved with the profiles.
        Assert.Contains("6,919 new events applied, 0 duplicate, 0 late; 2,357 profiles saved (1,946 moved by the time rules and the health band as of 1998-07-01)", output, StringComparison.Ordinal);
        Assert.Equal(["1,845", "78.3%"], Line(output, "  Churned ")[^2..]);
        Assert.Equal(["137", "5.8%"], Line(output, "  Core ")[^2..]);
        Assert.Equal(["2,043", "86.7%"], Line(output, "  AtRisk ")[^2..]);
        Assert.Contains("CLV model: BgNbd + Gamma-Gamma, CLV over 52 weeks, margin 0.3 (purchase fit Converged", output, StringComparison.Ordinal);
        Assert.Contains("Customers needing action now: 2,095 (AtRisk health or Declining)", output, StringComparison.Ordinal);
        Assert.Contains("  20111       Mature        Core       Healthy   95         42    1,747.58      0.96           23.61     280.68", output, StringComparison.Ordinal);
        Assert.Contains(
            "  Declining playbook (15562, 11288, 20873, 08481, 01760, 15105, 18580, 00619, 22356, 19060): Analyse why activity or health is falling. Make a targeted win-back offer.",
            output,
            StringComparison.Ordinal);
        Assert.Contains("folding purchases into the profiles", error, StringComparison.Ordinal);
        Assert.True(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task Sample_AsJson_GivesOneObjectPerCustomer()
    {
        var (exit, output, _) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--format", "json", "--quiet");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2357, json.RootElement.GetArrayLength());
        var top = json.RootElement.EnumerateArray().Single(c => c.GetProperty("customer").GetString() == "20111");
        Assert.Equal(42, top.GetProperty("transactions").GetInt32());
        Assert.Equal(1747.58, top.GetProperty("revenue").GetDouble());
        Assert.Equal("Mature", top.GetProperty("stage").GetString());
        Assert.Equal("Core", top.GetProperty("tier").GetString());
        Assert.Equal("Healthy", top.GetProperty("healthBand").GetString());
        Assert.Equal(280.68, Math.Round(top.GetProperty("clv").GetDouble(), 2));
        Assert.Equal(
            ["customer", "transactions", "revenue", "firstPurchase", "lastPurchase", "stage", "rfmSegment", "rfm", "tier", "healthScore", "healthBand", "probabilityAlive", "expectedPurchases", "expectedSpend", "clv"],
            top.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Sample_AsCsv_GivesAHeaderAndOneRowPerCustomer()
    {
        var (exit, output, _) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--format", "csv", "--quiet");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, exit);
        Assert.Equal(2358, lines.Length);
        Assert.Equal("customer,transactions,revenue,first_purchase,last_purchase,stage,rfm_segment,rfm,tier,health_score,health_band,probability_alive,expected_purchases,expected_spend,clv", lines[0]);
        Assert.StartsWith("20111,42,1747.58,", lines.Single(l => l.StartsWith("20111,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRun_AppliesOnlyTheNewEvents_AndCountsDuplicatesAndLateOnes()
    {
        await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--quiet");
        // Customer 00004's latest purchase in the sample is on 1997-12-12: one row after those (new), one before the
        // latest (late); and a customer never seen before.
        var extended = _cli.Write("extended.txt", File.ReadAllText(CliRun.Sample)
            + " 00004 0001 19980702 1 10.00\r\n 00004 0001 19970105 2 20.00\r\n 99999 9999 19980702 1 30.00\r\n");

        var (exit, output, _) = await _cli.RunAsync("analyze", extended, "--db", _cli.Database, "--quiet");
        var (_, again, _) = await _cli.RunAsync("analyze", extended, "--db", _cli.Database, "--quiet");

        Assert.Equal(0, exit);
        Assert.Contains("6,922 transactions of 2,358 customers, 1997-01-01 to 1998-07-02", output, StringComparison.Ordinal);
        // 00004 (events) and 99999 (new) change, and the evaluation at 07-03 changes 26 others: it moves 5 a stage (the time
        // rules, then the band fed after them) and changes the band fed or the tier state of the rest (a later UTC day counts
        // one more evaluation for a waiting downgrade): 28 saved. Run again at the same date, everything is held and the
        // stages, bands and tier states saved are already those of 07-03 (the same UTC day counts once): nothing to save.
        Assert.Contains("2 new events applied, 6,919 duplicate, 1 late; 28 profiles saved (5 moved by the time rules and the health band as of 1998-07-03)", output, StringComparison.Ordinal);
        Assert.Contains("0 new events applied, 6,922 duplicate, 0 late; 0 profiles saved (0 moved by the time rules and the health band as of 1998-07-03)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateRow_RebuildsTheProfileFromItsFacts_KeepingTheTierHysteresisTheEvaluationsKept()
    {
        await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--quiet");
        var customer = CustomerId.From("00004");
        var before = (await Load(customer))!.Tier!.Value;
        // A late row of 00004, and a new customer's row on 07-02 that moves the as-of day to 07-03, a later day for the tiers.
        var extended = _cli.Write("late.txt", File.ReadAllText(CliRun.Sample) + " 00004 0001 19970105 2 20.00\r\n 99999 9999 19980702 1 30.00\r\n");

        await _cli.RunAsync("analyze", extended, "--db", _cli.Database, "--quiet");
        var after = (await Load(customer))!.Tier!.Value;

        // Rebuilt from the facts alone, the state would start again (nothing before it, advanced at the run's as-of day);
        // carried over, it is the one kept (a steady tier) or advanced from it.
        Assert.True(after == before || after.Before == before.Current, $"kept {before}, after the late row {after}");
    }

    private async Task<Profile.ProfileRecord?> Load(CustomerId customer)
        => (await new Sqlite.SqliteProfileStore(_cli.Database).LoadAsync(customer))?.Record;

    [Fact]
    public async Task MalformedRow_StopsWithFileLineAndColumn_AndWritesNothing()
    {
        var file = _cli.Write("bad.csv", "customer,date,amount\na,2025-01-02,10\nb,2025/13/01,3\n");

        var (exit, output, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            $"error: {file}:3:2: unknown date format '2025/13/01'; expected yyyy-MM-dd, yyyyMMdd or an ISO 8601 date-time (or pass --date-format, e.g. dd/MM/yyyy). (nothing was written; fix the row or pass --skip-invalid)",
            error.Trim());
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task SkipInvalid_ContinuesAndNamesTheRowsSkipped()
    {
        var file = _cli.Write("bad.csv", "customer,date,amount\na,2025-01-02,10\nb,2025-01-03,ten\nc,2025-01-04\n");

        var (exit, output, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet", "--skip-invalid", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(
            [$"skipped: {file}:3:3: amount 'ten' is not a number.", $"skipped: {file}:4:3: expected 3 columns but found 2."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task ANegativeAmount_IsARowError_ForARowIsAPurchase()
    {
        var file = _cli.Write("refund.csv", "customer,date,amount\na,2025-01-02,10\na,2025-01-03,-4\n");

        var (exit, _, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: {file}:3:3: amount '-4' is negative; a row is a purchase (refunds are not read). (nothing was written; fix the row or pass --skip-invalid)",
            error.Trim());
    }

    [Fact]
    public async Task AnAsOfBeforePurchasesAlreadyStored_IsRejected()
    {
        var later = _cli.Write("later.csv", "customer,date,amount\na,2025-03-01,10\n");
        var earlier = _cli.Write("earlier.csv", "customer,date,amount\na,2025-01-02,10\n");
        Assert.Equal(0, (await _cli.RunAsync("analyze", later, "--db", _cli.Database, "--quiet")).Exit);

        var (exit, _, error) = await _cli.RunAsync("analyze", earlier, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal("error: --as-of 2025-01-03 is before the latest purchase already in the profile store (2025-03-01); pass a later date.", error.Trim());
    }

    [Fact]
    public async Task ThousandsSeparators_AndMappedColumns_AreRead()
    {
        var file = _cli.Write("orders.tsv", "order\tclient\twhen\ttotal\n1\tacme\t2025-01-02T10:30:00Z\t\"1,234.50\"\n2\tacme\t2025-02-03\t$2,000\n");

        var (exit, output, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet", "--format", "json", "--date-column", "when", "--amount-column", "total");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var acme = json.RootElement[0];
        Assert.Equal("acme", acme.GetProperty("customer").GetString());
        Assert.Equal(3234.5, acme.GetProperty("revenue").GetDouble());
        Assert.Equal("2025-01-02", acme.GetProperty("firstPurchase").GetString());
    }

    [Fact]
    public async Task AnAmbiguousComma_IsRejected()
    {
        var file = _cli.Write("orders.csv", "customer,date,amount\nacme,2025-01-02,\"12,34\"\n");

        var (exit, _, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: {file}:2:3: amount '12,34' has a comma that is not a thousands separator; write amounts like 1234.56 or 1,234.56. (nothing was written; fix the row or pass --skip-invalid)",
            error.Trim());
    }

    [Fact]
    public async Task ADateOutsideTheEnginesRange_IsAClearRowError()
    {
        var file = _cli.Write("orders.csv", "customer,date,amount\nacme,1850-01-02,10\n");

        var (exit, _, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: {file}:2:2: date 1850-01-02 is outside the range the engines accept (1900-01-01 to 9000-12-31). (nothing was written; fix the row or pass --skip-invalid)",
            error.Trim());
    }

    [Fact]
    public async Task EmptyFile_IsAClearError()
    {
        var file = _cli.Write("empty.csv", string.Empty);

        var (exit, _, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal($"error: {file}: the file holds no transactions.", error.Trim());
    }

    [Fact]
    public async Task MissingFile_AndUnknownOption_AreClearErrors()
    {
        var (missing, _, missingError) = await _cli.RunAsync("analyze", _cli.PathOf("nope.csv"), "--db", _cli.Database, "--quiet");
        var (unknown, _, unknownError) = await _cli.RunAsync("analyze", CliRun.Sample, "--colour", "red");

        Assert.Equal((2, $"error: {_cli.PathOf("nope.csv")}: no such file."), (missing, missingError.Trim()));
        Assert.Equal(2, unknown);
        Assert.StartsWith("error: 'analyze' has no option --colour; its options are --as-of, --db,", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptDatabase_IsAOneLineErrorWithExitCode3()
    {
        File.WriteAllText(_cli.Database, "not a database at all, only text................................................................");

        var (exit, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--quiet");

        Assert.Equal(3, exit);
        Assert.Equal(
            "error: the database file is not a SQLite database or is corrupt (SQLite Error 26: 'file is not a database'); pass another --db file or delete it to start again. Nothing was written.",
            error.Trim());
    }

    [Fact]
    public async Task ARecordOfALaterSchema_IsAOneLineErrorWithExitCode3()
    {
        var file = _cli.Write("small.csv", "customer,date,amount\na,2025-01-02,10\nb,2025-01-03,3\n");
        Assert.Equal(0, (await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet")).Exit);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE profile_records SET record = json_set(record, '$.schemaVersion', 2) WHERE customer = 'b'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (exit, _, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet");

        Assert.Equal(3, exit);
        Assert.Equal(
            "error: The profile of customer 'b' has schema version 2, written by a later release; this one reads up to 1. Upgrade CustomerLifecycle.Sqlite.",
            error.Trim());
    }

    [Fact]
    public async Task LockedDatabase_IsAOneLineErrorWithExitCode3_AndWritesNothing()
    {
        await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--quiet");
        var grown = _cli.Write("grown.txt", File.ReadAllText(CliRun.Sample) + " 99999 9999 19980702 1 30.00\r\n");
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.Database};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(); // BEGIN IMMEDIATE: another writer holds the lock

        var (exit, _, error) = await _cli.RunAsync("analyze", grown, "--db", _cli.Database, "--quiet");
        transaction.Rollback();
        var (_, after, _) = await _cli.RunAsync("analyze", grown, "--db", _cli.Database, "--quiet");

        Assert.Equal(3, exit);
        Assert.Equal(
            "error: the database file is locked by another process (SQLite Error 5: 'database is locked'); try again when it has finished. Nothing was written.",
            error.Trim());
        // 99999's new profile and the 27 the evaluation at 07-03 changes (the 26 of SecondRun_AppliesOnlyTheNewEvents_… and
        // 00004, saved there for its new events anyway).
        Assert.Contains("1 new events applied, 6,919 duplicate, 0 late; 28 profiles saved (5 moved by the time rules and the health band as of 1998-07-03)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDateFormatPattern_IsAClearError()
    {
        var (exit, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--quiet", "--date-format", "yyyy-MM-dd'");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --date-format 'yyyy-MM-dd'' is not a date pattern: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOfBeforeTheLatestTransaction_IsRejected()
    {
        var (exit, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--as-of", "1998-01-01", "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal("error: --as-of 1998-01-01 is before the latest transaction in the file (1998-06-30); pass a later date or leave it out.", error.Trim());
    }

    [Fact]
    public async Task AsOfAfterTheEnginesLastDate_IsRejected()
    {
        var (exit, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--as-of", "9001-01-01", "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal("error: --as-of 9001-01-01 is after the last date the engines accept (9000-12-31).", error.Trim());
    }

    private static string[] Line(string output, string start)
    {
        var line = output.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal));
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
