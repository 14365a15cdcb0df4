using System.Collections.Immutable;
using System.Text.Json;
using CustomerLifecycle.Lifecycle;
using System.Runtime.InteropServices;
using NodaTime;
using static CustomerLifecycle.Sqlite.Serialization.ProfileFormat2Json;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// The lifecycle record inside a profile of format 2: its properties under the names the lifecycle store gives them, instants
/// in unix seconds, written and read by hand (the generic serializer took about as long for this part as for all the rest
/// of the profile). The customer and the event ids are the profile's (<see cref="ProfileRecordJson"/>), so they are left out.
/// </summary>
/// <remarks><b>A property added to <see cref="LifecycleRecord"/> must be added to <see cref="Write"/>, <see cref="Read"/> and
/// <see cref="Properties"/></b>; a test fails, naming it, until it is.</remarks>
internal static class ProfileLifecycleJson
{
    /// <summary>The record's properties this format writes and reads (or takes from the profile), by their C# name.</summary>
    internal static readonly string[] Properties =
    [
        nameof(LifecycleRecord.SchemaVersion), nameof(LifecycleRecord.Customer), nameof(LifecycleRecord.Stage), nameof(LifecycleRecord.PreviousStage),
        nameof(LifecycleRecord.StageEnteredAt), nameof(LifecycleRecord.FirstSeenAt), nameof(LifecycleRecord.LastEventAt), nameof(LifecycleRecord.FirstPurchaseAt),
        nameof(LifecycleRecord.LastPurchaseAt), nameof(LifecycleRecord.LastActivityAt), nameof(LifecycleRecord.LastContactAt), nameof(LifecycleRecord.LastReferralAt),
        nameof(LifecycleRecord.ReactivatedAt), nameof(LifecycleRecord.LatestNps), nameof(LifecycleRecord.HealthBand), nameof(LifecycleRecord.DeclineBaseline),
        nameof(LifecycleRecord.ActivityMonth), nameof(LifecycleRecord.MonthlyActivity), nameof(LifecycleRecord.RecentPurchases), nameof(LifecycleRecord.StageTimes),
        nameof(LifecycleRecord.RecentEventIds), nameof(LifecycleRecord.NextCheckAt), nameof(LifecycleRecord.PolicyFingerprint), nameof(LifecycleRecord.EventCount),
        nameof(LifecycleRecord.TransitionCount),
    ];

    public static void Write(Utf8JsonWriter writer, LifecycleRecord record)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion"u8, record.SchemaVersion);
        writer.WriteString("stage"u8, record.Stage);
        if (record.PreviousStage is { } previous)
        {
            writer.WriteString("previousStage"u8, previous);
        }

        WriteInstant(writer, "stageEnteredAt"u8, record.StageEnteredAt);
        WriteInstant(writer, "firstSeenAt"u8, record.FirstSeenAt);
        WriteInstant(writer, "lastEventAt"u8, record.LastEventAt);
        WriteInstant(writer, "firstPurchaseAt"u8, record.FirstPurchaseAt);
        WriteInstant(writer, "lastPurchaseAt"u8, record.LastPurchaseAt);
        WriteInstant(writer, "lastActivityAt"u8, record.LastActivityAt);
        WriteInstant(writer, "lastContactAt"u8, record.LastContactAt);
        WriteInstant(writer, "lastReferralAt"u8, record.LastReferralAt);
        WriteInstant(writer, "reactivatedAt"u8, record.ReactivatedAt);
        if (record.LatestNps is { } nps)
        {
            writer.WriteNumber("latestNps"u8, nps);
        }

        if (record.HealthBand is { } band)
        {
            writer.WriteString("healthBand"u8, band);
        }

        if (record.DeclineBaseline is { } baseline)
        {
            writer.WriteNumber("declineBaseline"u8, baseline);
        }

        writer.WriteNumber("activityMonth"u8, record.ActivityMonth);
        writer.WriteStartArray("monthlyActivity"u8);
        foreach (var count in record.MonthlyActivity)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("recentPurchases"u8);
        foreach (var at in record.RecentPurchases)
        {
            TimeJson<SecondUnit>.Write(writer, at);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("stageTimes"u8);
        foreach (var time in record.StageTimes)
        {
            StageTimeConverter<SecondUnit>.WriteStageTime(writer, time);
        }

        writer.WriteEndArray();
        WriteInstant(writer, "nextCheckAt"u8, record.NextCheckAt);
        writer.WriteNumber("policyFingerprint"u8, record.PolicyFingerprint);
        writer.WriteNumber("eventCount"u8, record.EventCount);
        writer.WriteNumber("transitionCount"u8, record.TransitionCount);
        writer.WriteEndObject();
    }

    /// <summary>Reads the record of <paramref name="customer"/> with <paramref name="eventIds"/>; unknown properties (of a
    /// later schema) are skipped, the schema version telling the store.</summary>
    /// <exception cref="JsonException">The JSON is not a lifecycle record.</exception>
    public static LifecycleRecord Read(ref Utf8JsonReader reader, CustomerId customer, ImmutableArray<string> eventIds)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var schemaVersion = LifecycleRecord.CurrentSchemaVersion;
        string? stage = null, previousStage = null, healthBand = null;
        Instant? stageEnteredAt = null, firstSeenAt = null, lastEventAt = null, firstPurchaseAt = null, lastPurchaseAt = null, lastActivityAt = null;
        Instant? lastContactAt = null, lastReferralAt = null, reactivatedAt = null;
        int? latestNps = null, declineBaseline = null;
        int activityMonth = 0, policyFingerprint = 0;
        long eventCount = 0, transitionCount = 0;
        var nextCheckAt = default(Instant);
        ImmutableArray<int> monthlyActivity = [];
        ImmutableArray<Instant> recentPurchases = [];
        ImmutableArray<StageTime> stageTimes = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("schemaVersion"u8):
                    schemaVersion = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("stage"u8):
                    stage = RepeatedStrings.Read(ref reader);
                    break;
                case var n when n.SequenceEqual("previousStage"u8):
                    previousStage = RepeatedStrings.Read(ref reader);
                    break;
                case var n when n.SequenceEqual("stageEnteredAt"u8):
                    stageEnteredAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("firstSeenAt"u8):
                    firstSeenAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastEventAt"u8):
                    lastEventAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("firstPurchaseAt"u8):
                    firstPurchaseAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastPurchaseAt"u8):
                    lastPurchaseAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastActivityAt"u8):
                    lastActivityAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastContactAt"u8):
                    lastContactAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastReferralAt"u8):
                    lastReferralAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("reactivatedAt"u8):
                    reactivatedAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("latestNps"u8):
                    latestNps = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("healthBand"u8):
                    healthBand = RepeatedStrings.Read(ref reader);
                    break;
                case var n when n.SequenceEqual("declineBaseline"u8):
                    declineBaseline = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("activityMonth"u8):
                    activityMonth = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("monthlyActivity"u8):
                    monthlyActivity = ReadList(ref reader, static (ref Utf8JsonReader r) => r.GetInt32());
                    break;
                case var n when n.SequenceEqual("recentPurchases"u8):
                    recentPurchases = ReadList(ref reader, static (ref Utf8JsonReader r) => TimeJson<SecondUnit>.ReadInstant(ref r));
                    break;
                case var n when n.SequenceEqual("stageTimes"u8):
                    stageTimes = ReadList(ref reader, static (ref Utf8JsonReader r) => StageTimeConverter<SecondUnit>.ReadStageTime(ref r));
                    break;
                case var n when n.SequenceEqual("nextCheckAt"u8):
                    nextCheckAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("policyFingerprint"u8):
                    policyFingerprint = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("eventCount"u8):
                    eventCount = reader.GetInt64();
                    break;
                case var n when n.SequenceEqual("transitionCount"u8):
                    transitionCount = reader.GetInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (stage is null || stageEnteredAt is not { } entered || firstSeenAt is not { } firstSeen || lastEventAt is not { } lastEvent)
        {
            throw new JsonException("The lifecycle record of a stored profile lacks its stage, or when it was entered, or its first or last event instant.");
        }

        return new LifecycleRecord
        {
            SchemaVersion = schemaVersion,
            Customer = customer,
            Stage = stage,
            PreviousStage = previousStage,
            StageEnteredAt = entered,
            FirstSeenAt = firstSeen,
            LastEventAt = lastEvent,
            FirstPurchaseAt = firstPurchaseAt,
            LastPurchaseAt = lastPurchaseAt,
            LastActivityAt = lastActivityAt,
            LastContactAt = lastContactAt,
            LastReferralAt = lastReferralAt,
            ReactivatedAt = reactivatedAt,
            LatestNps = latestNps,
            HealthBand = healthBand,
            DeclineBaseline = declineBaseline,
            ActivityMonth = activityMonth,
            MonthlyActivity = monthlyActivity,
            RecentPurchases = recentPurchases,
            StageTimes = stageTimes,
            RecentEventIds = eventIds,
            NextCheckAt = nextCheckAt,
            PolicyFingerprint = policyFingerprint,
            EventCount = eventCount,
            TransitionCount = transitionCount,
        };
    }

    private static ImmutableArray<T> ReadList<T>(ref Utf8JsonReader reader, ItemReader<T> read)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        return ImmutableCollectionsMarshal.AsImmutableArray(ReadItems(ref reader, read));
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("The lifecycle record of a stored profile is not an object of its properties.");
        }
    }
}
