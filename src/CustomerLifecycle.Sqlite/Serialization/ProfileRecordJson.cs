using System.Buffers;
using System.Text;
using System.Text.Json;
using CustomerLifecycle.Profile;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>
/// A profile's JSON as the store keeps it (format 2): every fact id once, instants in unix seconds, defaults left out, list
/// items as arrays.
/// </summary>
/// <remarks>
/// <para>A profile names each recent fact id up to three times: its own duplicate window (<c>recentFactIds</c>), its
/// lifecycle record's (<c>RecentEventIds</c>) and, for a purchase, its order. Format 2 writes <c>recentFactIds</c> once and
/// the lifecycle's event ids (<c>lifecycleEventIds</c>) and the orders' ids as their index there, or as the id itself when
/// it is not among them (a lifecycle window longer than the profile's, an order id that is not a fact id). The lifecycle
/// record is written by <see cref="ProfileLifecycleJson"/>, without the customer and the event ids. Instants and durations
/// are in unix seconds (<see cref="SecondUnit"/>: a number of seconds when the instant is a whole second, otherwise an
/// exact ISO string). Reading gives back the equal profile, the
/// three lists sharing their strings.</para>
/// <para>Format 1 (every property as System.Text.Json writes the record, no <c>format</c> property) is still read.</para>
/// <para><b>A property added to <see cref="ProfileRecord"/> must be added to <see cref="Write"/> and <see cref="ReadFormat2"/>
/// and to <see cref="Properties"/></b>; a test fails, naming it, until it is.</para>
/// </remarks>
internal static partial class ProfileRecordJson
{
    /// <summary>The format this release writes.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The record's properties this format writes and reads, by their C# name.</summary>
    internal static readonly string[] Properties =
    [
        nameof(ProfileRecord.SchemaVersion), nameof(ProfileRecord.Customer), nameof(ProfileRecord.Lifecycle), nameof(ProfileRecord.Attributes),
        nameof(ProfileRecord.FirstFactAt), nameof(ProfileRecord.LastFactAt), nameof(ProfileRecord.FactCount), nameof(ProfileRecord.PurchaseCount),
        nameof(ProfileRecord.PaidPurchaseCount), nameof(ProfileRecord.LastPaidPurchaseAt), nameof(ProfileRecord.NetSpend), nameof(ProfileRecord.PurchaseDays),
        nameof(ProfileRecord.RepeatSpend), nameof(ProfileRecord.RecentOrders), nameof(ProfileRecord.DailyPurchases), nameof(ProfileRecord.LastLoginAt),
        nameof(ProfileRecord.DailyLogins), nameof(ProfileRecord.MonthlyUsage), nameof(ProfileRecord.FeaturesUsed), nameof(ProfileRecord.OpenTickets),
        nameof(ProfileRecord.OpenComplaints), nameof(ProfileRecord.TicketOpenings), nameof(ProfileRecord.LatestCsat), nameof(ProfileRecord.LatestCsatAt),
        nameof(ProfileRecord.LatestNpsAt), nameof(ProfileRecord.InvoiceCount), nameof(ProfileRecord.OpenInvoices), nameof(ProfileRecord.ReferralCount),
        nameof(ProfileRecord.CancelledAt), nameof(ProfileRecord.LeadInteractions), nameof(ProfileRecord.LeadQualification), nameof(ProfileRecord.RecentFactIds),
        nameof(ProfileRecord.Tier),
    ];

    private const string FormatName = "format";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string Serialize(ProfileRecord record) => Encoding.UTF8.GetString(Written(record));

    /// <summary>The profile's JSON in UTF-8, as the store writes it.</summary>
    public static byte[] SerializeUtf8(ProfileRecord record) => Written(record).ToArray();

    /// <summary>Writes the profile in the thread's buffer, valid until the thread's next write.</summary>
    private static ReadOnlySpan<byte> Written(ProfileRecord record)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, record);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Reads a stored profile of format 2, or of format 1; one of a later schema is read as far as this release's
    /// shape allows (unknown properties skipped), its <see cref="ProfileRecord.SchemaVersion"/> telling the caller.</summary>
    /// <exception cref="JsonException">The JSON is not a profile.</exception>
    public static ProfileRecord Deserialize(ReadOnlySpan<byte> utf8)
        => (StoredJson.IsObjectWithout(utf8, FormatName)
               ? JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.ProfileRecord)
               : ReadFormat2(utf8))
           ?? throw new JsonException("A stored profile is null.");
}
