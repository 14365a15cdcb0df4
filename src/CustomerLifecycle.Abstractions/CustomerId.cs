namespace CustomerLifecycle;

/// <summary>Identifies a customer in the host's system.</summary>
/// <remarks>
/// <para>The value is the host's own key, compared ordinally. <c>default(CustomerId)</c> has no value and is
/// rejected by every API that takes a customer id; create ids with <see cref="From(string)"/>.</para>
/// </remarks>
public readonly record struct CustomerId
{
    private readonly string? _value;

    private CustomerId(string value) => _value = value;

    /// <summary>Gets the host's key for the customer, or <see langword="null"/> for <c>default(CustomerId)</c>.</summary>
    public string? Value => _value;

    /// <summary>Gets a value indicating whether this id is <c>default(CustomerId)</c> (it has no value).</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates a customer id from the host's key.</summary>
    /// <param name="value">The key: not null, empty or whitespace.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or whitespace.</exception>
    public static CustomerId From(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new CustomerId(value);
    }

    /// <summary>Throws when <paramref name="id"/> is <c>default(CustomerId)</c>.</summary>
    /// <param name="id">The id to check.</param>
    /// <param name="paramName">The name of the argument, filled in by the compiler.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(CustomerId)</c>.</exception>
    public static void ThrowIfDefault(CustomerId id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("The customer id is default(CustomerId); create one with CustomerId.From(value).", paramName);
        }
    }

    /// <inheritdoc/>
    public bool Equals(CustomerId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the host's key, or <c>"(default)"</c> for <c>default(CustomerId)</c>.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => _value ?? "(default)";
}
