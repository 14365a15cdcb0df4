using CustomerLifecycle.Cli.Commands;
using CustomerLifecycle.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Cli;

/// <summary>The <c>customer-lifecycle</c> tool's entry point, separate from <c>Main</c> so that tests run it in process.</summary>
public static class CliApp
{
    private const string Usage = """
        customer-lifecycle: every CustomerLifecycle engine over a transaction export.

        Commands:
          analyze <transactions-file> [--as-of DATE] [--db FILE] [--policy FILE] [--format table|json|csv]
                  [--customer-column NAME] [--date-column NAME] [--amount-column NAME] [--date-format PATTERN]
                  [--skip-invalid] [--top N] [--quiet]
          loyalty <transactions-file> [--policy FILE] [--as-of DATE] [--format text|json|csv] [--expiring-days N]
                  [--customer-column NAME] [--date-column NAME] [--amount-column NAME] [--date-format PATTERN] [--skip-invalid]
          value fit <transactions-file> --calibration-end DATE [--time-unit day|week] [--format json] [--policy FILE]
          policy validate <policy-file>
          policy export-defaults [--output FILE]
          lifecycle diagram [--policy FILE]
          generate --customers N [--seed S] [--output FILE] [--start DATE] [--weeks W]

        Files: CSV or TSV with a header (customer, date and amount columns), or CDNOW's whitespace-separated columns.
        See docs/cli.md.
        """;

    /// <summary>Runs one command and returns the process exit code; errors are written as one line to <paramref name="error"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where errors, warnings and progress go (standard error).</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C); nothing half-written is left behind.</param>
    /// <returns>0 on success; 1 unexpected failure; 2 bad arguments or input; 3 database problem; 4 invalid policy; 130 cancelled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await DispatchAsync(args, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            error.WriteLine("error: " + e.Message);
            return e.ExitCode;
        }
        catch (SqliteSchemaException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.Database;
        }
        catch (SqliteException e)
        {
            error.WriteLine("error: " + DatabaseMessage(e));
            return ExitCodes.Database;
        }
        catch (OptionsValidationException e)
        {
            error.WriteLine("error: invalid policy: " + string.Join("; ", e.Failures));
            return ExitCodes.InvalidPolicy;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("error: cancelled; nothing was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The tool's last line of defence: one line for the user, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? error : output).WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        var rest = args.Skip(1).ToList();
        switch (args[0])
        {
            case "analyze":
                return await AnalyzeCommand.RunAsync(rest, output, error, cancellationToken).ConfigureAwait(false);
            case "loyalty":
                return LoyaltyProgrammeCommand.Run(rest, output, error, cancellationToken);
            case "value" when rest.Count > 0 && rest[0] == "fit":
                return await ValueFitCommand.RunAsync(rest.Skip(1).ToList(), output, error, cancellationToken).ConfigureAwait(false);
            case "policy" when rest.Count > 0 && rest[0] == "validate":
                return PolicyCommands.Validate(rest.Skip(1).ToList(), output, error);
            case "policy" when rest.Count > 0 && rest[0] == "export-defaults":
                return PolicyCommands.ExportDefaults(rest.Skip(1).ToList(), output);
            case "lifecycle" when rest.Count > 0 && rest[0] == "diagram":
                return LifecycleDiagramCommand.Run(rest.Skip(1).ToList(), output);
            case "generate":
                return GenerateCommand.Run(rest, output);
            case "value" or "policy" or "lifecycle":
                throw new CliException($"'{args[0]}' needs a subcommand: {args[0] switch { "value" => "fit", "policy" => "validate, export-defaults", _ => "diagram" }}.");
            default:
                throw new CliException($"unknown command '{args[0]}'; the commands are analyze, loyalty, value fit, policy validate, policy export-defaults, lifecycle diagram, generate (see --help).");
        }
    }

    private static string DatabaseMessage(SqliteException e) => e.SqliteErrorCode switch
    {
        26 or 11 => $"the database file is not a SQLite database or is corrupt ({e.Message.TrimEnd('.')}); pass another --db file or delete it to start again. Nothing was written.",
        5 or 6 => $"the database file is locked by another process ({e.Message.TrimEnd('.')}); try again when it has finished. Nothing was written.",
        _ => $"database error {e.SqliteErrorCode}: {e.Message}",
    };
}
