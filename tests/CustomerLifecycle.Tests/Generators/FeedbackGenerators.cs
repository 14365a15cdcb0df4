using CustomerLifecycle.Feedback;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>Shared FsCheck generators for feedback items, SLA inputs and priority matrices.</summary>
internal static class FeedbackGenerators
{
    private static readonly string[] Words =
    [
        "please add", "feature", "bug", "crash", "down", "blocked", "refund", "unacceptable", "thank you", "great", "confusing",
        "typo", "workaround", "export", "invoice", "the", "page", "无法", "崩溃", "希望", "功能", "投诉", "退款", "感谢", "エラー", "できない",
    ];

    private static readonly string[] Customers = ["a", "b", "c", "d", "e"];

    public static readonly string[] Categories = ["product-request", "service-issue", "experience-improvement", "complaint", "praise"];

    public static readonly string[] Priorities = ["High", "Medium", "Low"];

    public static Gen<string> Text => Gen.ArrayOf(Gen.Elements(Words)).Select(w => string.Join(" ", w.Take(8)));

    public static Gen<FeedbackSupporter> Supporter
        => Gen.Elements(Customers).Zip(Gen.Choose(0, 5000)).Select(t => new FeedbackSupporter(CustomerId.From(t.Item1), t.Item2));

    public static Gen<FeedbackItem> Item =>
        from text in Text
        from minutes in Gen.Choose(0, 500 * 24 * 60)
        from category in Gen.OneOf(Gen.Constant((string?)null), Gen.Elements(Categories).Select(c => (string?)c))
        from urgency in Gen.OneOf(Gen.Constant((string?)null), Gen.Elements("Low", "Medium", "High", "Critical").Select(u => (string?)u))
        from affected in Gen.Choose(1, 300)
        from total in Gen.Elements(0, 300, 1000, 5000)
        from value in Gen.Choose(0, 10000)
        from supporters in Gen.ListOf(Supporter).Select(s => s.Take(12).ToList())
        from core in Gen.Elements(false, false, false, true)
        select new FeedbackItem("F", CustomerId.From("a"), "email", Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromMinutes(minutes), text)
        {
            Category = category,
            Urgency = urgency,
            AffectedCustomers = affected <= total || total == 0 ? affected : total,
            TotalCustomers = total,
            CustomerValue = value,
            Supporters = supporters,
            AffectsCoreCustomerOperation = core,
        };

    /// <summary>A closed pause: how long after the start it begins and how long it lasts, in minutes.</summary>
    public static Gen<(int After, int Length)> Pause => Gen.Choose(0, 6000).Zip(Gen.Choose(0, 4000));

    public static Gen<SlaTargetKind> Kind => Gen.Elements(SlaTargetKind.Acknowledge, SlaTargetKind.FirstResponse, SlaTargetKind.Resolution, SlaTargetKind.FollowUp);

    /// <summary>A complete 4 × 4 matrix of priority indices (0 = High … 2 = Low), rows = impact narrowest first, columns = urgency least first.</summary>
    public static Gen<int[][]> Matrix => Gen.ArrayOf(Gen.Choose(0, 2), 16).Select(cells => Enumerable.Range(0, 4).Select(r => cells.Skip(r * 4).Take(4).ToArray()).ToArray());
}
