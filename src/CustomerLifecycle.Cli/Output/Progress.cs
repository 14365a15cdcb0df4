using System.Diagnostics;
using System.Globalization;

namespace CustomerLifecycle.Cli.Output;

/// <summary>Progress lines on standard error (so that standard output stays clean for piping), with the time each step took.</summary>
internal sealed class Progress(TextWriter error, bool quiet)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Step(string message)
    {
        if (!quiet)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_watch.Elapsed.TotalSeconds,6:F2}s] {message}"));
        }
    }
}
