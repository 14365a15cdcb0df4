using System.Collections.Immutable;
using System.Text.Json;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using static CustomerLifecycle.Sqlite.Serialization.ProfileFormat2Json;

namespace CustomerLifecycle.Sqlite.Serialization;

// Writing a profile in format 2 (the format is described on the other part of the class).
internal static partial class ProfileRecordJson
{
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
}
