using System.Globalization;
using CustomerLifecycle.Feedback;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the feedback engine: items, records walked through the workflow, and policies.</summary>
/// <remarks>Item texts mix English, Chinese and Japanese keywords of the default policy with filler words.</remarks>
public static class FeedbackGenerators
{
    private static readonly string[] Words =
    [
        "please add", "feature", "bug", "crash", "down", "blocked", "refund", "unacceptable", "thank you", "great", "confusing",
        "typo", "workaround", "export", "invoice", "the", "page", "无法", "崩溃", "希望", "功能", "投诉", "退款", "感谢", "エラー", "できない",
    ];

    private static readonly string[] Customers = ["a", "b", "c", "d", "e"];

    private static readonly string[] Categories = ["product-request", "service-issue", "experience-improvement", "complaint", "praise"];

    /// <summary>Gets the earliest submission instant of generated items: 2026-01-01T00:00:00Z (submissions spread over 500 days).</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Gets a generator of item texts of up to eight words and phrases.</summary>
    public static Gen<string> Text { get; } = Gen.ArrayOf(Gen.Elements(Words)).Select(w => string.Join(" ", w.Take(8)));

    /// <summary>Gets a generator of items with id <c>F</c> from customer <c>a</c>: any category or none, any urgency or none, reach, value and supporters.</summary>
    public static Gen<FeedbackItem> Item { get; } = ItemWithId("F");

    /// <summary>Gets a generator of valid feedback policies: the defaults with another priority matrix (any matrix in which a wider
    /// impact or a higher urgency never lowers the priority), another warning fraction, and a calendar covering 2025–2028 (the
    /// generated items' years with head room, and quick to build).</summary>
    public static Gen<FeedbackOptions> Policy { get; } =
        (from cells in Gen.ArrayOf(Gen.Choose(0, 2), 16)
         from warning in Gen.Choose(1, 100)
         select Vary(cells, warning / 100.0))
        .Where(IsValid);

    /// <summary>Gets a generator of the four SLA clocks.</summary>
    public static Gen<SlaTargetKind> ClockKind { get; } = Gen.Elements(Enum.GetValues<SlaTargetKind>());

    /// <summary>Gets a generator of closed pauses as minutes: how long after a clock's start the pause begins (0–6000) and how long it lasts (0–4000).</summary>
    public static Gen<(int After, int Length)> PauseMinutes { get; } = Gen.Choose(0, 6000).Zip(Gen.Choose(0, 4000));

    /// <summary>Gets a generator of complete 4 × 4 grids of priority indices (0 = High … 2 = Low of the default policy), monotone
    /// or not: rows are the impact levels narrowest first, columns the urgency levels least urgent first.</summary>
    /// <remarks>For testing a validator, which must accept a grid exactly when it is monotone; <see cref="Policy"/> draws only valid matrices.</remarks>
    public static Gen<int[][]> PriorityCells { get; } =
        Gen.ArrayOf(Gen.Choose(0, 2), 16).Select(cells => Enumerable.Range(0, 4).Select(r => cells.Skip(r * 4).Take(4).ToArray()).ToArray());

    /// <summary>A generator of items with the given id (see <see cref="Item"/>).</summary>
    /// <param name="id">The item's id.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public static Gen<FeedbackItem> ItemWithId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return from text in Text
               from minutes in Gen.Choose(0, 500 * 24 * 60)
               from category in Gen.OneOf(Gen.Constant((string?)null), Gen.Elements(Categories).Select(c => (string?)c))
               from urgency in Gen.OneOf(Gen.Constant((string?)null), Gen.Elements("Low", "Medium", "High", "Critical").Select(u => (string?)u))
               from affected in Gen.Choose(1, 300)
               from total in Gen.Elements(0, 300, 1000, 5000)
               from value in Gen.Choose(0, 10000)
               from supporters in Gen.ListOf(Gen.Elements(Customers).Zip(Gen.Choose(0, 5000)).Select(t => new FeedbackSupporter(CustomerId.From(t.Item1), t.Item2)))
               from core in Gen.Elements(false, false, false, true)
               select new FeedbackItem(id, CustomerId.From("a"), "email", Start + Duration.FromMinutes(minutes), text)
               {
                   Category = category,
                   Urgency = urgency,
                   AffectedCustomers = affected <= total || total == 0 ? affected : total,
                   TotalCustomers = total,
                   CustomerValue = value,
                   Supporters = [.. supporters.Take(12)],
                   AffectsCoreCustomerOperation = core,
               };
    }

    /// <summary>A generator of records of <paramref name="engine"/>: a generated item, triaged, then up to 30 workflow events allowed where they fall, minutes to days apart.</summary>
    /// <param name="engine">The engine whose workflow applies the events.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static Gen<FeedbackRecord> Record(FeedbackEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return from item in Item
               from steps in Gen.ListOf(Gen.Choose(0, 1000).Zip(Gen.Choose(0, 3 * 24 * 60)))
               select Walk(engine, item, steps.Take(30));
    }

    private static FeedbackRecord Walk(FeedbackEngine engine, FeedbackItem item, IEnumerable<(int Choice, int Minutes)> steps)
    {
        var record = engine.Triage(engine.Open(item), item.Submitted);
        var at = item.Submitted;
        foreach (var (choice, minutes) in steps)
        {
            var allowed = FeedbackWorkflow.AllowedIn(record.State);
            if (allowed.Count == 0)
            {
                break;
            }

            at += Duration.FromMinutes(minutes);
            var kind = allowed[choice % allowed.Count];
            var value = kind == FeedbackEventKind.Assign ? "team-" + (choice % 3).ToString(CultureInfo.InvariantCulture) : null;
            var transition = engine.TryApply(record, new FeedbackEvent(kind, at, value));
            record = transition.Succeeded ? transition.Record : record;
        }

        return record;
    }

    private static FeedbackOptions Vary(int[] cells, double warning)
    {
        var options = new FeedbackOptions { WarningFraction = warning, Calendar = new Calendars.BusinessCalendarOptions { FirstYear = 2025, LastYear = 2028 } };
        var impacts = options.ImpactLevels;
        var urgencies = options.UrgencyLevels;
        var priority = new int[impacts.Count, urgencies.Count];
        options.Matrix = [];
        for (var i = 0; i < impacts.Count; i++)
        {
            for (var u = 0; u < urgencies.Count; u++)
            {
                // Levels are listed narrowest and least urgent first, priorities highest first: taking the minimum with the
                // narrower and the less urgent neighbour keeps the matrix monotone, as the validator requires.
                var p = cells[((i * urgencies.Count) + u) % cells.Length] % options.Priorities.Count;
                p = Math.Min(p, i > 0 ? priority[i - 1, u] : p);
                p = Math.Min(p, u > 0 ? priority[i, u - 1] : p);
                priority[i, u] = p;
                options.Matrix.Add(new PriorityMatrixEntryOptions { Impact = impacts[i].Name, Urgency = urgencies[u].Name, Priority = options.Priorities[p] });
            }
        }

        return options;
    }

    private static bool IsValid(FeedbackOptions options) => new FeedbackOptionsValidator().Validate(null, options).Succeeded;
}
