using System.Collections.Immutable;
using System.Text.Json;
using CustomerLifecycle.Loyalty;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>A loyalty ledger's JSON as the store keeps it: the record's fields and the version of their shape.</summary>
/// <remarks>The version lives in the JSON, not in <see cref="LoyaltyRecord"/> (domain state only), so that a later release can
/// migrate what this one wrote, and this one refuses what a later one wrote. The record's checkpoint is an optional field of
/// the same shape, not a new one: a record written before checkpoints existed loads without one (and is replayed by the
/// first sweep), and a release that does not know the field skips it.</remarks>
internal static class LoyaltyRecordJson
{
    /// <summary>The shape this release writes: the member, its entries and, when the engine wrote one, the checkpoint.</summary>
    public const int CurrentSchemaVersion = 1;

    public static string Serialize(LoyaltyRecord record)
        => JsonSerializer.Serialize(new Document { SchemaVersion = CurrentSchemaVersion, Member = record.Member, Entries = record.Entries, Checkpoint = record.Checkpoint }, StoreJsonContext.Default.LoyaltyRecordDocument);

    /// <summary>The record, and the version of the shape it was written in: whether this release may use it is the store's call.</summary>
    public static (int SchemaVersion, LoyaltyRecord Record) Deserialize(ReadOnlySpan<byte> json)
    {
        var document = JsonSerializer.Deserialize(json, StoreJsonContext.Default.LoyaltyRecordDocument) ?? throw new JsonException("A stored loyalty record is null.");
        return (document.SchemaVersion, new LoyaltyRecord { Member = document.Member, Entries = document.Entries, Checkpoint = document.Checkpoint });
    }

    /// <summary>What is stored: a <see cref="LoyaltyRecord"/> with the version of its shape.</summary>
    internal sealed class Document
    {
        public required int SchemaVersion { get; init; }

        public required CustomerId Member { get; init; }

        public required ImmutableArray<LoyaltyEntry> Entries { get; init; }

        public LoyaltyCheckpoint? Checkpoint { get; init; }
    }
}
