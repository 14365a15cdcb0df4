using System.Text.Json;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>What the two halves of a stored profile's format 2 (<see cref="ProfileRecordJson"/> and
/// <see cref="ProfileLifecycleJson"/>) write and read alike: optional instants in unix seconds, and lists of items.</summary>
internal static class ProfileFormat2Json
{
    /// <summary>Reads one item of a list, the reader on its first token.</summary>
    public delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    /// <summary>Writes the instant under <paramref name="name"/> in unix seconds; nothing when there is none.</summary>
    public static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Instant? value)
    {
        if (value is { } instant)
        {
            writer.WritePropertyName(name);
            TimeJson<SecondUnit>.Write(writer, instant);
        }
    }

    /// <summary>Reads the items of a list up to its end, the reader on its start (the caller checks that, with its own message).</summary>
    public static T[] ReadItems<T>(ref Utf8JsonReader reader, ItemReader<T> read)
    {
        // The items are gathered in the thread's buffer, taken while in use so that a list read within an item gets its own.
        var items = ItemBuffer<T>.Free ?? [];
        ItemBuffer<T>.Free = null;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(read(ref reader));
            }

            return items.Count == 0 ? [] : [.. items];
        }
        finally
        {
            items.Clear();
            ItemBuffer<T>.Free = items;
        }
    }

    /// <summary>A thread's buffer for the items of one list at a time: a profile holds about ten lists, each read once.</summary>
    private static class ItemBuffer<T>
    {
        [ThreadStatic]
        public static List<T>? Free;
    }
}
