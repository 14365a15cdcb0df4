using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// Writes a <see cref="StageTime"/> as <c>[stage, firstEnteredAt, lastEnteredAt, lastExitedAt, closedTime, visits, isOpen]</c> (numbers of the unit, or exact ISO strings, see <see cref="TimeJson{TUnit}"/>):
/// a record holds one per stage visited, and property names would be most of its size. A six-element array (written
/// before <see cref="StageTime.IsOpen"/> existed) reads as open when the last exit is not after the last entry.
/// </summary>
/// <typeparam name="TUnit">The unit of its instants and duration.</typeparam>
internal sealed class StageTimeConverter<TUnit> : JsonConverter<StageTime>
    where TUnit : ITimeUnit
{
    public override StageTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadStageTime(ref reader);

    public override void Write(Utf8JsonWriter writer, StageTime value, JsonSerializerOptions options) => WriteStageTime(writer, value);

    public static StageTime ReadStageTime(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        var stage = RepeatedStrings.Read(ref Next(ref reader)) ?? throw new JsonException("A stage time has no stage.");
        var first = TimeJson<TUnit>.ReadInstant(ref Next(ref reader));
        var last = TimeJson<TUnit>.ReadInstant(ref Next(ref reader));
        Next(ref reader);
        Instant? exited = reader.TokenType == JsonTokenType.Null ? null : TimeJson<TUnit>.ReadInstant(ref reader);
        var closed = TimeJson<TUnit>.ReadDuration(ref Next(ref reader));
        var visits = Next(ref reader).GetInt32();
        Expect(reader.Read());
        var isOpen = exited is null || exited < last;
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            isOpen = reader.GetBoolean();
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray);
        }

        return new StageTime(stage, first, last, exited, closed, visits, isOpen);
    }

    public static void WriteStageTime(Utf8JsonWriter writer, StageTime value)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Stage);
        TimeJson<TUnit>.Write(writer, value.FirstEnteredAt);
        TimeJson<TUnit>.Write(writer, value.LastEnteredAt);
        if (value.LastExitedAt is { } exited)
        {
            TimeJson<TUnit>.Write(writer, exited);
        }
        else
        {
            writer.WriteNullValue();
        }

        TimeJson<TUnit>.Write(writer, value.ClosedTime);
        writer.WriteNumberValue(value.Visits);
        writer.WriteBooleanValue(value.IsOpen);
        writer.WriteEndArray();
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        Expect(reader.Read());
        return ref reader;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("A stage time is not an array of [stage, firstEnteredAt, lastEnteredAt, lastExitedAt, closedTime, visits, isOpen].");
        }
    }
}
