using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;

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
internal static class ProfileRecordJson
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

    public static string Serialize(ProfileRecord record)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, record);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a stored profile of format 2, or of format 1; one of a later schema is read as far as this release's
    /// shape allows (unknown properties skipped), its <see cref="ProfileRecord.SchemaVersion"/> telling the caller.</summary>
    /// <exception cref="JsonException">The JSON is not a profile.</exception>
    public static ProfileRecord Deserialize(ReadOnlySpan<byte> utf8)
        => (StoredJson.IsObjectWithout(utf8, FormatName)
               ? JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.ProfileRecord)
               : ReadFormat2(utf8))
           ?? throw new JsonException("A stored profile is null.");

    private static void Write(Utf8JsonWriter writer, ProfileRecord record)
    {
        var ids = record.RecentFactIds.AsSpan();
        writer.WriteStartObject();
        writer.WriteNumber("format"u8, CurrentFormat);
        writer.WriteNumber("schemaVersion"u8, record.SchemaVersion);
        writer.WriteString("customer"u8, record.Customer.ToString());
        WriteStrings(writer, "recentFactIds"u8, ids);
        WriteIdRefs(writer, record.Lifecycle.RecentEventIds.AsSpan(), ids);
        writer.WritePropertyName("lifecycle"u8);
        ProfileLifecycleJson.Write(writer, record.Lifecycle);
        if (!record.Attributes.Equals(CustomerAttributes.None))
        {
            writer.WritePropertyName("attributes"u8);
            JsonSerializer.Serialize(writer, record.Attributes, StoreJsonContext.Default.CustomerAttributes);
        }

        WriteInstant(writer, "firstFactAt"u8, record.FirstFactAt);
        WriteInstant(writer, "lastFactAt"u8, record.LastFactAt);
        WriteNumber(writer, "factCount"u8, record.FactCount);
        WriteNumber(writer, "purchaseCount"u8, record.PurchaseCount);
        WriteNumber(writer, "paidPurchaseCount"u8, record.PaidPurchaseCount);
        WriteInstant(writer, "lastPaidPurchaseAt"u8, record.LastPaidPurchaseAt);
        WriteNumber(writer, "netSpend"u8, record.NetSpend);
        WriteNumber(writer, "purchaseDays"u8, record.PurchaseDays);
        WriteNumber(writer, "repeatSpend"u8, record.RepeatSpend);
        WriteOrders(writer, record.RecentOrders.AsSpan(), ids);
        WriteDayCounts(writer, "dailyPurchases"u8, record.DailyPurchases.AsSpan());
        WriteInstant(writer, "lastLoginAt"u8, record.LastLoginAt);
        WriteDayCounts(writer, "dailyLogins"u8, record.DailyLogins.AsSpan());
        WriteMonthlyUsage(writer, record.MonthlyUsage.AsSpan());
        WriteStrings(writer, "featuresUsed"u8, record.FeaturesUsed.AsSpan());
        WriteOpenItems(writer, "openTickets"u8, record.OpenTickets.AsSpan());
        WriteOpenItems(writer, "openComplaints"u8, record.OpenComplaints.AsSpan());
        WriteDayCounts(writer, "ticketOpenings"u8, record.TicketOpenings.AsSpan());
        if (record.LatestCsat is { } csat)
        {
            writer.WriteNumber("latestCsat"u8, csat);
        }

        WriteInstant(writer, "latestCsatAt"u8, record.LatestCsatAt);
        WriteInstant(writer, "latestNpsAt"u8, record.LatestNpsAt);
        WriteNumber(writer, "invoiceCount"u8, record.InvoiceCount);
        WriteOpenItems(writer, "openInvoices"u8, record.OpenInvoices.AsSpan());
        WriteNumber(writer, "referralCount"u8, record.ReferralCount);
        WriteInstant(writer, "cancelledAt"u8, record.CancelledAt);
        WriteLeadInteractions(writer, record.LeadInteractions.AsSpan());
        if (record.LeadQualification != default)
        {
            writer.WriteString("leadQualification"u8, record.LeadQualification.ToString());
        }

        WriteTier(writer, record.Tier);
        writer.WriteEndObject();
    }

    /// <summary>The tier hysteresis state: <c>{"tier", "below", "at", "beforeTier", "beforeBelow"}</c>, the state it advanced
    /// from left out when there is none; nothing before the first evaluation.</summary>
    private static void WriteTier(Utf8JsonWriter writer, ProfileTierState? state)
    {
        if (state is not { } tier)
        {
            return;
        }

        writer.WriteStartObject("tier"u8);
        writer.WriteNumber("tier"u8, tier.Current.Tier);
        WriteNumber(writer, "below"u8, tier.Current.EvaluationsBelow);
        WriteInstant(writer, "at"u8, tier.AdvancedAt);
        if (tier.Before is { } before)
        {
            writer.WriteNumber("beforeTier"u8, before.Tier);
            writer.WriteNumber("beforeBelow"u8, before.EvaluationsBelow);
        }

        writer.WriteEndObject();
    }

    private static ProfileTierState ReadTier(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "a tier state object");
        int tier = 0, below = 0, beforeTier = -1, beforeBelow = 0;
        Instant? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("tier"u8):
                    tier = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("below"u8):
                    below = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("at"u8):
                    at = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("beforeTier"u8):
                    beforeTier = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("beforeBelow"u8):
                    beforeBelow = reader.GetInt32();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var advancedAt = at ?? throw new JsonException($"A stored profile's tier state (format {CurrentFormat}) lacks the instant it advanced at.");
        return new ProfileTierState(new TierState(tier, below), beforeTier < 0 ? null : new TierState(beforeTier, beforeBelow), advancedAt);
    }

    private static ProfileRecord? ReadFormat2(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "an object");
        var schemaVersion = ProfileRecord.CurrentSchemaVersion;
        CustomerId? customer = null;
        var lifecycleAt = -1L;
        var attributes = CustomerAttributes.None;
        Instant? firstFactAt = null, lastFactAt = null, lastPaidPurchaseAt = null, lastLoginAt = null, latestCsatAt = null, latestNpsAt = null, cancelledAt = null;
        long factCount = 0;
        int purchaseCount = 0, paidPurchaseCount = 0, purchaseDays = 0, invoiceCount = 0, referralCount = 0;
        int? latestCsat = null;
        double netSpend = 0, repeatSpend = 0;
        ImmutableArray<string> recentFactIds = [], featuresUsed = [];
        IdRef[] eventIds = [];
        (IdRef Id, ProfileOrder Order)[] orders = [];
        ImmutableArray<ProfileDayCount> dailyPurchases = [], dailyLogins = [], ticketOpenings = [];
        ImmutableArray<ProfileMonthUsage> monthlyUsage = [];
        ImmutableArray<ProfileOpenItem> openTickets = [], openComplaints = [], openInvoices = [];
        ImmutableArray<LeadInteraction> leadInteractions = [];
        var leadQualification = default(LeadQualification);
        ProfileTierState? tierState = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("format"u8) && reader.GetInt32() != CurrentFormat:
                    // A later release's format may mean other things by the same names: refused, not read half.
                    throw new JsonException($"A stored profile is in format {reader.GetInt32()}, written by a later release; this one reads formats 1 and {CurrentFormat}. Upgrade CustomerLifecycle.Sqlite.");
                case var n when n.SequenceEqual("schemaVersion"u8):
                    schemaVersion = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("customer"u8):
                    customer = CustomerId.From(reader.GetString()!);
                    break;
                case var n when n.SequenceEqual("recentFactIds"u8):
                    recentFactIds = ReadStrings(ref reader);
                    break;
                case var n when n.SequenceEqual("lifecycle"u8):
                    // Read last, once the customer and the ids it refers to are known, wherever they are in the object.
                    lifecycleAt = reader.TokenStartIndex;
                    reader.Skip();
                    break;
                case var n when n.SequenceEqual("lifecycleEventIds"u8):
                    eventIds = ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadIdRef(ref r));
                    break;
                case var n when n.SequenceEqual("attributes"u8):
                    attributes = JsonSerializer.Deserialize(ref reader, StoreJsonContext.Default.CustomerAttributes) ?? CustomerAttributes.None;
                    break;
                case var n when n.SequenceEqual("firstFactAt"u8):
                    firstFactAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("lastFactAt"u8):
                    lastFactAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("factCount"u8):
                    factCount = reader.GetInt64();
                    break;
                case var n when n.SequenceEqual("purchaseCount"u8):
                    purchaseCount = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("paidPurchaseCount"u8):
                    paidPurchaseCount = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("lastPaidPurchaseAt"u8):
                    lastPaidPurchaseAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("netSpend"u8):
                    netSpend = reader.GetDouble();
                    break;
                case var n when n.SequenceEqual("purchaseDays"u8):
                    purchaseDays = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("repeatSpend"u8):
                    repeatSpend = reader.GetDouble();
                    break;
                case var n when n.SequenceEqual("recentOrders"u8):
                    orders = ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadOrder(ref r));
                    break;
                case var n when n.SequenceEqual("dailyPurchases"u8):
                    dailyPurchases = ReadDayCounts(ref reader);
                    break;
                case var n when n.SequenceEqual("lastLoginAt"u8):
                    lastLoginAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("dailyLogins"u8):
                    dailyLogins = ReadDayCounts(ref reader);
                    break;
                case var n when n.SequenceEqual("monthlyUsage"u8):
                    monthlyUsage = [.. ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadPair(ref r, static (long month, long quantity) => new ProfileMonthUsage((int)month, quantity)))];
                    break;
                case var n when n.SequenceEqual("featuresUsed"u8):
                    featuresUsed = ReadStrings(ref reader);
                    break;
                case var n when n.SequenceEqual("openTickets"u8):
                    openTickets = ReadOpenItems(ref reader);
                    break;
                case var n when n.SequenceEqual("openComplaints"u8):
                    openComplaints = ReadOpenItems(ref reader);
                    break;
                case var n when n.SequenceEqual("ticketOpenings"u8):
                    ticketOpenings = ReadDayCounts(ref reader);
                    break;
                case var n when n.SequenceEqual("latestCsat"u8):
                    latestCsat = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("latestCsatAt"u8):
                    latestCsatAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("latestNpsAt"u8):
                    latestNpsAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("invoiceCount"u8):
                    invoiceCount = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("openInvoices"u8):
                    openInvoices = ReadOpenItems(ref reader);
                    break;
                case var n when n.SequenceEqual("referralCount"u8):
                    referralCount = reader.GetInt32();
                    break;
                case var n when n.SequenceEqual("cancelledAt"u8):
                    cancelledAt = TimeJson<SecondUnit>.ReadInstant(ref reader);
                    break;
                case var n when n.SequenceEqual("leadInteractions"u8):
                    leadInteractions = [.. ReadArray(ref reader, static (ref Utf8JsonReader r) => ReadLeadInteraction(ref r))];
                    break;
                case var n when n.SequenceEqual("leadQualification"u8):
                    leadQualification = Enum.Parse<LeadQualification>(reader.GetString()!);
                    break;
                case var n when n.SequenceEqual("tier"u8):
                    tierState = ReadTier(ref reader);
                    break;
                default:
                    // A property of a later schema: the store refuses the profile by its schema version.
                    reader.Skip();
                    break;
            }
        }

        if (customer is not { } id || lifecycleAt < 0 || firstFactAt is not { } first || lastFactAt is not { } last)
        {
            throw new JsonException($"A stored profile (format {CurrentFormat}) lacks its customer, lifecycle record, or first or last fact instant.");
        }

        var ids = recentFactIds.AsSpan();
        var events = new string[eventIds.Length];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = eventIds[i].Resolve(ids);
        }

        var lifecycleReader = new Utf8JsonReader(utf8[(int)lifecycleAt..]);
        lifecycleReader.Read();
        var lifecycle = ProfileLifecycleJson.Read(ref lifecycleReader, id, ImmutableCollectionsMarshalAs(events));
        var recentOrders = new ProfileOrder[orders.Length];
        for (var i = 0; i < recentOrders.Length; i++)
        {
            recentOrders[i] = orders[i].Order with { OrderId = orders[i].Id.Resolve(ids) };
        }

        return new ProfileRecord
        {
            SchemaVersion = schemaVersion,
            Customer = id,
            Lifecycle = lifecycle,
            Attributes = attributes,
            FirstFactAt = first,
            LastFactAt = last,
            FactCount = factCount,
            PurchaseCount = purchaseCount,
            PaidPurchaseCount = paidPurchaseCount,
            LastPaidPurchaseAt = lastPaidPurchaseAt,
            NetSpend = netSpend,
            PurchaseDays = purchaseDays,
            RepeatSpend = repeatSpend,
            RecentOrders = ImmutableCollectionsMarshalAs(recentOrders),
            DailyPurchases = dailyPurchases,
            LastLoginAt = lastLoginAt,
            DailyLogins = dailyLogins,
            MonthlyUsage = monthlyUsage,
            FeaturesUsed = featuresUsed,
            OpenTickets = openTickets,
            OpenComplaints = openComplaints,
            TicketOpenings = ticketOpenings,
            LatestCsat = latestCsat,
            LatestCsatAt = latestCsatAt,
            LatestNpsAt = latestNpsAt,
            InvoiceCount = invoiceCount,
            OpenInvoices = openInvoices,
            ReferralCount = referralCount,
            CancelledAt = cancelledAt,
            LeadInteractions = leadInteractions,
            LeadQualification = leadQualification,
            RecentFactIds = recentFactIds,
            Tier = tierState,
        };
    }

    private static ImmutableArray<T> ImmutableCollectionsMarshalAs<T>(T[] items)
        => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new JsonException($"A stored profile (format {CurrentFormat}) is not {what}.");
        }
    }

    // Writing. Every list is left out when empty, every number when 0, every instant when null.
    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        // Negative zero is not 0 bitwise: written, so that it reads back the same.
        if (BitConverter.DoubleToInt64Bits(value) != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Instant? value)
    {
        if (value is { } instant)
        {
            writer.WritePropertyName(name);
            TimeJson<SecondUnit>.Write(writer, instant);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<string> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteIdRefs(Utf8JsonWriter writer, ReadOnlySpan<string> values, ReadOnlySpan<string> ids)
    {
        if (values.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray("lifecycleEventIds"u8);
        var from = 0;
        foreach (var value in values)
        {
            WriteIdRef(writer, value, ids, ref from);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an id as its index among <paramref name="ids"/>, or as itself when it is not there. The lists it is
    /// looked up for are in the same order as the ids (oldest first), so the search starts after the last one found.</summary>
    private static void WriteIdRef(Utf8JsonWriter writer, string value, ReadOnlySpan<string> ids, ref int from)
    {
        var index = from < ids.Length ? ids[from..].IndexOf(value) : -1;
        index = index >= 0 ? from + index : ids[..Math.Min(from, ids.Length)].IndexOf(value);
        if (index >= 0)
        {
            writer.WriteNumberValue(index);
            from = index + 1;
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static void WriteOrders(Utf8JsonWriter writer, ReadOnlySpan<ProfileOrder> orders, ReadOnlySpan<string> ids)
    {
        if (orders.IsEmpty)
        {
            return;
        }

        // [id or its index, at, amount] and the refunded amount when there is one.
        writer.WriteStartArray("recentOrders"u8);
        var from = 0;
        foreach (var order in orders)
        {
            writer.WriteStartArray();
            WriteIdRef(writer, order.OrderId, ids, ref from);
            TimeJson<SecondUnit>.Write(writer, order.At);
            writer.WriteNumberValue(order.Amount);
            if (BitConverter.DoubleToInt64Bits(order.Refunded) != 0)
            {
                writer.WriteNumberValue(order.Refunded);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteDayCounts(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<ProfileDayCount> days)
    {
        if (days.IsEmpty)
        {
            return;
        }

        // Flat: day, count, day, count, …
        writer.WriteStartArray(name);
        foreach (var day in days)
        {
            writer.WriteNumberValue(day.Day);
            writer.WriteNumberValue(day.Count);
        }

        writer.WriteEndArray();
    }

    private static void WriteMonthlyUsage(Utf8JsonWriter writer, ReadOnlySpan<ProfileMonthUsage> months)
    {
        if (months.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray("monthlyUsage"u8);
        foreach (var month in months)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(month.Month);
            writer.WriteNumberValue(month.Quantity);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteOpenItems(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<ProfileOpenItem> items)
    {
        if (items.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(item.Id);
            TimeJson<SecondUnit>.Write(writer, item.At);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteLeadInteractions(Utf8JsonWriter writer, ReadOnlySpan<LeadInteraction> interactions)
    {
        if (interactions.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray("leadInteractions"u8);
        foreach (var interaction in interactions)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(interaction.Kind);
            TimeJson<SecondUnit>.Write(writer, interaction.At);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    // Reading.
    private delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    private static T[] ReadArray<T>(ref Utf8JsonReader reader, ItemReader<T> read)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "a list where one is expected");
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(read(ref reader));
        }

        return [.. items];
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
        => ImmutableCollectionsMarshalAs(ReadArray(ref reader, static (ref Utf8JsonReader r) => r.GetString()!));

    private static IdRef ReadIdRef(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number ? new IdRef(null, reader.GetInt32()) : new IdRef(reader.GetString()!, -1);

    private static (IdRef Id, ProfileOrder Order) ReadOrder(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "an order as [id, at, amount, refunded]");
        var id = ReadIdRef(ref reader);
        Expect(reader.Read(), "an order as [id, at, amount, refunded]");
        var at = TimeJson<SecondUnit>.ReadInstant(ref reader);
        Expect(reader.Read(), "an order as [id, at, amount, refunded]");
        var amount = reader.GetDouble();
        var refunded = 0.0;
        Expect(reader.Read(), "an order as [id, at, amount, refunded]");
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            refunded = reader.GetDouble();
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, "an order as [id, at, amount, refunded]");
        }

        return (id, new ProfileOrder(string.Empty, at, amount, refunded));
    }

    private static ImmutableArray<ProfileDayCount> ReadDayCounts(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "day counts as [day, count, …]");
        var days = new List<ProfileDayCount>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var day = reader.GetInt32();
            Expect(reader.Read() && reader.TokenType == JsonTokenType.Number, "day counts as [day, count, …]");
            days.Add(new ProfileDayCount(day, reader.GetInt32()));
        }

        return [.. days];
    }

    private static T ReadPair<T>(ref Utf8JsonReader reader, Func<long, long, T> create)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "a pair of numbers");
        var first = reader.GetInt64();
        Expect(reader.Read(), "a pair of numbers");
        var second = reader.GetInt64();
        Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, "a pair of numbers");
        return create(first, second);
    }

    private static ImmutableArray<ProfileOpenItem> ReadOpenItems(ref Utf8JsonReader reader)
        => [.. ReadArray(ref reader, static (ref Utf8JsonReader r) =>
        {
            var (id, at) = ReadNamedInstant(ref r);
            return new ProfileOpenItem(id, at);
        })];

    private static LeadInteraction ReadLeadInteraction(ref Utf8JsonReader reader)
    {
        var (kind, at) = ReadNamedInstant(ref reader);
        return new LeadInteraction(kind, at);
    }

    private static (string Name, Instant At) ReadNamedInstant(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "an item as [id, at]");
        var name = reader.GetString()!;
        Expect(reader.Read(), "an item as [id, at]");
        var at = TimeJson<SecondUnit>.ReadInstant(ref reader);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, "an item as [id, at]");
        return (name, at);
    }

    /// <summary>An id as written: itself, or its index among the profile's recent fact ids.</summary>
    private readonly record struct IdRef(string? Id, int Index)
    {
        public string Resolve(ReadOnlySpan<string> ids)
        {
            if (Id is not null)
            {
                return Id;
            }

            Expect((uint)Index < (uint)ids.Length, "an id index within its recent fact ids");
            return ids[Index];
        }
    }
}
