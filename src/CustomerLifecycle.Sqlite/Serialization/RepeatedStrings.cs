using System.Text.Json;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// The strings stored records repeat from row to row (stage and health band names, a health-band event's id), read once per
/// thread and then shared: a profile holds about seven of them, the same few texts across hundreds of thousands of rows,
/// each of which was a string to allocate and for the collector to keep moving while the records lived.
/// </summary>
internal static class RepeatedStrings
{
    /// <summary>How many texts a thread keeps, by a hash of their bytes (a power of two).</summary>
    private const int Slots = 64;

    /// <summary>The longest text kept, in bytes: names and event ids, never a record's free text.</summary>
    private const int LongestKept = 64;

    [ThreadStatic]
    private static (byte[] Utf8, string Text)[]? t_kept;

    /// <summary>The string value the reader is on, as <see cref="Utf8JsonReader.GetString"/> gives it (null for a JSON null),
    /// the thread's earlier string when it read the same text before.</summary>
    /// <exception cref="InvalidOperationException">The reader is on neither a string nor a null.</exception>
    public static string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence
            || reader.ValueSpan.IsEmpty || reader.ValueSpan.Length > LongestKept)
        {
            return reader.GetString();
        }

        var utf8 = reader.ValueSpan;
        var kept = t_kept ??= new (byte[], string)[Slots];
        ref var slot = ref kept[((utf8.Length * 31) + (utf8[0] * 7) + (utf8[utf8.Length / 2] * 13) + utf8[^1]) & (Slots - 1)];
        if (slot.Text is not null && utf8.SequenceEqual(slot.Utf8))
        {
            return slot.Text;
        }

        var text = reader.GetString()!;
        slot = (utf8.ToArray(), text);
        return text;
    }
}
