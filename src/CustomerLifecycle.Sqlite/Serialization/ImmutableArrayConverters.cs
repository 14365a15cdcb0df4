using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// Reads and writes the record's immutable arrays element by element into a builder: the generic immutable-collection path
/// of System.Text.Json took most of the time of reading a record back (measured: about 5 µs of 7 to write, 19 of 23 to read).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal abstract class ImmutableArrayConverter<T> : JsonConverter<ImmutableArray<T>>
{
    public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of {typeof(T).Name} but found {reader.TokenType}.");
        }

        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(ReadItem(ref reader));
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (!value.IsDefault)
        {
            foreach (var item in value)
            {
                WriteItem(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    protected abstract T ReadItem(ref Utf8JsonReader reader);

    protected abstract void WriteItem(Utf8JsonWriter writer, T item);
}

/// <summary>Monthly activity counts.</summary>
internal sealed class ImmutableInt32ArrayConverter : ImmutableArrayConverter<int>
{
    protected override int ReadItem(ref Utf8JsonReader reader) => reader.GetInt32();

    protected override void WriteItem(Utf8JsonWriter writer, int item) => writer.WriteNumberValue(item);
}

/// <summary>Recent purchase instants, as unix time in <typeparamref name="TUnit"/>.</summary>
/// <typeparam name="TUnit">The unit.</typeparam>
internal sealed class ImmutableInstantArrayConverter<TUnit> : ImmutableArrayConverter<Instant>
    where TUnit : ITimeUnit
{
    protected override Instant ReadItem(ref Utf8JsonReader reader) => TimeJson<TUnit>.ReadInstant(ref reader);

    protected override void WriteItem(Utf8JsonWriter writer, Instant item) => TimeJson<TUnit>.Write(writer, item);
}

/// <summary>Event ids (a record's <c>RecentEventIds</c>).</summary>
internal sealed class ImmutableStringArrayConverter : ImmutableArrayConverter<string>
{
    protected override string ReadItem(ref Utf8JsonReader reader) => reader.GetString() ?? throw new JsonException("An event id is null.");

    protected override void WriteItem(Utf8JsonWriter writer, string item) => writer.WriteStringValue(item);
}

/// <summary>Stage times, each as <see cref="StageTimeConverter{TUnit}"/> writes it.</summary>
/// <typeparam name="TUnit">The unit of their instants and durations.</typeparam>
internal sealed class ImmutableStageTimeArrayConverter<TUnit> : ImmutableArrayConverter<StageTime>
    where TUnit : ITimeUnit
{
    protected override StageTime ReadItem(ref Utf8JsonReader reader) => StageTimeConverter<TUnit>.ReadStageTime(ref reader);

    protected override void WriteItem(Utf8JsonWriter writer, StageTime item) => StageTimeConverter<TUnit>.WriteStageTime(writer, item);
}
