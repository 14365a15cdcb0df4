using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>A manual health score set by a person, with the reason, the author and when it expires.</summary>
/// <remarks>
/// An override is in force from when it is passed in until <see cref="ExpiresAt"/> (exclusive). An unlocked override also
/// lapses as soon as the computed score falls into a worse band than the override's, so an override never hides a
/// deterioration; a <see cref="Locked"/> override holds until it expires.
/// </remarks>
public sealed record HealthOverride
{
    /// <summary>Creates an override.</summary>
    /// <param name="score">The score to report instead of the computed one.</param>
    /// <param name="reason">Why the score is overridden.</param>
    /// <param name="author">Who overrode it.</param>
    /// <param name="expiresAt">When the override stops being in force (exclusive).</param>
    /// <param name="locked">Whether the override holds until it expires even when the computed score gets worse.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is null, empty or whitespace.</exception>
    public HealthOverride(HealthScore score, string reason, string author, Instant expiresAt, bool locked = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        Score = score;
        Reason = reason;
        Author = author;
        ExpiresAt = expiresAt;
        Locked = locked;
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
}
