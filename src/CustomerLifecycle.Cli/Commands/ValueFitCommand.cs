using System.Text;
using System.Text.Json;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Cli.Output;
using CustomerLifecycle.Cli.Policy;
using CustomerLifecycle.Value;
using NodaTime.Text;

namespace CustomerLifecycle.Cli.Commands;

/// <summary><c>value fit &lt;file&gt; --calibration-end DATE</c>: BG/NBD, Pareto/NBD and Gamma-Gamma parameters with their fit reports, as JSON.</summary>
internal static class ValueFitCommand
{
    private static readonly string[] ValueOptions = ["calibration-end", "time-unit", "format", "policy", "customer-column", "date-column", "amount-column", "date-format"];
    private static readonly string[] Flags = ["skip-invalid"];

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "value fit", ValueOptions, Flags);
        var path = arguments.Single("value fit", "transactions-file");
        var endText = arguments.Get("calibration-end") ?? throw new CliException("'value fit' needs --calibration-end DATE (e.g. 1997-09-30).");
        var end = LocalDatePattern.Iso.Parse(endText);
        if (!end.Success)
        {
            throw new CliException($"--calibration-end '{endText}' is not a date like 1997-09-30.");
        }

        var unit = (arguments.Get("time-unit") ?? "week").ToLowerInvariant() switch
        {
            "day" or "days" => ValueTimeUnit.Days,
            "week" or "weeks" => ValueTimeUnit.Weeks,
            var other => throw new CliException($"--time-unit '{other}' is not one of day, week."),
        };
        var format = (arguments.Get("format") ?? "json").ToLowerInvariant();
        if (format != "json")
        {
            throw new CliException($"--format '{format}': 'value fit' writes json only.");
        }

        var policy = PolicyLoader.Load(arguments.Get("policy"));
        var read = TransactionFile.Read(path, arguments, error, cancellationToken);

        var options = policy.Value;
        options.TimeUnit = unit;
        var engine = new ValueEngine(options);
        var transactions = read.Rows.Select(r => new ValueTransaction(CustomerId.From(r.Customer), CustomerTransactions.InstantOf(r.Date), r.Amount)).ToArray();
        var summary = engine.Summarize(transactions, CustomerTransactions.InstantOf(end.Value));
        var customers = summary.Customers.ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var bgNbd = BgNbdModel.Fit(customers, options.Fitting);
        cancellationToken.ThrowIfCancellationRequested();
        var paretoNbd = ParetoNbdModel.Fit(customers, options.Fitting);
        cancellationToken.ThrowIfCancellationRequested();
        var gammaGamma = GammaGammaModel.Fit(customers, options.Fitting);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("calibrationEnd", endText);
            writer.WriteString("timeUnit", unit == ValueTimeUnit.Days ? "day" : "week");
            writer.WriteNumber("customers", customers.Length);
            writer.WriteNumber("transactions", read.Rows.Count);
            var bg = bgNbd.Parameters;
            WriteModel(writer, "bgNbd", [("r", bg?.R), ("alpha", bg?.Alpha), ("a", bg?.A), ("b", bg?.B)], bgNbd.LogLikelihood, bgNbd.StandardErrors, bgNbd.Report);
            var pareto = paretoNbd.Parameters;
            WriteModel(writer, "paretoNbd", [("r", pareto?.R), ("alpha", pareto?.Alpha), ("s", pareto?.S), ("beta", pareto?.Beta)], paretoNbd.LogLikelihood, paretoNbd.StandardErrors, paretoNbd.Report);
            var gg = gammaGamma.Parameters;
            WriteModel(writer, "gammaGamma", [("p", gg?.P), ("q", gg?.Q), ("gamma", gg?.Gamma)], gammaGamma.LogLikelihood, gammaGamma.StandardErrors, gammaGamma.Report);
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>One model's object: its parameters (null when the fit failed), log-likelihood, standard errors and convergence report.</summary>
    private static void WriteModel(Utf8JsonWriter writer, string name, (string Name, double? Value)[] parameters, double logLikelihood, IReadOnlyList<double> standardErrors, FitReport report)
    {
        writer.WriteStartObject(name);
        foreach (var (parameter, value) in parameters)
        {
            Json.Number(writer, parameter, value);
        }

        Json.Number(writer, "logLikelihood", logLikelihood);
        writer.WriteStartArray("standardErrors");
        foreach (var se in standardErrors)
        {
            if (double.IsFinite(se))
            {
                writer.WriteNumberValue(se);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
        writer.WriteStartObject("convergence");
        writer.WriteString("status", report.Status.ToString());
        writer.WriteBoolean("converged", report.Converged);
        writer.WriteNumber("iterations", report.Iterations);
        writer.WriteNumber("functionEvaluations", report.FunctionEvaluations);
        Json.Number(writer, "gradientNorm", report.GradientNorm);
        writer.WriteString("message", report.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
