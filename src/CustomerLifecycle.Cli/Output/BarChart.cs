using System.Globalization;

namespace CustomerLifecycle.Cli.Output;

/// <summary>Horizontal bar charts from Unicode block characters, eighths of a cell wide.</summary>
internal static class BarChart
{
    private const int Width = 40;
    private static readonly char[] Eighths = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

    public static void Write(TextWriter output, string title, IReadOnlyList<(string Label, int Count)> items)
    {
        output.WriteLine(title);
        var total = items.Sum(i => (long)i.Count);
        var max = items.Count == 0 ? 0 : items.Max(i => i.Count);
        var labelWidth = items.Count == 0 ? 0 : items.Max(i => i.Label.Length);
        foreach (var (label, count) in items)
        {
            var share = total == 0 ? 0 : 100.0 * count / total;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {label.PadRight(labelWidth)}  {Bar(count, max)}  {count,9:N0}  {share,5:F1}%"));
        }

        output.WriteLine();
    }

    /// <summary>A bar of <paramref name="value"/> / <paramref name="max"/> of the width, padded to the width.</summary>
    public static string Bar(double value, double max)
    {
        var eighths = max <= 0 ? 0 : (int)Math.Round(value / max * Width * 8);
        var full = eighths / 8;
        var bar = new string('█', full) + (eighths % 8 == 0 ? string.Empty : Eighths[eighths % 8].ToString());
        return bar.PadRight(Width);
    }
}
