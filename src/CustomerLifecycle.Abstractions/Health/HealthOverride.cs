using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>A manual health score set by a person, with the reason, the author and when it expires.</summary>
/// <remarks>
/// An override is in force until <see cref="ExpiresAt"/> (exclusive). An unlocked override that states
/// <see cref="ComputedScoreWhenSet"/> (the computed score the person saw) also lapses as soon as the computed score falls
/// into a worse band than that one, so an override never hides a deterioration that happened after it was set; a
/// <see cref="Locked"/> override holds until it expires.
/// </remarks>
public sealed record HealthOverride
{
    /// <summary>Creates an override.</summary>
    /// <param name="score">The score to report instead of the computed one.</param>
    /// <param name="reason">Why the score is overridden.</param>
    /// <param name="author">Who overrode it.</param>
    /// <param name="expiresAt">When the override stops being in force (exclusive).</param>
    /// <param name="locked">Whether the override holds until it expires even when the computed score gets worse.</param>
    /// <param name="computedScoreWhenSet">The computed score when the override was set, or <see langword="null"/>; an unlocked override lapses when the computed band becomes worse than this score's band.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is null, empty or whitespace.</exception>
    public HealthOverride(HealthScore score, string reason, string author, Instant expiresAt, bool locked = false, HealthScore? computedScoreWhenSet = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        Score = score;
        Reason = reason;
        Author = author;
        ExpiresAt = expiresAt;
        Locked = locked;
        ComputedScoreWhenSet = computedScoreWhenSet;
    }

    /// <summary>Gets the score reported instead of the computed one.</summary>
    public HealthScore Score { get; }

    /// <summary>Gets why the score is overridden.</summary>
    public string Reason { get; }

    /// <summary>Gets who overrode the score.</summary>
    public string Author { get; }

    /// <summary>Gets when the override stops being in force (exclusive).</summary>
    public Instant ExpiresAt { get; }

    /// <summary>Gets a value indicating whether the override holds until it expires even when the computed score gets worse.</summary>
    public bool Locked { get; }

    /// <summary>Gets the computed score when the override was set, or <see langword="null"/> when not stated.</summary>
    public HealthScore? ComputedScoreWhenSet { get; }
}
