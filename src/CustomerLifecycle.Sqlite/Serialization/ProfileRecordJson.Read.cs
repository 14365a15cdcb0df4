using System.Collections.Immutable;
using System.Text.Json;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;
using static CustomerLifecycle.Sqlite.Serialization.ProfileFormat2Json;

namespace CustomerLifecycle.Sqlite.Serialization;

// Reading a profile of format 2 (the format is described on the other part of the class).
internal static partial class ProfileRecordJson
{
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

    // Reading.
    private static T[] ReadArray<T>(ref Utf8JsonReader reader, ItemReader<T> read)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "a list where one is expected");
        return ReadItems(ref reader, read);
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
        => ImmutableCollectionsMarshalAs(ReadArray(ref reader, static (ref Utf8JsonReader r) => r.GetString()!));

    private static IdRef ReadIdRef(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number ? new IdRef(null, reader.GetInt32()) : new IdRef(RepeatedStrings.Read(ref reader)!, -1);

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
