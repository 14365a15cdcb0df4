using CustomerLifecycle.Health;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>What each engine looks at, derived from a profile at an instant: the RFM summary, the tier and contact inputs,
/// the health factors (through <see cref="HealthSignals"/>) and the CLV summary.</summary>
internal sealed class ProfileSignals
{
    private readonly int _loginSlot;
    private readonly int _adoptionSlot;
    private readonly int _trendSlot;
    private readonly int _supportSlot;
    private readonly int _npsSlot;
    private readonly int _paymentSlot;
    private readonly int _purchaseRecencySlot;
    private readonly int _purchaseFrequencySlot;
    private readonly int _purchaseTrendSlot;
    private readonly int _purchaseWindowDays;
    private readonly int _purchaseTrendDays;
    private readonly int _featureCount;
    private readonly int _loginWindowDays;
    private readonly int _trendMonths;
    private readonly int _supportWindowDays;
    private readonly double _daysPerPeriod;
    private readonly ProfileFold _fold;

    public ProfileSignals(ProfileOptions options, HealthEngine health, ProfileFold fold)
    {
        var slots = health.FactorIds;
        _loginSlot = IndexOf(slots, "login-frequency");
        _adoptionSlot = IndexOf(slots, "feature-adoption");
        _trendSlot = IndexOf(slots, "usage-trend");
        _supportSlot = IndexOf(slots, "support");
        _npsSlot = IndexOf(slots, "nps");
        _paymentSlot = IndexOf(slots, "payment");
        _purchaseRecencySlot = IndexOf(slots, "purchase-recency");
        _purchaseFrequencySlot = IndexOf(slots, "purchase-frequency");
        _purchaseTrendSlot = IndexOf(slots, "purchase-trend");
        _purchaseWindowDays = options.PurchaseWindowDays;
        _purchaseTrendDays = options.PurchaseTrendDays;
        _featureCount = options.Features.Count;
        _loginWindowDays = options.LoginWindowDays;
        _trendMonths = options.UsageTrendMonths;
        _supportWindowDays = options.SupportWindowDays;
        _daysPerPeriod = options.Value.TimeUnit == ValueTimeUnit.Weeks ? 7.0 : 1.0;
        _fold = fold;
    }

    /// <summary>The RFM summary as <see cref="TieringEngine.Summarize"/> gives it for the same purchases and refunds: a free
    /// order counts towards neither frequency nor recency.</summary>
    public static RfmSummary Rfm(ProfileRecord profile) => new(profile.LastPaidPurchaseAt, profile.PaidPurchaseCount, profile.NetSpend);

    /// <summary>The tier input: <paramref name="value"/> is the value ranked (see <see cref="ProfileTierValue"/>); the partnership starts at the first purchase.</summary>
    public TierInput Tier(ProfileRecord profile, double value, Instant asOf) => new(
        value,
        LoginsPerWeek(profile, asOf),
        profile.Lifecycle.FirstPurchaseAt,
        profile.Attributes.MatchesIdealProfile,
        profile.Attributes.HasGrowthPotential,
        profile.Attributes.IsBenchmarkCustomer);

    public static ContactInput Contact(ProfileRecord profile, int tier) => new(tier, profile.Lifecycle.LastContactAt);

    /// <summary>The health factors with the built-in ids the policy has; a factor the facts say nothing about is missing.</summary>
    public HealthInput Health(ProfileRecord profile, Instant asOf)
    {
        var input = default(HealthInput);
        if (_loginSlot >= 0 && profile.LastLoginAt is not null)
        {
            input.Set(_loginSlot, LoginsPerWeek(profile, asOf));
        }

        if (_adoptionSlot >= 0 && _featureCount > 0)
        {
            input.Set(_adoptionSlot, HealthSignals.FeatureAdoption(_fold.OfferedCount(profile.FeaturesUsed), _featureCount));
        }

        if (_trendSlot >= 0 && profile.MonthlyUsage.Length > 0)
        {
            var month = ProfileFold.UtcMonth(asOf);
            var recent = Usage(profile, month - _trendMonths, month - 1);
            var previous = Usage(profile, month - (2 * _trendMonths), month - _trendMonths - 1);
            input.Set(_trendSlot, HealthSignals.UsageTrend(recent, previous));
        }

        if (_supportSlot >= 0)
        {
            input.Set(_supportSlot, HealthSignals.SupportLoad(profile.OpenComplaints.Length, DayCount(profile.TicketOpenings, asOf, _supportWindowDays)));
        }

        if (_npsSlot >= 0 && LatestSurvey(profile) is var (answer, answeredAt))
        {
            input.Set(_npsSlot, answer, answeredAt);
        }

        if (_paymentSlot >= 0 && profile.InvoiceCount > 0)
        {
            var overdue = 0.0;
            foreach (var invoice in profile.OpenInvoices)
            {
                overdue = Math.Max(overdue, HealthSignals.DaysOverdue(invoice.At, null, asOf));
            }

            input.Set(_paymentSlot, overdue);
        }

        if (profile.Lifecycle.LastPurchaseAt is { } lastPurchase)
        {
            SetPurchaseFactors(ref input, profile.DailyPurchases, lastPurchase, asOf);
        }

        return input;
    }

    /// <summary>The CLV models' summary as of an instant, as <see cref="ValueEngine.Summarize"/> gives it for the same
    /// purchases and refunds; null before the first purchase.</summary>
    public CustomerSummary? Value(ProfileRecord profile, Instant asOf)
    {
        if (profile.Lifecycle.FirstPurchaseAt is not { } first)
        {
            return null;
        }

        var firstDay = _fold.ValueDay(first);
        var x = profile.PurchaseDays - 1;
        return CustomerSummary.Create(
            profile.Customer,
            x,
            (_fold.ValueDay(profile.Lifecycle.LastPurchaseAt!.Value) - firstDay) / _daysPerPeriod,
            (_fold.ValueDay(asOf) - firstDay) / _daysPerPeriod,
            x > 0 ? profile.RepeatSpend / x : 0.0);
    }

    /// <summary>The purchase factors: days since the last purchase, purchases at most the purchase window's days before the
    /// evaluation day, and the trend of the last trend-window days against the as many before.</summary>
    private void SetPurchaseFactors(ref HealthInput input, System.Collections.Immutable.ImmutableArray<ProfileDayCount> days, Instant lastPurchase, Instant asOf)
    {
        if (_purchaseRecencySlot >= 0)
        {
            input.Set(_purchaseRecencySlot, (asOf - lastPurchase).TotalDays);
        }

        var today = ProfileFold.UtcDay(asOf);
        int inWindow = 0, recent = 0, previous = 0;
        foreach (var day in days)
        {
            var daysAgo = today - day.Day;
            inWindow += daysAgo <= _purchaseWindowDays ? day.Count : 0;
            recent += daysAgo <= _purchaseTrendDays ? day.Count : 0;
            previous += daysAgo > _purchaseTrendDays && daysAgo <= 2 * _purchaseTrendDays ? day.Count : 0;
        }

        if (_purchaseFrequencySlot >= 0)
        {
            input.Set(_purchaseFrequencySlot, inWindow);
        }

        if (_purchaseTrendSlot >= 0)
        {
            input.Set(_purchaseTrendSlot, HealthSignals.UsageTrend(recent, previous));
        }
    }

    public double LoginsPerWeek(ProfileRecord profile, Instant asOf) => HealthSignals.LoginsPerWeek(DayCount(profile.DailyLogins, asOf, _loginWindowDays), _loginWindowDays);

    /// <summary>The latest survey answer on the NPS scale: the NPS answer, or the CSAT answer when it is more recent.</summary>
    private static (double Answer, Instant At)? LatestSurvey(ProfileRecord profile)
    {
        (double Answer, Instant At)? nps = profile.Lifecycle.LatestNps is { } score && profile.LatestNpsAt is { } npsAt ? (HealthSignals.NpsAnswer(score), npsAt) : null;
        (double Answer, Instant At)? csat = profile.LatestCsat is { } answer && profile.LatestCsatAt is { } csatAt ? (HealthSignals.CsatAnswer(answer), csatAt) : null;
        if (nps is null || csat is null)
        {
            return nps ?? csat;
        }

        return csat.Value.At > nps.Value.At ? csat : nps;
    }

    /// <summary>The count of the days in (asOf's day − window, asOf's day].</summary>
    private static int DayCount(System.Collections.Immutable.ImmutableArray<ProfileDayCount> days, Instant asOf, int windowDays)
    {
        var today = ProfileFold.UtcDay(asOf);
        var count = 0;
        foreach (var day in days)
        {
            if (day.Day > today - windowDays && day.Day <= today)
            {
                count += day.Count;
            }
        }

        return count;
    }

    private static double Usage(ProfileRecord profile, int fromMonth, int toMonth)
    {
        long total = 0;
        foreach (var month in profile.MonthlyUsage)
        {
            if (month.Month >= fromMonth && month.Month <= toMonth)
            {
                total += month.Quantity;
            }
        }

        return total;
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
