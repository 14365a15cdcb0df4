using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Cli.Input;

/// <summary>The <c>--as-of</c> date of the commands that evaluate a transaction file at a date.</summary>
internal static class AsOfDate
{
    /// <summary>The date given, checked against the file and the engine; without one, the day after the latest transaction.</summary>
    /// <param name="text">The option's value, or null when it was not given.</param>
    /// <param name="lastDate">The latest transaction's date in the file.</param>
    /// <param name="latest">The last date the command's engine accepts.</param>
    /// <param name="acceptedBy">Who accepts it, as the error says it: "the engines accept", "the loyalty engine accepts".</param>
    /// <exception cref="CliException">The date is not an ISO date, is before the file's latest transaction, or is after <paramref name="latest"/>.</exception>
    public static LocalDate Parse(string? text, LocalDate lastDate, LocalDate latest, string acceptedBy)
    {
        if (text is null)
        {
            // The day after the latest transaction: deterministic, and right for historic exports such as CDNOW.
            return lastDate.PlusDays(1);
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            throw new CliException($"--as-of '{text}' is not a date like 2026-01-31.");
        }

        return parsed.Value < lastDate
            ? throw new CliException($"--as-of {text} is before the latest transaction in the file ({lastDate:yyyy-MM-dd}); pass a later date or leave it out.")
            : parsed.Value > latest
                ? throw new CliException($"--as-of {text} is after the last date {acceptedBy} ({latest:yyyy-MM-dd}).")
                : parsed.Value;
    }
}
