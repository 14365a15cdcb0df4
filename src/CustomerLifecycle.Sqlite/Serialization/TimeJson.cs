using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// Instants and durations as unix ticks (a JSON number) when a tick holds them exactly, which is nearly always; otherwise
/// (sub-tick nanoseconds, such as <see cref="Instant.MaxValue"/>) as an exact ISO string. Either way a record reads back equal.
/// </summary>
internal static class TimeJson
{
    public static void Write(Utf8JsonWriter writer, Instant value)
    {
        var ticks = value.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) == value)
        {
            writer.WriteNumberValue(ticks);
        }
        else
        {
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
        }
    }

    public static Instant ReadInstant(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String
            ? InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow()
            : Instant.FromUnixTimeTicks(reader.GetInt64());

    public static void Write(Utf8JsonWriter writer, Duration value)
    {
        var ticks = value.BclCompatibleTicks;
        if (Duration.FromTicks(ticks) == value)
        {
            writer.WriteNumberValue(ticks);
        }
        else
        {
            writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
        }
    }

    public static Duration ReadDuration(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String
            ? DurationPattern.Roundtrip.Parse(reader.GetString()!).GetValueOrThrow()
            : Duration.FromTicks(reader.GetInt64());
}
