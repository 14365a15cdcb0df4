namespace CustomerLifecycle.Cli.Input;

/// <summary>Reading the transactions file the way every command does: column mapping and skipping from the command line.</summary>
internal static partial class TransactionFile
{
    /// <summary>Reads <paramref name="path"/> with the options on the command line, listing up to ten skipped rows on <paramref name="error"/>;
    /// a negative amount is a refund when <paramref name="refunds"/>, a row error otherwise.</summary>
    public static ReadResult Read(string path, Arguments arguments, TextWriter error, CancellationToken cancellationToken, bool refunds = false)
    {
        var read = Read(
            path,
            new ReadOptions
            {
                CustomerColumn = arguments.Get("customer-column"),
                DateColumn = arguments.Get("date-column"),
                AmountColumn = arguments.Get("amount-column"),
                DateFormat = arguments.Get("date-format"),
                SkipInvalid = arguments.Has("skip-invalid"),
                Refunds = refunds,
            },
            cancellationToken);
        foreach (var skipped in read.Skipped.Take(10))
        {
            error.WriteLine($"skipped: {skipped}");
        }

        if (read.Skipped.Count > 10)
        {
            error.WriteLine($"skipped: … and {read.Skipped.Count - 10:N0} more rows");
        }

        return read;
    }
}
