using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CustomerLifecycle;

/// <summary>
/// The values behind a <see cref="Reason"/>: a read-only copy sorted by key (ordinal), so it enumerates the same way on
/// every run. A reason carries a handful of values, for which two sorted arrays are far cheaper to build than a tree and as
/// quick to search. The arrays never leave it: <see cref="Keys"/> and <see cref="Values"/> are read-only views.
/// </summary>
internal sealed class ReasonData : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    private ReasonData(string[] keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Gets the empty instance.</summary>
    public static ReasonData Empty { get; } = new([], []);

    /// <inheritdoc/>
    public int Count => _keys.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Array.AsReadOnly(_keys);

    /// <inheritdoc/>
    public IEnumerable<object?> Values => Array.AsReadOnly(_values);

    /// <inheritdoc/>
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The reason has no value '{key}'.");

    /// <summary>Copies and sorts a dictionary's entries.</summary>
    /// <exception cref="ArgumentException">A key is null.</exception>
    public static ReasonData From(IReadOnlyDictionary<string, object?> data)
    {
        // One enumeration: a dictionary changed by another thread meanwhile cannot leave the copy half filled.
        var entries = data.ToArray();
        if (entries.Length == 0)
        {
            return Empty;
        }

        var keys = new string[entries.Length];
        var values = new object?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            keys[i] = entries[i].Key ?? throw new ArgumentException("The reason's data has a null key.", nameof(data));
            values[i] = entries[i].Value;
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        return new ReasonData(keys, values);
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.BinarySearch(_keys, key, StringComparer.Ordinal);
    }
}
