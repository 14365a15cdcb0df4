using System.Globalization;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Cli.Policy;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary><c>loyalty &lt;file&gt;</c>: a loyalty policy run over a transaction file; balances, liability, tiers and expiring points.</summary>
internal static class LoyaltyProgrammeCommand
{
    private static readonly string[] ValueOptions = ["policy", "as-of", "format", "expiring-days", "customer-column", "date-column", "amount-column", "date-format"];
    private static readonly string[] Flags = ["skip-invalid"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "loyalty", ValueOptions, Flags);
        var path = arguments.Single("loyalty", "transactions-file");
        var format = (arguments.Get("format") ?? "text").ToLowerInvariant();
        if (format is not ("text" or "json" or "csv"))
        {
            throw new CliException($"--format '{format}' is not one of text, json, csv.");
        }

        var options = LoyaltyPolicy.Load(arguments.Get("policy"));
        if (arguments.Get("expiring-days") is { } days)
        {
            options.ExpiryWarningDays = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 365
                ? n
                : throw new CliException($"--expiring-days '{days}' is not a whole number of days from 0 to 365.");
        }

        var read = TransactionFile.Read(path, arguments, error, cancellationToken, refunds: true);
        var first = read.Rows.Min(r => r.Date);
        var last = read.Rows.Max(r => r.Date);
        var asOfDate = AsOfDate.Parse(arguments.Get("as-of"), last, new LocalDate(2199, 12, 31), "the loyalty engine accepts");
        var asOf = CustomerTransactions.InstantOf(asOfDate);

        var engine = new LoyaltyEngine(options);
        var ledgers = LoyaltyLedgers.Build(engine, read.Rows, cancellationToken);
        var statements = ledgers.Records.Select(r => engine.Evaluate(r, asOf)).ToArray();
        // The period is the file's whole span, closed just after the as-of instant so the liability is the one held at it.
        var kpis = new LoyaltyKpiCalculator(options).Calculate(ledgers.Records, CustomerTransactions.InstantOf(first), asOf + Duration.Epsilon);

        switch (format)
        {
            case "json":
                LoyaltyReport.WriteJson(output, statements);
                break;
            case "csv":
                LoyaltyReport.WriteCsv(output, statements);
                break;
            default:
                LoyaltyReport.WriteText(output, new LoyaltyReportHeader(path, read.Rows.Count, read.Skipped.Count, first, last, asOfDate, options), ledgers, statements, kpis);
                break;
        }

        return ExitCodes.Ok;
    }
}
