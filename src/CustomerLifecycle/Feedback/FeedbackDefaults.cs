namespace CustomerLifecycle.Feedback;

/// <summary>The defaults of <see cref="FeedbackOptions"/>, in one place.</summary>
internal static class FeedbackDefaults
{
    public const string ProductRequest = "product-request";
    public const string ServiceIssue = "service-issue";
    public const string ExperienceImprovement = "experience-improvement";
    public const string Complaint = "complaint";
    public const string Praise = "praise";

    public const string DefaultCategory = ServiceIssue;
    public const string DefaultUrgency = "Medium";
    public const string ComplaintCategory = Complaint;
    public const double ComplaintResolutionTarget = 0.95;
    public const double WarningFraction = 0.75;
    public const double PerCustomer = 1.0;
    public const double ValueWeight = 1.0;

    public static List<FeedbackCategoryOptions> Categories() =>
    [
        new()
        {
            Name = ProductRequest,
            Team = "product",
            CountEachCustomerOnce = true,
            Keywords = ["feature", "please add", "would like", "wish", "could you add", "support for", "integration", "roadmap", "request", "希望", "建议", "增加", "新增", "功能", "要望", "追加", "機能"],
        },
        new()
        {
            Name = ServiceIssue,
            Team = "support",
            Keywords = ["bug", "error", "crash", "broken", "not working", "doesn't work", "does not work", "fail", "cannot", "can't", "can’t", "unable", "outage", "错误", "报错", "故障", "无法", "崩溃", "失败", "不能", "エラー", "障害", "できない", "使えない"],
        },
        new()
        {
            Name = ExperienceImprovement,
            Team = "design",
            Keywords = ["confusing", "hard to find", "difficult", "unclear", "clunky", "slow", "ux", "usability", "layout", "不方便", "难用", "体验", "复杂", "找不到", "使いにくい", "わかりにくい", "遅い"],
        },
        new()
        {
            Name = Complaint,
            Team = "support",
            Keywords = ["complaint", "complain", "unacceptable", "disappointed", "angry", "refund", "terrible", "worst", "投诉", "不满", "退款", "差劲", "太差", "失望", "苦情", "返金", "最悪"],
        },
        new()
        {
            Name = Praise,
            Team = "customer-success",
            Keywords = ["thank", "great", "love", "excellent", "awesome", "amazing", "well done", "感谢", "谢谢", "很好", "满意", "赞", "ありがとう", "素晴らしい", "最高"],
        },
    ];

    public static List<ImpactLevelOptions> ImpactLevels() =>
    [
        new() { Name = "Minor", MinCustomers = 1 },
        new() { Name = "Moderate", MinCustomers = 2 },
        new() { Name = "Significant", MinShare = 0.02 },
        new() { Name = "Extensive", MinShare = 0.10 },
    ];

    public static List<UrgencyLevelOptions> UrgencyLevels() =>
    [
        new() { Name = "Low", Keywords = ["typo", "cosmetic", "suggestion", "would be nice", "nice to have", "minor", "错别字", "小问题", "ちょっとした"] },
        new() { Name = "Medium", Keywords = ["workaround", "sometimes", "occasionally", "intermittent", "有时", "偶尔", "時々"] },
        new() { Name = "High", Keywords = ["degraded", "very slow", "crash", "error", "fails", "failing", "broken", "严重", "很慢", "报错", "エラー", "重大"] },
        new() { Name = "Critical", Keywords = ["blocked", "blocking", "cannot", "can't", "can’t", "unable", "outage", "down", "data loss", "urgent", "无法", "不能", "宕机", "紧急", "使えない", "できない", "緊急"] },
    ];

    public static List<string> Priorities() => ["High", "Medium", "Low"];

    public static List<PriorityMatrixEntryOptions> Matrix()
    {
        // Rows: impact from the widest; columns: urgency Critical, High, Medium, Low.
        string[][] table =
        [
            ["Extensive", "High", "High", "Medium", "Low"],
            ["Significant", "High", "High", "Medium", "Low"],
            ["Moderate", "High", "Medium", "Low", "Low"],
            ["Minor", "Medium", "Medium", "Low", "Low"],
        ];
        string[] urgencies = ["Critical", "High", "Medium", "Low"];
        var entries = new List<PriorityMatrixEntryOptions>();
        foreach (var row in table)
        {
            for (var u = 0; u < urgencies.Length; u++)
            {
                entries.Add(new PriorityMatrixEntryOptions { Impact = row[0], Urgency = urgencies[u], Priority = row[u + 1] });
            }
        }

        return entries;
    }

    public static List<SlaPolicyOptions> SlaPolicies() =>
    [
        new() { Acknowledge = Target(1, SlaUnit.BusinessDays) },
        new()
        {
            Priority = "High",
            // "Work starts at once": acknowledged within 15 minutes, first response within the next business hour.
            Acknowledge = Target(15, SlaUnit.Minutes),
            FirstResponse = Target(1, SlaUnit.BusinessHours),
            Resolution = Target(2, SlaUnit.BusinessDays),
        },
        new() { Priority = "Medium", FirstResponse = Target(1, SlaUnit.BusinessDays), Resolution = Target(7, SlaUnit.Days) },
        new() { Priority = "Low", Resolution = new SlaTargetOptions { None = true } },
        new()
        {
            Category = Complaint,
            Acknowledge = Target(30, SlaUnit.Minutes),
            Resolution = Target(24, SlaUnit.Hours),
            FollowUp = Target(24, SlaUnit.Hours),
        },
    ];

    private static SlaTargetOptions Target(double amount, SlaUnit unit) => new() { Amount = amount, Unit = unit };
}
