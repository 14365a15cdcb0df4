using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>A stage change the engine made, with the rule that fired and why.</summary>
/// <param name="From">The stage left.</param>
/// <param name="To">The stage entered.</param>
/// <param name="At">When the change took effect: the event's instant, or the first instant a time-based rule held.</param>
/// <param name="RuleId">The id of the rule that fired.</param>
/// <param name="EventId">The id of the event that triggered it; null for a time-based rule.</param>
/// <param name="Reasons">Why the rule fired: one reason per condition, with the values it looked at.</param>
public sealed record StageTransition(string From, string To, Instant At, string RuleId, string? EventId, IReadOnlyList<Reason> Reasons)
{
    /// <inheritdoc/>
    public bool Equals(StageTransition? other) =>
        other is not null && From == other.From && To == other.To && At == other.At && RuleId == other.RuleId
        && EventId == other.EventId && Reasons.SequenceEqual(other.Reasons);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, To, At, RuleId, EventId);

    /// <summary>Returns <c>"From → To at instant (rule)"</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{From} → {To} at {At} ({RuleId})";
}
