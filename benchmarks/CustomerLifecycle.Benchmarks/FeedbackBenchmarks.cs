using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Calendars;
using CustomerLifecycle.Feedback;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Priority plus every SLA deadline for 1,000,000 items on a business calendar with holidays (target ≤ 1 s), classification of
/// 100,000 short texts (target ≤ 200 ms), against a naive minute-stepping deadline calculator. Every method reports the time per
/// item (OperationsPerInvoke), so the columns compare directly: 1 µs per item is 1 s per million.
/// </summary>
[MemoryDiagnoser]
public class FeedbackBenchmarks
{
    private const int Items = 1_000_000;
    private const int Texts = 100_000;
    private const int NaiveItems = 2_000;

    private static readonly string[] Holidays =
    [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-10-03", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26",
    ];

    private static readonly string[] Phrases =
    [
        "The export crashes every time", "Please add single sign-on", "导出时系统崩溃，无法使用", "希望增加批量导入功能",
        "ログインできない", "I want a refund, this is unacceptable", "Thank you, great support", "The settings page is confusing",
        "Invoice totals look wrong", "使いにくい画面です", "Can you add dark mode?", "checkout is down for everyone",
    ];

    private FeedbackEngine _engine = null!;
    private FeedbackItem[] _items = null!;
    private FeedbackTriage[] _results = null!;
    private string[] _texts = null!;
    private NaiveDeadlineCalculator _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new FeedbackOptions
        {
            Calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin", FirstYear = 2025, LastYear = 2027, Holidays = [.. Holidays] },
        };
        _engine = new FeedbackEngine(options);
        _naive = new NaiveDeadlineCalculator(options.Calendar);
        string[] categories = ["product-request", "service-issue", "experience-improvement", "complaint", "praise"];
        string[] urgencies = ["Low", "Medium", "High", "Critical"];
        var start = Instant.FromUtc(2025, 1, 1, 0, 0);
        _items = new FeedbackItem[Items];
        for (var i = 0; i < Items; i++)
        {
            // Deterministic spread: every minute of 2025 and 2026, every category, urgency and reach.
            var supporters = Enumerable.Range(0, i % 4).Select(k => new FeedbackSupporter(CustomerId.From($"c{(i + k) % 97}"), k * 100)).ToArray();
            _items[i] = new FeedbackItem($"F-{i}", CustomerId.From($"c{i % 97}"), "email", start + Duration.FromMinutes((i * 7919L) % (730 * 1440)), Phrases[i % Phrases.Length])
            {
                Category = categories[i % categories.Length],
                Urgency = urgencies[(i / 5) % urgencies.Length],
                AffectedCustomers = 1 + (i % 200),
                TotalCustomers = 1000,
                CustomerValue = i % 5000,
                Supporters = supporters,
            };
        }

        _results = new FeedbackTriage[Items];
        _texts = Enumerable.Range(0, Texts).Select(i => $"{Phrases[i % Phrases.Length]} #{i}").ToArray();
    }

    /// <summary>The baseline: each business-time deadline found by stepping minute by minute through the calendar.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveItems)]
    public Instant NaiveMinuteSteppingDeadlines()
    {
        var last = default(Instant);
        for (var i = 0; i < NaiveItems; i++)
        {
            var submitted = _items[i].Submitted;
            // The same work as the engine's High defaults: 1 business hour, 2 business days (16 working hours), 75% warning.
            last = _naive.AddBusinessMinutes(submitted, 60);
            last = _naive.AddBusinessMinutes(submitted, 16 * 60);
            last = _naive.AddBusinessMinutes(submitted, 12 * 60);
        }

        return last;
    }

    /// <summary>Priority (impact × urgency), ranking score and the acknowledge, first-response and resolution deadlines with warning.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public FeedbackTriage PriorityAndAllDeadlines_1M()
    {
        _engine.Evaluate(_items, Instant.FromUtc(2027, 1, 1, 0, 0), _results);
        return _results[^1];
    }

    /// <summary>Keyword classification of short texts in English, Chinese and Japanese.</summary>
    [Benchmark(OperationsPerInvoke = Texts)]
    public string ClassifyShortTexts_100k()
    {
        var classifier = _engine.Classifier;
        var last = string.Empty;
        foreach (var text in _texts)
        {
            last = classifier.ClassifyCategory(text);
        }

        return last;
    }

    /// <summary>The naive way: test every minute for working time with a zone conversion and a holiday lookup.</summary>
    private sealed class NaiveDeadlineCalculator(BusinessCalendarOptions options)
    {
        private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        private readonly HashSet<LocalDate> _holidays = options.Holidays.Select(h => NodaTime.Text.LocalDatePattern.Iso.Parse(h).Value).ToHashSet();

        public Instant AddBusinessMinutes(Instant start, int minutes)
        {
            var t = start;
            while (minutes > 0)
            {
                var local = t.InZone(_zone).LocalDateTime;
                var working = local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                    && !_holidays.Contains(local.Date) && local.Hour >= 9 && local.Hour < 17;
                t += Duration.FromMinutes(1);
                if (working)
                {
                    minutes--;
                }
            }

            return t;
        }
    }
}
