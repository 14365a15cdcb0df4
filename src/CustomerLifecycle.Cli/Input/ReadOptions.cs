namespace CustomerLifecycle.Cli.Input;

/// <summary>How to read a transaction file: the column mapping for delimited files, the date pattern and what to do with bad rows.</summary>
internal sealed class ReadOptions
{
    public string? CustomerColumn { get; init; }

    public string? DateColumn { get; init; }

    public string? AmountColumn { get; init; }

    public string? DateFormat { get; init; }

    public bool SkipInvalid { get; init; }

    /// <summary>Gets a value indicating whether a negative amount is read as a refund (loyalty) rather than refused (a row is a purchase).</summary>
    public bool Refunds { get; init; }
}
