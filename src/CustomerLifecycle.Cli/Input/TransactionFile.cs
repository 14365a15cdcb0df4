using System.Globalization;
using System.Text.RegularExpressions;
using CustomerLifecycle.Lifecycle;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Cli.Input;

/// <summary>
/// Reads transactions (customer, date, amount) from a CSV or TSV file with a header, or from a CDNOW-style file whose columns
/// are separated by runs of spaces (<c>id date cds amount</c>, or the sample's <c>id sample-id date cds amount</c>).
/// </summary>
internal static partial class TransactionFile
{
    private static readonly string[] CustomerNames = ["customer_id", "customerid", "customer", "client_id", "client", "id"];
    private static readonly string[] DateNames = ["date", "order_date", "purchase_date", "transaction_date", "timestamp", "created_at"];
    private static readonly string[] AmountNames = ["amount", "dollar_value", "value", "total", "revenue", "price", "spend"];

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly LocalDatePattern CompactDate = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");
    private static readonly LocalDateTimePattern IsoDateTime = LocalDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern IsoOffsetDateTime = OffsetDateTimePattern.ExtendedIso;

    /// <summary>Reads every row; a bad row stops the read with file, line and column, unless <see cref="ReadOptions.SkipInvalid"/>.</summary>
    public static ReadResult Read(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file.");
        }

        var rows = new List<TransactionRow>();
        var skipped = new List<string>();
        Layout? layout = null;
        var lineNumber = 0;
        var datePattern = options.DateFormat is null ? null : DatePattern(options.DateFormat);
        string? lastCustomer = null;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if ((lineNumber & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (layout is null)
            {
                layout = DetectLayout(path, line, lineNumber, options);
                if (layout.HasHeader)
                {
                    continue;
                }
            }

            try
            {
                rows.Add(layout.Delimiter is { } delimiter && datePattern is null && TryParsePlainRow(line, lineNumber, layout, delimiter, options.Refunds, ref lastCustomer, out var row)
                    ? row
                    : ParseRow(line, lineNumber, layout, datePattern, options.Refunds));
            }
            catch (RowException e)
            {
                var message = $"{path}:{lineNumber}:{e.Column}: {e.Message}";
                if (!options.SkipInvalid)
                {
                    throw new CliException(message + " (nothing was written; fix the row or pass --skip-invalid)");
                }

                skipped.Add(message);
            }
        }

        if (rows.Count == 0)
        {
            throw new CliException(skipped.Count == 0
                ? $"{path}: the file holds no transactions."
                : $"{path}: every one of the {skipped.Count} rows is invalid; the first: {skipped[0]}");
        }

        return new ReadResult(rows, skipped);
    }

    private static LocalDatePattern DatePattern(string text)
    {
        try
        {
            return LocalDatePattern.CreateWithInvariantCulture(text);
        }
        catch (InvalidPatternException e)
        {
            throw new CliException($"--date-format '{text}' is not a date pattern: {e.Message}");
        }
    }

    private static Layout DetectLayout(string path, string firstLine, int lineNumber, ReadOptions options)
    {
        var delimiter = firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : firstLine.Contains(',', StringComparison.Ordinal) ? ',' : (char?)null;
        if (delimiter is null)
        {
            var fields = firstLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var hasHeader = fields.Length > 0 && !char.IsAsciiDigit(fields[0][0]);
            return fields.Length switch
            {
                4 => new Layout(null, hasHeader, 0, 1, 3, fields.Length),
                5 => new Layout(null, hasHeader, 0, 2, 4, fields.Length),
                _ => throw new CliException(
                    $"{path}:{lineNumber}:1: cannot tell the layout: expected a CSV or TSV header, or CDNOW's whitespace-separated columns (id date cds amount) but found {fields.Length} columns."),
            };
        }

        var header = SplitDelimited(firstLine, delimiter.Value).Select(h => h.Trim().Trim('"')).ToList();
        var customer = FindColumn(path, header, options.CustomerColumn, CustomerNames, "customer", "--customer-column");
        var date = FindColumn(path, header, options.DateColumn, DateNames, "date", "--date-column");
        var amount = FindColumn(path, header, options.AmountColumn, AmountNames, "amount", "--amount-column");
        return new Layout(delimiter, true, customer, date, amount, header.Count);
    }

    private static int FindColumn(string path, List<string> header, string? requested, string[] candidates, string what, string option)
    {
        if (requested is not null)
        {
            var index = header.FindIndex(h => string.Equals(h, requested, StringComparison.OrdinalIgnoreCase));
            return index >= 0
                ? index
                : throw new CliException($"{path}:1: {option} '{requested}' is not a column; the header has {string.Join(", ", header)}.");
        }

        foreach (var candidate in candidates)
        {
            var index = header.FindIndex(h => string.Equals(h, candidate, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        throw new CliException($"{path}:1: no {what} column in the header ({string.Join(", ", header)}); name it with {option}.");
    }

    internal static TransactionRow ParseRow(string line, int lineNumber, Layout layout, LocalDatePattern? datePattern, bool refunds)
    {
        IReadOnlyList<string> fields = layout.Delimiter is { } delimiter
            ? SplitDelimited(line, delimiter)
            : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var needed = Math.Max(layout.CustomerIndex, Math.Max(layout.DateIndex, layout.AmountIndex)) + 1;
        if (fields.Count < needed)
        {
            throw new RowException(fields.Count + 1, $"expected {layout.ColumnCount} columns but found {fields.Count}.");
        }

        var customer = fields[layout.CustomerIndex].Trim().Trim('"');
        if (customer.Length == 0)
        {
            throw new RowException(layout.CustomerIndex + 1, "the customer id is empty.");
        }

        var date = ParseDate(fields[layout.DateIndex].Trim().Trim('"'), layout.DateIndex + 1, datePattern);
        var at = date.AtMidnight().InUtc().ToInstant();
        if (at < LifecycleLimits.MinInstant || at > LifecycleLimits.MaxInstant)
        {
            throw new RowException(
                layout.DateIndex + 1,
                $"date {date:yyyy-MM-dd} is outside the range the engines accept ({LifecycleLimits.MinInstant.InUtc().Date:yyyy-MM-dd} to {LifecycleLimits.MaxInstant.InUtc().Date:yyyy-MM-dd}).");
        }

        var amount = ParseAmount(fields[layout.AmountIndex].Trim().Trim('"'), layout.AmountIndex + 1, refunds);
        return new TransactionRow(customer, date, amount, lineNumber);
    }

    /// <summary>
    /// Reads a row as <see cref="ParseRow"/> does when it is plain, as nearly every row of an export is (no quotes, an ISO
    /// date, an amount without a currency sign or thousands separators, every value valid), from the line's characters
    /// rather than a string per field; the customer keeps the string of the row before when it is the same customer (an
    /// export lists a customer's rows together). False for any other row, which <see cref="ParseRow"/> then reads, or
    /// reports, the general way.
    /// </summary>
    internal static bool TryParsePlainRow(string line, int lineNumber, Layout layout, char delimiter, bool refunds, ref string? lastCustomer, out TransactionRow row)
    {
        row = default;
        if (line.Contains('"', StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> customer = default, dateText = default, amountText = default;
        var found = 0;
        var rest = line.AsSpan();
        for (var column = 0; ; column++)
        {
            var end = rest.IndexOf(delimiter);
            var field = (end < 0 ? rest : rest[..end]).Trim();
            if (column == layout.CustomerIndex)
            {
                customer = field;
                found++;
            }

            if (column == layout.DateIndex)
            {
                dateText = field;
                found++;
            }

            if (column == layout.AmountIndex)
            {
                amountText = field;
                found++;
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        if (found < 3 || customer.IsEmpty || !TryParseIsoDate(dateText, out var date) || amountText.ContainsAny('$', ',')
            || !double.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount) || (amount < 0 && !refunds))
        {
            return false;
        }

        var at = date.AtMidnight().InUtc().ToInstant();
        if (at < LifecycleLimits.MinInstant || at > LifecycleLimits.MaxInstant)
        {
            return false;
        }

        var id = lastCustomer is not null && customer.SequenceEqual(lastCustomer) ? lastCustomer : lastCustomer = customer.ToString();
        row = new TransactionRow(id, date, amount, lineNumber);
        return true;
    }

    /// <summary>A valid <c>yyyy-MM-dd</c> date of a year from 1 on, as <see cref="IsoDate"/> reads it; false for anything else.</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryParseDigits(text[..4], out var year) || !TryParseDigits(text[5..7], out var month) || !TryParseDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    internal static LocalDate ParseDate(string text, int column, LocalDatePattern? pattern)
    {
        if (pattern is not null)
        {
            var custom = pattern.Parse(text);
            return custom.Success ? custom.Value : throw new RowException(column, $"date '{text}' does not match --date-format '{pattern.PatternText}'.");
        }

        var result = text.Length == 8 ? CompactDate.Parse(text) : IsoDate.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        var dateTime = IsoDateTime.Parse(text.TrimEnd('Z'));
        if (dateTime.Success)
        {
            return dateTime.Value.Date;
        }

        var offset = IsoOffsetDateTime.Parse(text);
        if (offset.Success)
        {
            return offset.Value.ToInstant().InUtc().Date;
        }

        throw new RowException(column, $"unknown date format '{text}'; expected yyyy-MM-dd, yyyyMMdd or an ISO 8601 date-time (or pass --date-format, e.g. dd/MM/yyyy).");
    }

    internal static double ParseAmount(string text, int column, bool refunds)
    {
        var plain = text.StartsWith('$') ? text[1..] : text;
        if (plain.Contains(',', StringComparison.Ordinal) && !ThousandsAmount().IsMatch(plain))
        {
            throw new RowException(column, $"amount '{text}' has a comma that is not a thousands separator; write amounts like 1234.56 or 1,234.56.");
        }

        if (!double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount))
        {
            throw new RowException(column, $"amount '{text}' is not a number.");
        }

        return amount >= 0 || refunds ? amount : throw new RowException(column, $"amount '{text}' is negative; a row is a purchase (refunds are not read).");
    }

    private static List<string> SplitDelimited(string line, char delimiter)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsAmount();

    internal sealed record Layout(char? Delimiter, bool HasHeader, int CustomerIndex, int DateIndex, int AmountIndex, int ColumnCount);
}

/// <summary>The rows read and the messages of the rows skipped.</summary>
internal sealed record ReadResult(IReadOnlyList<TransactionRow> Rows, IReadOnlyList<string> Skipped);

/// <summary>A bad field: its 1-based column and what is wrong.</summary>
internal sealed class RowException(int column, string message) : Exception(message)
{
    public int Column { get; } = column;
}
