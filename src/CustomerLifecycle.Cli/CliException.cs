namespace CustomerLifecycle.Cli;

/// <summary>An error the user can fix, shown as one line without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
