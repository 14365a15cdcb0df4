using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// A policy's member tiers, and the walk that derives a member's tier from the ledger: qualifying activity in the window,
/// reviews at its end (requalification, soft landing, grace period) and status matches, each decision with its reason.
/// </summary>
/// <remarks>The tier is never stored: it is replayed from the ledger up to the instant asked, so it cannot drift from the
/// entries. At one instant, a drop due is applied first, then a match's end, then a review, then the entries (an entry at
/// the very end of a window belongs to the next one).</remarks>
internal sealed class LoyaltyTiers
{
    private readonly Tier[] _tiers;
    private readonly DateTimeZone _zone;
    private readonly LoyaltyTierWindow _window;
    private readonly Duration _grace;
    private readonly bool _softLanding;

    private LoyaltyTiers(LoyaltyOptions options, DateTimeZone zone)
    {
        _tiers = [.. options.Tiers.Select(t => new Tier(t.Id, t.Name, t.QualifyingPoints, t.QualifyingSpend, t.EarnMultiplier, [.. t.Benefits ?? []]))];
        _zone = zone;
        _window = options.TierWindow;
        _grace = Duration.FromDays(options.TierGraceDays);
        _softLanding = options.TierSoftLanding;
    }

    /// <summary>The tiers of a valid policy, or null when it has none.</summary>
    public static LoyaltyTiers? From(LoyaltyOptions options, DateTimeZone zone) => options.Tiers is { Count: > 0 } ? new(options, zone) : null;

    public int IndexOf(string id) => Array.FindIndex(_tiers, t => t.Id == id);

    public string Id(int tier) => _tiers[tier].Id;

    public string Name(int tier) => _tiers[tier].Name;

    public decimal Multiplier(int tier) => _tiers[tier].Multiplier;

    /// <summary>The tier that holds at <paramref name="at"/> (index, lowest 0).</summary>
    public int TierAt(ImmutableArray<LoyaltyEntry> entries, Instant at) => Walk(entries, at).Effective;

    public LoyaltyTierStatus Status(ImmutableArray<LoyaltyEntry> entries, Instant asOf)
    {
        var walk = Walk(entries, asOf);
        var tier = _tiers[walk.Effective];
        var (from, to) = CurrentWindow(asOf);
        var (points, spend) = walk.Sums(from, to);
        var next = walk.Effective + 1 < _tiers.Length ? _tiers[walk.Effective + 1] : null;
        return new LoyaltyTierStatus
        {
            Tier = tier.Id,
            Level = walk.Effective,
            Name = tier.Name,
            Since = walk.Since,
            ReviewAt = walk.Review,
            DropsAt = walk.Drop?.At,
            MatchedUntil = walk.Match is { } match && match.Tier >= walk.Earned ? match.Until : null,
            WindowStart = from,
            QualifyingPoints = points,
            QualifyingSpend = spend,
            Multiplier = tier.Multiplier,
            Benefits = tier.Benefits,
            NextTier = next?.Id,
            PointsToNextTier = next?.Points is { } p ? Math.Max(0, p - points) : null,
            SpendToNextTier = next?.Spend is { } s ? Math.Max(0, s - spend) : null,
            Changes = [.. walk.Changes],
        };
    }

    private static bool Qualifies(LoyaltyEntry entry) => entry.Kind == LoyaltyEntryKind.Earn || (entry.Kind == LoyaltyEntryKind.Reverse && entry.OrderId is not null);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private State Walk(ImmutableArray<LoyaltyEntry> entries, Instant until)
    {
        var events = entries.Where(e => Qualifies(e) || e.Kind == LoyaltyEntryKind.StatusMatch).OrderBy(e => e.At).ToList();
        var state = new State(this, [.. events.Where(Qualifies)], _window == LoyaltyTierWindow.Rolling12Months);
        var next = 0;
        while (true)
        {
            Instant? entryAt = next < events.Count ? events[next].At : null;
            var at = Earliest(Earliest(state.Drop?.At, state.Match?.Until), Earliest(state.Review, entryAt));
            if (at is not { } t || t > until)
            {
                return state;
            }

            if (state.Drop?.At == t)
            {
                state.ApplyDrop(t);
            }
            else if (state.Match?.Until == t)
            {
                state.EndMatch(t);
            }
            else if (state.Review == t)
            {
                Review(state, t);
            }
            else
            {
                Process(state, events[next++]);
            }
        }
    }

    private void Process(State state, LoyaltyEntry entry)
    {
        var t = entry.At;
        if (entry.Kind == LoyaltyEntryKind.StatusMatch)
        {
            var matched = IndexOf(entry.Tier!);
            state.Change(t, "loyalty.tier-match", entry.Reason, s => s.Match = (matched, entry.ExpiresAt!.Value));
            return;
        }

        var (from, to) = CurrentWindow(t);
        var (points, spend) = state.Sums(from, to);
        var qualified = Qualified(points, spend);
        if (qualified > state.Earned)
        {
            state.Change(t, "loyalty.tier-upgrade", Text($"{points} qualifying points and {spend} spend since {from} reach {_tiers[qualified].Name}'s threshold ({Threshold(qualified)})."), s =>
            {
                s.Earned = qualified;
                s.Review = NextReview(t);
                s.Drop = null;
            });
        }
        else if (state.Drop is not null && qualified >= state.Earned)
        {
            state.Change(t, "loyalty.tier-requalified", Text($"{points} qualifying points and {spend} spend since {from} reach {_tiers[state.Earned].Name}'s threshold ({Threshold(state.Earned)}) within the grace period; the drop is cancelled."), s => s.Drop = null);
        }
    }

    private void Review(State state, Instant review)
    {
        var from = ReviewWindowStart(review);
        var (points, spend) = state.Sums(from, review);
        var qualified = Qualified(points, spend);
        var held = state.Earned;
        var activity = Text($"{points} qualifying points and {spend} spend between {from} and {review}");
        var next = NextReview(review);
        if (qualified >= held)
        {
            state.Change(review, "loyalty.tier-requalified", Text($"{activity} keep {_tiers[held].Name} ({Threshold(held)})."), s => s.Review = next);
            return;
        }

        var target = _softLanding ? Math.Max(qualified, held - 1) : qualified;
        var how = target > qualified ? $"soft landing: one tier down to {_tiers[target].Name}" : $"down to {_tiers[target].Name}, the tier they qualify for";
        var shortOf = Text($"{activity} fall short of {_tiers[held].Name} ({Threshold(held)})");
        if (_grace > Duration.Zero)
        {
            var dropAt = review + _grace;
            state.Change(review, "loyalty.tier-grace", $"{shortOf}; {how} at {dropAt}, after the grace period, unless requalified before.", s =>
            {
                s.Drop = (dropAt, target, review);
                s.Review = next;
            });
            return;
        }

        state.Change(review, "loyalty.tier-downgrade", $"{shortOf}; {how}.", s =>
        {
            s.Earned = target;
            s.Review = target > 0 ? next : null;
        });
    }

    private int Qualified(long points, decimal spend)
    {
        for (var tier = _tiers.Length - 1; tier > 0; tier--)
        {
            if ((_tiers[tier].Points is { } p && points >= p) || (_tiers[tier].Spend is { } s && spend >= s))
            {
                return tier;
            }
        }

        return 0;
    }

    private string Threshold(int tier) => _tiers[tier] switch
    {
        { Points: { } p, Spend: { } s } => Text($"{p} points or {s} spend"),
        { Points: { } p } => Text($"{p} points"),
        { Spend: { } s } => Text($"{s} spend"),
        _ => "no threshold",
    };

    /// <summary>The window the activity up to <paramref name="at"/> (included) counts in: from (excluded for rolling windows, see <see cref="State.Sums"/>) to just after <paramref name="at"/>.</summary>
    private (Instant From, Instant To) CurrentWindow(Instant at)
    {
        var local = at.InZone(_zone);
        var from = _window == LoyaltyTierWindow.CalendarYear
            ? _zone.AtStartOfDay(new LocalDate(local.Year, 1, 1)).ToInstant()
            : local.LocalDateTime.PlusMonths(-12).InZoneLeniently(_zone).ToInstant();
        return (from, at + Duration.Epsilon);
    }

    /// <summary>Where the window a review at <paramref name="review"/> judges starts; it ends just before the review.</summary>
    private Instant ReviewWindowStart(Instant review)
        => _window == LoyaltyTierWindow.CalendarYear
            ? _zone.AtStartOfDay(new LocalDate((review - Duration.Epsilon).InZone(_zone).Year, 1, 1)).ToInstant()
            : review.InZone(_zone).LocalDateTime.PlusMonths(-12).InZoneLeniently(_zone).ToInstant();

    /// <summary>The end of the window that <paramref name="at"/> falls in: the next 1 January, or 12 months on, in the policy's zone.</summary>
    private Instant NextReview(Instant at)
        => _window == LoyaltyTierWindow.CalendarYear
            ? _zone.AtStartOfDay(new LocalDate(at.InZone(_zone).Year + 1, 1, 1)).ToInstant()
            : at.InZone(_zone).LocalDateTime.PlusMonths(12).InZoneLeniently(_zone).ToInstant();

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed record Tier(string Id, string Name, long? Points, decimal? Spend, decimal Multiplier, ImmutableArray<string> Benefits);

    /// <summary>Where the walk stands: the tier earned by activity, the match, the review and drop due, and the decisions so far.</summary>
    /// <remarks>A rolling window excludes its start: 12 months after a tier is reached, the activity that reached it no longer counts.</remarks>
    private sealed class State(LoyaltyTiers tiers, List<LoyaltyEntry> qualifying, bool startExcluded)
    {
        public int Earned { get; set; }

        public (int Tier, Instant Until)? Match { get; set; }

        public Instant? Review { get; set; }

        public (Instant At, int Target, Instant Review)? Drop { get; set; }

        public Instant? Since { get; private set; }

        public List<LoyaltyTierChange> Changes { get; } = [];

        public int Effective => Math.Max(Earned, Match?.Tier ?? 0);

        public (long Points, decimal Spend) Sums(Instant from, Instant to)
        {
            long points = 0;
            var spend = 0m;
            foreach (var entry in qualifying)
            {
                if ((startExcluded ? entry.At > from : entry.At >= from) && entry.At < to)
                {
                    points += entry.Points;
                    spend += entry.Kind == LoyaltyEntryKind.Earn ? entry.Amount ?? 0m : -(entry.Amount ?? 0m);
                }
            }

            return (points, spend);
        }

        public void Change(Instant at, string code, string reason, Action<State> apply)
        {
            var before = Effective;
            apply(this);
            if (Effective != before)
            {
                Since = at;
            }

            Changes.Add(new LoyaltyTierChange(at, tiers.Id(before), tiers.Id(Effective), code, reason));
        }

        public void ApplyDrop(Instant at)
        {
            var (_, target, review) = Drop!.Value;
            Change(at, "loyalty.tier-downgrade", $"The grace period after the review of {review} ended without requalifying; down to {tiers.Name(target)}.", s =>
            {
                s.Earned = target;
                s.Drop = null;
                s.Review = target > 0 ? s.Review : null;
            });
        }

        public void EndMatch(Instant at)
        {
            var matched = Match!.Value.Tier;
            Change(at, "loyalty.tier-match-expired", $"The status match to {tiers.Name(matched)} ended; the tier earned by activity is {tiers.Name(Earned)}.", s => s.Match = null);
        }
    }
}
