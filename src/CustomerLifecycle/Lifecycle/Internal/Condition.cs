using NodaTime;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>A validated, immutable copy of a <see cref="ConditionOptions"/>.</summary>
internal sealed class Condition
{
    private Condition(ConditionOptions options)
    {
        Kind = options.Kind;
        Days = options.Days ?? 0;
        Window = Duration.FromDays(Days);
        Months = options.Months ?? 0;
        Count = options.Count ?? 0;
        Ratio = options.Ratio ?? 0;
        Score = options.Score ?? 0;
        Band = options.Band;
        MatchWhenUnknown = options.MatchWhenUnknown;
        AnyOf = options.AnyOf is null ? [] : [.. options.AnyOf.Select(From)];
    }

    public ConditionKind Kind { get; }

    public int Days { get; }

    /// <summary>Gets <see cref="Days"/> as a duration, worked out once.</summary>
    public Duration Window { get; }

    public int Months { get; }

    public int Count { get; }

    public double Ratio { get; }

    public int Score { get; }

    public string? Band { get; }

    public bool MatchWhenUnknown { get; }

    public Condition[] AnyOf { get; }

    /// <summary>Gets a value indicating whether time alone can make the condition true, from an instant <c>Conditions.LowerBound</c> works out.</summary>
    public bool HasLowerBound => IsTrueFromItsBound || (Kind == ConditionKind.Any && AnyOf.Any(c => c.HasLowerBound));

    /// <summary>Gets a value indicating whether the condition holds from its lower bound on, until the next event (tenure, inactivity, time since reactivation).</summary>
    public bool IsTrueFromItsBound => Kind is ConditionKind.MonthsSinceFirstPurchaseAtLeast or ConditionKind.NoActivityForDays or ConditionKind.MonthsSinceReactivationAtLeast;

    /// <summary>Gets a value indicating whether the condition compares monthly activity, which changes at month starts.</summary>
    public bool ComparesMonths => Kind is ConditionKind.ActivityRatioBelow or ConditionKind.ActivityRecovered || AnyOf.Any(c => c.ComparesMonths);

    public static Condition From(ConditionOptions options) => new(options);
}
