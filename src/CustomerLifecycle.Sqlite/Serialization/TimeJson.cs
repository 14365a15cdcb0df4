using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// How a stored record writes instants and durations: as a JSON number of whole units when one holds them exactly, which
/// is nearly always, otherwise (such as <see cref="Instant.MaxValue"/>) as an exact ISO string. Either way a record reads
/// back equal.
/// </summary>
internal interface ITimeUnit
{
    /// <summary>Gets how many ticks (100 ns) one unit is.</summary>
    static abstract long Ticks { get; }
}

/// <summary>Unix ticks (100 ns): the lifecycle, feedback and loyalty records, and profiles of format 1.</summary>
internal sealed class TickUnit : ITimeUnit
{
    public static long Ticks => 1;
}

/// <summary>Unix seconds: profiles of format 2, whose instants are nearly always whole seconds (7 digits fewer each).</summary>
internal sealed class SecondUnit : ITimeUnit
{
    public static long Ticks => NodaConstants.TicksPerSecond;
}

/// <summary>Instants and durations in a <see cref="ITimeUnit"/>, or as exact ISO strings when the unit does not hold them.</summary>
internal static class TimeJson<TUnit>
    where TUnit : ITimeUnit
{
    /// <summary>The one instant that is not a whole number of units in nearly every record (a lifecycle record's next check
    /// when no time rule can fire), kept written: formatting and parsing it were a third of the time a profile took to read.</summary>
    private static readonly byte[] MaxInstant = Encoding.UTF8.GetBytes(InstantPattern.ExtendedIso.Format(Instant.MaxValue));

    public static void Write(Utf8JsonWriter writer, Instant value)
    {
        var ticks = value.ToUnixTimeTicks();
        if (ticks % TUnit.Ticks == 0 && Instant.FromUnixTimeTicks(ticks) == value)
        {
            writer.WriteNumberValue(ticks / TUnit.Ticks);
        }
        else if (value == Instant.MaxValue)
        {
            writer.WriteStringValue(MaxInstant);
        }
        else
        {
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
        }
    }

    public static Instant ReadInstant(ref Utf8JsonReader reader)
        => reader.TokenType != JsonTokenType.String
            ? Instant.FromUnixTimeTicks(checked(reader.GetInt64() * TUnit.Ticks))
            : reader.ValueTextEquals(MaxInstant)
                ? Instant.MaxValue
                : InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow();

    public static void Write(Utf8JsonWriter writer, Duration value)
    {
        var ticks = value.BclCompatibleTicks;
        if (ticks % TUnit.Ticks == 0 && Duration.FromTicks(ticks) == value)
        {
            writer.WriteNumberValue(ticks / TUnit.Ticks);
        }
        else
        {
            writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
        }
    }

    public static Duration ReadDuration(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String
            ? DurationPattern.Roundtrip.Parse(reader.GetString()!).GetValueOrThrow()
            : Duration.FromTicks(checked(reader.GetInt64() * TUnit.Ticks));
}
