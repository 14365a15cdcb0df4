using System.Text.Json.Serialization;

namespace CustomerLifecycle.Lifecycle;

/// <summary>One test in a rule's <c>When</c> list; <see cref="Kind"/> says which of the other properties it uses.</summary>
public sealed class ConditionOptions
{
    /// <summary>Gets or sets the test.</summary>
    public ConditionKind Kind { get; set; }

    /// <summary>Gets or sets the days (ActivityWithinDays, NoActivityForDays).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Days { get; set; }

    /// <summary>Gets or sets the months (tenure, purchase window, referral window, activity comparison span, since reactivation).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Months { get; set; }

    /// <summary>Gets or sets the count (PurchasesInMonthsAtLeast).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; set; }

    /// <summary>Gets or sets the ratio, e.g. 0.5 for 50% (ActivityRatioBelow, ActivityRecovered).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Ratio { get; set; }

    /// <summary>Gets or sets the NPS score, 0–10 (LatestNpsAtLeast).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Score { get; set; }

    /// <summary>Gets or sets the health band's name (HealthBandIs).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Band { get; set; }

    /// <summary>Gets or sets a value indicating whether HealthBandIs also holds when no band was ever reported.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MatchWhenUnknown { get; set; }

    /// <summary>Gets or sets the alternatives of an <see cref="ConditionKind.Any"/> condition.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ConditionOptions>? AnyOf { get; set; }
}
