using System.Globalization;

namespace CustomerLifecycle.Feedback;

/// <summary>One resolved SLA target, precomputed from the policy: no target, calendar time, business time or business days.</summary>
internal readonly struct SlaRule
{
    public const long NanosPerMinute = 60_000_000_000L;

    private SlaRule(SlaRuleKind kind, long nanos, int days, string text)
    {
        Kind = kind;
        Nanos = nanos;
        Days = days;
        Text = text;
    }

    public SlaRuleKind Kind { get; }

    /// <summary>The target in nanoseconds of calendar or business time (not used for business days).</summary>
    public long Nanos { get; }

    public int Days { get; }

    public string Text { get; }

    public static SlaRule None { get; } = new(SlaRuleKind.None, 0, 0, "none");

    public static SlaRule From(SlaTargetOptions? target)
    {
        if (target is null || target.None)
        {
            return None;
        }

        var amount = target.Amount;
        var text = $"{amount.ToString("0.####", CultureInfo.InvariantCulture)} {target.Unit switch
        {
            SlaUnit.Minutes => "minutes",
            SlaUnit.Hours => "hours",
            SlaUnit.Days => "days",
            SlaUnit.BusinessMinutes => "business minutes",
            SlaUnit.BusinessHours => "business hours",
            _ => "business days",
        }}";
        return target.Unit switch
        {
            SlaUnit.Minutes => new SlaRule(SlaRuleKind.Calendar, ToNanos(amount), 0, text),
            SlaUnit.Hours => new SlaRule(SlaRuleKind.Calendar, ToNanos(amount * 60), 0, text),
            SlaUnit.Days => new SlaRule(SlaRuleKind.Calendar, ToNanos(amount * 1440), 0, text),
            SlaUnit.BusinessMinutes => new SlaRule(SlaRuleKind.Business, ToNanos(amount), 0, text),
            SlaUnit.BusinessHours => new SlaRule(SlaRuleKind.Business, ToNanos(amount * 60), 0, text),
            _ => new SlaRule(SlaRuleKind.BusinessDays, 0, (int)amount, text),
        };
    }

    private static long ToNanos(double minutes) => (long)Math.Round(minutes * NanosPerMinute);
}

/// <summary>How an <see cref="SlaRule"/> measures time.</summary>
internal enum SlaRuleKind
{
    None,
    Calendar,
    Business,
    BusinessDays,
}
