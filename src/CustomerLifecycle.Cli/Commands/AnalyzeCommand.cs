using System.Globalization;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Cli.Output;
using CustomerLifecycle.Cli.Policy;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Sqlite;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary><c>analyze &lt;file&gt;</c>: the customer profile over a transaction file, the profiles kept in SQLite.</summary>
/// <remarks>The composition root of the command: the only place that names the store's adapter.</remarks>
internal static class AnalyzeCommand
{
    public const string DefaultDatabase = "customer-lifecycle.db";

    private static readonly string[] ValueOptions = ["as-of", "db", "policy", "format", "customer-column", "date-column", "amount-column", "date-format", "top"];
    private static readonly string[] Flags = ["skip-invalid", "quiet"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "analyze", ValueOptions, Flags);
        var path = arguments.Single("analyze", "transactions-file");
        var format = (arguments.Get("format") ?? "table").ToLowerInvariant();
        if (format is not ("table" or "json" or "csv"))
        {
            throw new CliException($"--format '{format}' is not one of table, json, csv.");
        }

        var top = ParseTop(arguments.Get("top"));
        var policy = PolicyLoader.Load(arguments.Get("policy"));
        var progress = new Progress(error, arguments.Has("quiet"));

        progress.Step($"reading {path}");
        var read = TransactionFile.Read(path, arguments, error, cancellationToken);

        var data = CustomerTransactions.From(read.Rows);
        var lastDate = data.LastDate;
        var asOfDate = AsOfDate.Parse(arguments.Get("as-of"), lastDate, LifecycleLimits.MaxInstant.InUtc().Date, "the engines accept");
        var asOf = CustomerTransactions.InstantOf(asOfDate);
        progress.Step($"{read.Rows.Count:N0} transactions of {data.Customers.Length:N0} customers, {data.FirstDate:yyyy-MM-dd} to {lastDate:yyyy-MM-dd}; as of {asOfDate:yyyy-MM-dd}");

        var database = arguments.Get("db") ?? DefaultDatabase;
        var engine = new ProfileEngine(policy.Profile());
        IProfileStore store = new SqliteProfileStore(database, TimeSpan.FromSeconds(5));
        progress.Step($"folding purchases into the profiles in {database}");
        var sync = await ProfileSync.RunAsync(engine, store, data, cancellationToken).ConfigureAwait(false);
        progress.Step($"events: {sync.New:N0} new, {sync.Duplicates:N0} duplicate, {sync.Late:N0} late{Rejected(sync)}");
        CheckAsOf(sync, asOfDate);

        var analysis = CustomerAnalysis.Run(engine, sync.Profiles, asOf, progress);
        progress.Step("saving the profiles that changed");

        // SQLite writes on one thread: the summary is worked out meanwhile, and written once the profiles are saved.
        var saving = Task.Run(async () => await ProfileSync.SaveAsync(store, sync, analysis.Views, cancellationToken).ConfigureAwait(false), cancellationToken);
        string? table = null;
        if (format == "table")
        {
            var needingAction = NeedingAction(analysis, policy.Lifecycle, top);
            var header = new ReportHeader(path, database, read.Rows.Count, read.Skipped.Count, data.FirstDate, lastDate, asOfDate, sync, ProfileSync.CountToSave(sync, analysis.Views), ModelName(policy.Value));
            using var summary = new StringWriter(CultureInfo.InvariantCulture) { NewLine = output.NewLine };
            AnalysisReport.WriteTable(summary, header, analysis, needingAction, top);
            table = summary.ToString();
        }

        await saving.ConfigureAwait(false);
        progress.Step("writing the report");
        switch (format)
        {
            case "json":
                AnalysisReport.WriteJson(output, analysis.Customers);
                break;
            case "csv":
                AnalysisReport.WriteCsv(output, analysis.Customers);
                break;
            default:
                output.Write(table);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Customers in the worst health band or a declining stage, most valuable first, each with their stage's playbook steps.</summary>
    private static (int Count, List<CustomerResult> Top) NeedingAction(Analysis analysis, LifecycleOptions lifecycle, int top)
    {
        var worstBand = analysis.Bands[^1];
        var flagged = Enumerable.Range(0, analysis.Customers.Length)
            .Where(i => analysis.Customers[i].HealthBand == worstBand || analysis.Customers[i].Stage == "Declining")
            .ToList();
        var chosen = flagged
            .OrderByDescending(i => double.IsFinite(analysis.Customers[i].Clv) ? analysis.Customers[i].Clv : analysis.Customers[i].Revenue)
            .ThenBy(i => analysis.Customers[i].Customer, StringComparer.Ordinal)
            .Take(top)
            .Select(i =>
            {
                var stage = lifecycle.Stages.FirstOrDefault(s => s.Name == analysis.Customers[i].Stage);
                var steps = stage is null || stage.Playbook.Count == 0 ? null : string.Join(" ", stage.Playbook.Select(p => p.Description));
                return analysis.Customers[i] with { NextAction = steps };
            })
            .ToList();
        return (flagged.Count, chosen);
    }

    internal static string Rejected(SyncResult sync) => sync.Rejected > 0 ? $", {sync.Rejected:N0} rejected" : string.Empty;

    /// <summary>A stored profile may hold purchases of an earlier, longer file: the profile cannot be evaluated before them.</summary>
    private static void CheckAsOf(SyncResult sync, LocalDate asOfDate)
    {
        var latest = sync.Profiles.Max(p => p.LastFactAt);
        if (latest > CustomerTransactions.InstantOf(asOfDate))
        {
            throw new CliException($"--as-of {asOfDate:yyyy-MM-dd} is before the latest purchase already in the profile store ({latest.InUtc().Date:yyyy-MM-dd}); pass a later date.");
        }
    }

    private static string ModelName(Value.ValueOptions value) => string.Create(
        CultureInfo.InvariantCulture,
        $"{value.PurchaseModel} + Gamma-Gamma, CLV over {value.HorizonPeriods} {value.TimeUnit.ToString().ToLowerInvariant()}, margin {value.Margin}");

    private static int ParseTop(string? text)
    {
        if (text is null)
        {
            return 10;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top > 0
            ? top
            : throw new CliException($"--top '{text}' is not a positive whole number.");
    }
}
