namespace CustomerLifecycle.Cli;

/// <summary>The process exit codes, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Database = 3;
    public const int InvalidPolicy = 4;
    public const int Cancelled = 130;
}
