using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>
/// <c>generate --customers N --seed S</c>: a synthetic transaction file drawn from the BG/NBD and Gamma-Gamma processes with the
/// parameters fitted to CDNOW, so it has CDNOW's shape (most customers buy once or twice, a few often, and many drop out).
/// </summary>
internal static class GenerateCommand
{
    // CDNOW's BG/NBD (per week) and Gamma-Gamma estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
    private const double R = 0.243, Alpha = 4.414, A = 0.793, B = 2.426;
    private const double P = 6.25, Q = 3.74, GammaScale = 15.44;

    private static readonly string[] ValueOptions = ["customers", "seed", "output", "start", "weeks"];

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = Arguments.Parse(args, "generate", ValueOptions, []);
        if (arguments.Positional.Count > 0)
        {
            throw new CliException($"'generate' takes no arguments but got '{arguments.Positional[0]}'.");
        }

        var customers = Positive(arguments.Get("customers") ?? throw new CliException("'generate' needs --customers N."), "--customers");
        var seed = arguments.Get("seed") is { } seedText
            ? ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw new CliException($"--seed '{seedText}' is not a whole number >= 0.")
            : 1UL;
        var weeks = arguments.Get("weeks") is { } weeksText ? Positive(weeksText, "--weeks") : 78;
        var start = new LocalDate(2024, 1, 1);
        if (arguments.Get("start") is { } startText)
        {
            var parsed = LocalDatePattern.Iso.Parse(startText);
            start = parsed.Success ? parsed.Value : throw new CliException($"--start '{startText}' is not a date like 2024-01-01.");
        }

        if (arguments.Get("output") is { } path)
        {
            using var file = new StreamWriter(path);
            Write(file, customers, seed, start, weeks);
        }
        else
        {
            Write(output, customers, seed, start, weeks);
        }

        return ExitCodes.Ok;
    }

    private static void Write(TextWriter output, int customers, ulong seed, LocalDate start, int weeks)
    {
        var random = new SyntheticRandom(seed);
        var width = customers.ToString(CultureInfo.InvariantCulture).Length;
        var days = weeks * 7;
        output.WriteLine("customer_id,date,amount");
        for (var c = 1; c <= customers; c++)
        {
            var id = c.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            var perWeek = random.Gamma(R, Alpha);
            var dropout = random.Beta(A, B);
            var spendRate = random.Gamma(Q, GammaScale);
            // Customers join over the first 12 weeks, as CDNOW's first-quarter cohort did.
            var day = (double)random.NextInt(84);
            while (day < days)
            {
                var amount = Math.Max(0.01, Math.Round(random.Gamma(P, spendRate), 2));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id},{start.PlusDays((int)day):yyyy-MM-dd},{amount:F2}"));
                if (random.NextDouble() < dropout)
                {
                    break;
                }

                day += Math.Max(1, random.Exponential(perWeek / 7));
            }
        }
    }

    private static int Positive(string text, string option)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new CliException($"{option} '{text}' is not a positive whole number.");
}
