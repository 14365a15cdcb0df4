namespace CustomerLifecycle;

/// <summary>Why a decision was made, or why a rule did not fire: a stable code, a sentence for people and the values behind it.</summary>
/// <remarks>
/// Codes are stable and dotted (<c>"lifecycle.no-activity"</c>, <c>"health.usage-drop"</c>): hosts may switch on them.
/// Messages are for people and may be reworded between versions. <see cref="Data"/> holds the raw values the rule looked at,
/// keyed by name. Two reasons are equal when code, message and data (compared entry by entry) are equal.
/// </remarks>
public sealed class Reason : IEquatable<Reason>
{
    /// <summary>Creates a reason.</summary>
    /// <param name="code">The stable code, e.g. <c>"lifecycle.no-activity"</c>.</param>
    /// <param name="message">The sentence for people.</param>
    /// <param name="data">The values behind the decision, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is null, empty or whitespace.</exception>
    public Reason(string code, string message, IReadOnlyDictionary<string, object?>? data = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
        Message = message;
        Data = data is null ? ReasonData.Empty : ReasonData.From(data);
    }

    /// <summary>Gets the stable code, e.g. <c>"lifecycle.no-activity"</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the sentence for people.</summary>
    public string Message { get; }

    /// <summary>Gets the values behind the decision, sorted by key; empty when there are none.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; }

    /// <inheritdoc/>
    public bool Equals(Reason? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Code != other.Code || Message != other.Message || Data.Count != other.Data.Count)
        {
            return false;
        }

        foreach (var (key, value) in Data)
        {
            if (!other.Data.TryGetValue(key, out var otherValue) || !Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Reason);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Message, Data.Count);

    /// <summary>Returns <c>"code: message"</c>.</summary>
    /// <returns>The code and the message.</returns>
    public override string ToString() => $"{Code}: {Message}";
}
