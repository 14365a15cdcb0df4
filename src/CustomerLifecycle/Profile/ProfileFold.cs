using System.Collections.Immutable;
using System.Globalization;
using CustomerLifecycle.Internal;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>How one fact changes a profile draft: the checks that may refuse it, the lifecycle event it derives, and its
/// effect on the counters, each list kept within its policy bound.</summary>
internal sealed class ProfileFold
{
    private readonly HashSet<string> _features;
    private readonly DateTimeZone _valueZone;
    private readonly Duration _refundWindow;
    private readonly int _maxRecentOrders;
    private readonly int _purchaseDaysKept;
    private readonly int _loginWindowDays;
    private readonly int _usageMonthsKept;
    private readonly int _supportWindowDays;
    private readonly int _maxOpenItems;
    private readonly int _duplicateWindow;
    private readonly int _maxLeadInteractions;

    public ProfileFold(ProfileOptions options)
    {
        _features = new HashSet<string>(options.Features, StringComparer.Ordinal);
        _valueZone = DateTimeZoneProviders.Tzdb[options.Value.TimeZoneId];
        _refundWindow = Duration.FromDays(options.RefundWindowDays);
        _maxRecentOrders = options.MaxRecentOrders;
        _purchaseDaysKept = Math.Max(options.PurchaseWindowDays, 2 * options.PurchaseTrendDays);
        _loginWindowDays = options.LoginWindowDays;
        _usageMonthsKept = (2 * options.UsageTrendMonths) + 1;
        _supportWindowDays = options.SupportWindowDays;
        _maxOpenItems = options.MaxOpenItems;
        _duplicateWindow = options.DuplicateWindow;
        _maxLeadInteractions = options.LeadScoring is null ? 0 : options.MaxLeadInteractions;
    }

    /// <summary>The day of an instant in the value policy's zone: the CLV models count purchase days there.</summary>
    public long ValueDay(Instant at) => CivilDays.DayOf(at.ToUnixTimeTicks() + _valueZone.GetUtcOffset(at).Ticks);

    public static int UtcDay(Instant at) => (int)CivilDays.DayOf(at.ToUnixTimeTicks());

    public static int UtcMonth(Instant at)
    {
        var (year, month, _) = CivilDays.ToCivil(CivilDays.DayOf(at.ToUnixTimeTicks()));
        return (int)((year * 12) + month - 1);
    }

    /// <summary>The lifecycle event a fact derives, or null for facts the lifecycle does not follow.</summary>
    public static LifecycleEvent? LifecycleEventOf(CustomerFact fact) => fact.Kind switch
    {
        CustomerFactKind.Purchase => LifecycleEvent.Create(fact.Id, fact.Customer, LifecycleEventKind.Purchase, fact.OccurredAt),
        CustomerFactKind.Login or CustomerFactKind.FeatureUsage => LifecycleEvent.Create(fact.Id, fact.Customer, LifecycleEventKind.Activity, fact.OccurredAt),
        CustomerFactKind.Contact => LifecycleEvent.Create(fact.Id, fact.Customer, LifecycleEventKind.Contact, fact.OccurredAt),
        CustomerFactKind.NpsAnswer => LifecycleEvent.NpsAnswer(fact.Id, fact.Customer, fact.OccurredAt, fact.Score!.Value),
        CustomerFactKind.Referral => LifecycleEvent.Create(fact.Id, fact.Customer, LifecycleEventKind.Referral, fact.OccurredAt),
        CustomerFactKind.Cancellation => LifecycleEvent.Create(fact.Id, fact.Customer, LifecycleEventKind.Cancellation, fact.OccurredAt),
        _ => null,
    };

    /// <summary>Why the draft cannot take the fact, or null when it can; changes nothing.</summary>
    public Reason? Refusal(ProfileDraft draft, CustomerFact fact)
    {
        switch (fact.Kind)
        {
            case CustomerFactKind.Purchase when FindOrder(draft, fact.OrderId!) >= 0:
                return Refuse("profile.order-exists", $"OrderId: order '{fact.OrderId}' is already recorded.", fact);
            case CustomerFactKind.Refund:
                var index = FindOrder(draft, fact.OrderId!);
                if (index < 0 || draft.RecentOrders[index].At < fact.OccurredAt - _refundWindow)
                {
                    return Refuse("profile.unknown-order", $"OrderId: no order '{fact.OrderId}' within the refund window ({_refundWindow.Days} days) before {fact.OccurredAt}.", fact);
                }

                var order = draft.RecentOrders[index];
                var left = order.Amount - order.Refunded;
                return fact.Amount > left
                    ? Refuse("profile.refund-exceeds-order", $"Amount: a refund of {Guard.Format(fact.Amount!.Value)} exceeds the {Guard.Format(left)} left of order '{order.OrderId}'.", fact)
                    : null;
            case CustomerFactKind.TicketOpened:
                return OpenRefusal(draft.OpenTickets, "TicketId", "ticket", fact.TicketId!, fact);
            case CustomerFactKind.ComplaintOpened:
                return OpenRefusal(draft.OpenComplaints, "TicketId", "complaint", fact.TicketId!, fact);
            case CustomerFactKind.PaymentDue:
                return OpenRefusal(draft.OpenInvoices, "InvoiceId", "invoice", fact.InvoiceId!, fact);
            case CustomerFactKind.TicketResolved when Find(draft.OpenTickets, fact.TicketId!) < 0:
                return Refuse("profile.unknown-ticket", $"TicketId: no open ticket '{fact.TicketId}'.", fact);
            case CustomerFactKind.ComplaintResolved when Find(draft.OpenComplaints, fact.TicketId!) < 0:
                return Refuse("profile.unknown-ticket", $"TicketId: no open complaint '{fact.TicketId}'.", fact);
            case CustomerFactKind.PaymentMade when Find(draft.OpenInvoices, fact.InvoiceId!) < 0:
                return Refuse("profile.unknown-invoice", $"InvoiceId: no open invoice '{fact.InvoiceId}'.", fact);
            default:
                return null;
        }
    }

    /// <summary>Folds a fact <see cref="Refusal"/> accepted into the draft. The draft's lifecycle record is still the one
    /// before the fact (its first and last purchase place the purchase among the purchase days).</summary>
    public void Record(ProfileDraft draft, CustomerFact fact)
    {
        var at = fact.OccurredAt;
        switch (fact.Kind)
        {
            case CustomerFactKind.Purchase:
                RecordPurchase(draft, fact);
                break;
            case CustomerFactKind.Refund:
                var index = FindOrder(draft, fact.OrderId!);
                var order = draft.RecentOrders[index];
                draft.RecentOrders[index] = order with { Refunded = order.Refunded + fact.Amount!.Value };
                draft.NetSpend -= fact.Amount!.Value;
                if (ValueDay(at) != ValueDay(draft.Lifecycle.FirstPurchaseAt!.Value))
                {
                    draft.RepeatSpend -= fact.Amount!.Value;
                }

                break;
            case CustomerFactKind.Login:
                draft.LastLoginAt = at;
                AddDay(draft.DailyLogins, UtcDay(at));
                AddUsage(draft, at, 1);
                break;
            case CustomerFactKind.FeatureUsage:
                AddUsage(draft, at, fact.Quantity!.Value);
                AddFeature(draft, fact.Feature!);
                break;
            case CustomerFactKind.Contact when _maxLeadInteractions > 0 && draft.Lifecycle.FirstPurchaseAt is null:
                draft.LeadInteractions.Add(new LeadInteraction(fact.Channel!, at));
                Trim(draft.LeadInteractions, _maxLeadInteractions);
                break;
            case CustomerFactKind.NpsAnswer:
                draft.LatestNpsAt = at;
                break;
            case CustomerFactKind.CsatAnswer:
                draft.LatestCsat = fact.Score;
                draft.LatestCsatAt = at;
                break;
            case CustomerFactKind.TicketOpened:
                draft.OpenTickets.Add(new ProfileOpenItem(fact.TicketId!, at));
                AddDay(draft.TicketOpenings, UtcDay(at));
                break;
            case CustomerFactKind.TicketResolved:
                draft.OpenTickets.RemoveAt(Find(draft.OpenTickets, fact.TicketId!));
                break;
            case CustomerFactKind.ComplaintOpened:
                draft.OpenComplaints.Add(new ProfileOpenItem(fact.TicketId!, at));
                break;
            case CustomerFactKind.ComplaintResolved:
                draft.OpenComplaints.RemoveAt(Find(draft.OpenComplaints, fact.TicketId!));
                break;
            case CustomerFactKind.PaymentDue:
                draft.InvoiceCount++;
                draft.OpenInvoices.Add(new ProfileOpenItem(fact.InvoiceId!, fact.DueAt!.Value));
                break;
            case CustomerFactKind.PaymentMade:
                draft.OpenInvoices.RemoveAt(Find(draft.OpenInvoices, fact.InvoiceId!));
                break;
            case CustomerFactKind.Referral:
                draft.ReferralCount++;
                break;
            case CustomerFactKind.Cancellation:
                draft.CancelledAt = at;
                break;
            case CustomerFactKind.AttributesSet:
                draft.Attributes = fact.Attributes!;
                break;
        }

        draft.LastFactAt = at > draft.LastFactAt ? at : draft.LastFactAt;
        draft.FactCount++;
        draft.RecentFactIds.Add(fact.Id);
        Trim(draft.RecentFactIds, _duplicateWindow);
        Prune(draft, at);
    }

    private static Reason Refuse(string code, string message, CustomerFact fact)
        => new(code, message, new Dictionary<string, object?> { ["fact"] = fact.Id, ["kind"] = fact.Kind.ToString() });

    // Loops, not FindIndex and RemoveAll with a lambda capturing the value: a fold ran them for every fact, and each capture
    // was an allocation.
    private static int FindOrder(ProfileDraft draft, string orderId)
    {
        var orders = draft.RecentOrders;
        for (var i = 0; i < orders.Count; i++)
        {
            if (orders[i].OrderId == orderId)
            {
                return i;
            }
        }

        return -1;
    }

    private static int Find(List<ProfileOpenItem> items, string id)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes the items <paramref name="drop"/> says to drop for <paramref name="bound"/>, keeping the others in order.</summary>
    private static void RemoveWhere<T, TBound>(List<T> items, TBound bound, Func<T, TBound, bool> drop)
    {
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!drop(items[i], bound))
            {
                items[kept++] = items[i];
            }
        }

        items.RemoveRange(kept, items.Count - kept);
    }

    private static void AddDay(List<ProfileDayCount> days, int day)
    {
        if (days.Count > 0 && days[^1].Day == day)
        {
            days[^1] = days[^1] with { Count = days[^1].Count + 1 };
        }
        else
        {
            days.Add(new ProfileDayCount(day, 1));
        }
    }

    private static void Trim<T>(List<T> items, int max)
    {
        if (items.Count > max)
        {
            items.RemoveRange(0, items.Count - max);
        }
    }

    private Reason? OpenRefusal(List<ProfileOpenItem> open, string field, string what, string id, CustomerFact fact)
    {
        if (Find(open, id) >= 0)
        {
            return Refuse("profile.already-open", $"{field}: {what} '{id}' is already open.", fact);
        }

        return open.Count >= _maxOpenItems
            ? Refuse("profile.too-many-open", string.Create(CultureInfo.InvariantCulture, $"{field}: {what} '{id}' would be open {what} {open.Count + 1}, more than MaxOpenItems ({_maxOpenItems})."), fact)
            : null;
    }

    private void RecordPurchase(ProfileDraft draft, CustomerFact fact)
    {
        var amount = fact.Amount!.Value;
        draft.PurchaseCount++;
        draft.NetSpend += amount;
        if (amount > 0)
        {
            draft.PaidPurchaseCount++;
            draft.LastPaidPurchaseAt = fact.OccurredAt;
        }

        var day = ValueDay(fact.OccurredAt);
        if (draft.Lifecycle.FirstPurchaseAt is not { } first)
        {
            // A customer who has bought is no longer scored as a lead.
            draft.LeadInteractions.Clear();
            draft.PurchaseDays = 1;
        }
        else
        {
            // As the CLV summaries count them: the first purchase day's spend is left out, a later day is a repeat day.
            if (day != ValueDay(first))
            {
                draft.RepeatSpend += amount;
            }

            if (day > ValueDay(draft.Lifecycle.LastPurchaseAt!.Value))
            {
                draft.PurchaseDays++;
            }
        }

        AddDay(draft.DailyPurchases, UtcDay(fact.OccurredAt));
        draft.RecentOrders.Add(new ProfileOrder(fact.OrderId!, fact.OccurredAt, amount, 0));
        Trim(draft.RecentOrders, _maxRecentOrders);
    }

    private static void AddUsage(ProfileDraft draft, Instant at, long quantity)
    {
        var month = UtcMonth(at);
        var usage = draft.MonthlyUsage;
        if (usage.Count > 0 && usage[^1].Month == month)
        {
            usage[^1] = usage[^1] with { Quantity = usage[^1].Quantity + quantity };
        }
        else
        {
            usage.Add(new ProfileMonthUsage(month, quantity));
        }
    }

    /// <summary>How many of the features a profile used this policy offers. A profile kept under a policy with other features
    /// holds those it used then; only the ones offered now count towards adoption, which stays within [0, 1].</summary>
    public int OfferedCount(ImmutableArray<string> used)
    {
        var count = 0;
        foreach (var feature in used)
        {
            if (_features.Contains(feature))
            {
                count++;
            }
        }

        return count;
    }

    private void AddFeature(ProfileDraft draft, string feature)
    {
        if (!_features.Contains(feature))
        {
            return;
        }

        var index = draft.FeaturesUsed.BinarySearch(feature, StringComparer.Ordinal);
        if (index < 0)
        {
            draft.FeaturesUsed.Insert(~index, feature);
        }
    }

    /// <summary>Drops what has left its window as of the fact's instant, which keeps every list within its bound.</summary>
    private void Prune(ProfileDraft draft, Instant at)
    {
        var day = UtcDay(at);
        var month = UtcMonth(at);
        var oldestOrder = at - _refundWindow;
        RemoveWhere(draft.RecentOrders, oldestOrder, static (o, oldest) => o.At < oldest);
        RemoveWhere(draft.DailyPurchases, day - _purchaseDaysKept, static (d, oldest) => d.Day < oldest);
        RemoveWhere(draft.DailyLogins, day - _loginWindowDays, static (d, past) => d.Day <= past);
        RemoveWhere(draft.TicketOpenings, day - _supportWindowDays, static (d, past) => d.Day <= past);
        RemoveWhere(draft.MonthlyUsage, month - _usageMonthsKept, static (m, past) => m.Month <= past);
    }
}
