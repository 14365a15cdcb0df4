namespace CustomerLifecycle.Cli.Input;

/// <summary>How to read a transaction file: the column mapping for delimited files, the date pattern and what to do with bad rows.</summary>
internal sealed class ReadOptions
{
    public string? CustomerColumn { get; init; }

    public string? DateColumn { get; init; }

    public string? AmountColumn { get; init; }

    public string? DateFormat { get; init; }

    public bool SkipInvalid { get; init; }

    /// <summary>Whether a negative amount (a refund) is a row the command reads; otherwise it is a row error.</summary>
    public bool RefundsRead { get; init; }
}
