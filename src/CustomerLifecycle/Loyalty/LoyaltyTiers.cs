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
    // A ledger's instants are in 1900-2200; its windows start a year before the earliest and its reviews end a year after the latest.
    private const int FirstCachedYear = 1899;
    private const int LastCachedYear = 2202;

    private readonly Tier[] _tiers;
    private readonly DateTimeZone _zone;
    private readonly Duration _grace;
    private readonly bool _softLanding;

    // A rolling window excludes its start: 12 months after a tier is reached, the activity that reached it no longer counts.
    private readonly bool _rolling;

    // The start of every year a ledger's instants and their reviews can fall in (1 January, in the policy's zone): a calendar
    // window is then two array reads rather than two trips through the zone's rules, for every event of every member.
    private readonly Instant[] _yearStarts;

    // The lowest qualifying points and spend of any tier above the first (null: no tier qualifies that way).
    private readonly long? _leastPoints;
    private readonly decimal? _leastSpend;

    private LoyaltyTiers(LoyaltyOptions options, DateTimeZone zone)
    {
        _tiers = [.. options.Tiers.Select(t => new Tier(t.Id, t.Name, t.QualifyingPoints, t.QualifyingSpend, t.EarnMultiplier, [.. t.Benefits ?? []]))];
        _zone = zone;
        _grace = Duration.FromDays(options.TierGraceDays);
        _softLanding = options.TierSoftLanding;
        _rolling = options.TierWindow == LoyaltyTierWindow.Rolling12Months;
        _leastPoints = _tiers.Skip(1).Min(t => t.Points);
        _leastSpend = _tiers.Skip(1).Min(t => t.Spend);
        _yearStarts = _rolling ? [] : [.. Enumerable.Range(FirstCachedYear, LastCachedYear - FirstCachedYear + 1).Select(y => Leniently(new LocalDate(y, 1, 1).AtMidnight()))];
    }

    /// <summary>The tiers of a valid policy, or null when it has none.</summary>
    public static LoyaltyTiers? From(LoyaltyOptions options, DateTimeZone zone) => options.Tiers is { Count: > 0 } ? new(options, zone) : null;

    public int IndexOf(string id)
    {
        for (var tier = 0; tier < _tiers.Length; tier++)
        {
            if (_tiers[tier].Id == id)
            {
                return tier;
            }
        }

        return -1;
    }

    public string Id(int tier) => _tiers[tier].Id;

    public string Name(int tier) => _tiers[tier].Name;

    public decimal Multiplier(int tier) => _tiers[tier].Multiplier;

    /// <summary>The tier that holds at <paramref name="at"/> (index, lowest 0).</summary>
    public int TierAt(ImmutableArray<LoyaltyEntry> entries, Instant at)
    {
        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            return LevelAt(workspace.TierWalk, entries, at);
        }
        finally
        {
            workspace.Return();
        }
    }

    /// <summary>The tier that holds at <paramref name="at"/>, walked in a reused buffer that explains nothing: allocates nothing once it is large enough.</summary>
    public int LevelAt(LoyaltyTierWalk walk, ImmutableArray<LoyaltyEntry> entries, Instant at) => LevelAt(walk, entries, at, out _);

    /// <summary>As <see cref="LevelAt(LoyaltyTierWalk, ImmutableArray{LoyaltyEntry}, Instant)"/>, with the first instant after
    /// <paramref name="at"/> at which the walk would decide anything (<paramref name="nextDecision"/>, <see cref="Instant.MaxValue"/>
    /// when nothing is due): the tier reads the same until then.</summary>
    public int LevelAt(LoyaltyTierWalk walk, ImmutableArray<LoyaltyEntry> entries, Instant at, out Instant nextDecision)
    {
        walk.Load(entries, explain: false);
        if (!walk.HasMatches && !(walk.EarnedPoints >= _leastPoints) && !(walk.EarnedSpend >= _leastSpend))
        {
            nextDecision = Instant.MaxValue;
            return 0; // all the member ever earned reaches no threshold, so no window of it does: most members of a sweep
        }

        nextDecision = NextDecision(walk, Walk(walk, at)) ?? Instant.MaxValue;
        return walk.Effective;
    }

    /// <summary>The tier that holds at <paramref name="at"/> for a member whose ledger has no entry after the checkpoint
    /// <paramref name="state"/> was taken at: the reviews, drops and match ends due since decided from it, as a replay would
    /// (see <see cref="LoyaltyTierWalk.Resume"/>); <paramref name="nextDecision"/> as in <see cref="LevelAt(LoyaltyTierWalk, ImmutableArray{LoyaltyEntry}, Instant, out Instant)"/>.
    /// The walk is left where it stands at <paramref name="at"/>, for <see cref="Checkpoint"/>.</summary>
    public int LevelFrom(LoyaltyTierWalk walk, LoyaltyTierCheckpoint state, Instant at, out Instant nextDecision)
    {
        walk.Resume(state, state.ReviewAt is { } review ? ReviewWindowStart(review) : Instant.MinValue);
        nextDecision = NextDecision(walk, Walk(walk, at)) ?? Instant.MaxValue;
        return walk.Effective;
    }

    /// <summary>Whether <paramref name="state"/> can be resumed under this policy: a calendar-year window, levels of its tiers,
    /// and a match or a drop either whole or absent (as the walk writes them).</summary>
    public bool Resumes(LoyaltyTierCheckpoint state)
        => !_rolling
           && IsLevel(state.EarnedLevel)
           && (state is { MatchedLevel: null, MatchedUntil: null } || (state.MatchedLevel is { } matched && IsLevel(matched) && state.MatchedUntil is not null))
           && (state is { DropLevel: null, DropAt: null, DropDecidedAt: null } || (state.DropLevel is { } target && IsLevel(target) && state.DropAt is not null && state.DropDecidedAt is not null));

    /// <summary>Where <paramref name="walk"/>, walked to <paramref name="at"/> (not before the ledger's latest entry), stands: the
    /// state a sweep resumes from at a later instant (see <see cref="LevelFrom"/>); null when nothing is due without a new entry,
    /// or the window rolls (its later reviews judge activity the state does not carry).</summary>
    public LoyaltyTierCheckpoint? Checkpoint(LoyaltyTierWalk walk, Instant at)
    {
        if (_rolling || NextDecision(walk, walk.EventCount) is null)
        {
            return null;
        }

        var (points, spend) = walk.Review is { } review ? walk.Sums(ReviewWindowStart(review), at + Duration.Epsilon, startExcluded: false) : (0, 0m);
        return new LoyaltyTierCheckpoint
        {
            EarnedLevel = walk.Earned,
            MatchedLevel = walk.Match?.Tier,
            MatchedUntil = walk.Match?.Until,
            ReviewAt = walk.Review,
            DropLevel = walk.Drop?.Target,
            DropAt = walk.Drop?.At,
            DropDecidedAt = walk.Drop?.Review,
            QualifyingPoints = points,
            QualifyingSpend = spend,
        };
    }

    public LoyaltyTierStatus Status(ImmutableArray<LoyaltyEntry> entries, Instant asOf)
    {
        var walk = new LoyaltyTierWalk();
        walk.Load(entries, explain: true);
        Walk(walk, asOf);
        var tier = _tiers[walk.Effective];
        var (from, to) = CurrentWindow(asOf);
        var (points, spend) = walk.Sums(from, to, _rolling);
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
            Changes = [.. walk.Changes!],
        };
    }

    private bool IsLevel(int level) => level >= 0 && level < _tiers.Length;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>When a walk that has reached event <paramref name="next"/> decides next: a drop, a match's end, a review or the event.</summary>
    private static Instant? NextDecision(LoyaltyTierWalk walk, int next)
        => Earliest(Earliest(walk.Drop?.At, walk.Match?.Until), Earliest(walk.Review, next < walk.EventCount ? walk.Event(next).At : null));

    /// <summary>Walks the loaded events up to <paramref name="until"/> (included), deciding at each instant in the order of the
    /// class remarks; returns the index of the first event after it.</summary>
    private int Walk(LoyaltyTierWalk walk, Instant until)
    {
        var next = 0;
        while (true)
        {
            if (NextDecision(walk, next) is not { } t || t > until)
            {
                return next;
            }

            if (walk.Drop?.At == t)
            {
                ApplyDrop(walk, t);
            }
            else if (walk.Match?.Until == t)
            {
                EndMatch(walk, t);
            }
            else if (walk.Review == t)
            {
                Review(walk, t);
            }
            else
            {
                Process(walk, walk.Event(next++));
            }
        }
    }

    private void Process(LoyaltyTierWalk walk, LoyaltyEntry entry)
    {
        var t = entry.At;
        var before = walk.Effective;
        if (entry.Kind == LoyaltyEntryKind.StatusMatch)
        {
            walk.Match = (IndexOf(entry.Tier!), entry.ExpiresAt!.Value);
            walk.Decided(t, before, "loyalty.tier-match", entry.Reason, this);
            return;
        }

        if (walk.Earned == _tiers.Length - 1 && walk.Drop is null)
        {
            return; // at the top with no drop due: no activity changes anything until the next review
        }

        var from = EventWindowStart(walk, t);
        var (points, spend) = walk.SumsUpTo(from, t, _rolling);
        var qualified = Qualified(points, spend);
        var explain = walk.Changes is not null;
        if (qualified > walk.Earned)
        {
            walk.Earned = qualified;
            walk.Review = NextReview(t);
            walk.Drop = null;
            walk.Decided(t, before, "loyalty.tier-upgrade", explain ? Text($"{points} qualifying points and {spend} spend since {from} reach {_tiers[qualified].Name}'s threshold ({Threshold(qualified)}).") : null, this);
        }
        else if (walk.Drop is not null && qualified >= walk.Earned)
        {
            walk.Drop = null;
            walk.Decided(t, before, "loyalty.tier-requalified", explain ? Text($"{points} qualifying points and {spend} spend since {from} reach {_tiers[walk.Earned].Name}'s threshold ({Threshold(walk.Earned)}) within the grace period; the drop is cancelled.") : null, this);
        }
    }

    private void Review(LoyaltyTierWalk walk, Instant review)
    {
        var from = ReviewWindowStart(review);
        var (points, spend) = walk.Sums(from, review, _rolling);
        var qualified = Qualified(points, spend);
        var held = walk.Earned;
        var before = walk.Effective;
        var explain = walk.Changes is not null;
        var activity = explain ? Text($"{points} qualifying points and {spend} spend between {from} and {review}") : null;
        var next = NextReview(review);
        if (qualified >= held)
        {
            walk.Review = next;
            walk.Decided(review, before, "loyalty.tier-requalified", explain ? Text($"{activity} keep {_tiers[held].Name} ({Threshold(held)}).") : null, this);
            return;
        }

        var target = _softLanding ? Math.Max(qualified, held - 1) : qualified;
        var how = explain ? target > qualified ? $"soft landing: one tier down to {_tiers[target].Name}" : $"down to {_tiers[target].Name}, the tier they qualify for" : null;
        var shortOf = explain ? Text($"{activity} fall short of {_tiers[held].Name} ({Threshold(held)})") : null;
        if (_grace > Duration.Zero)
        {
            var dropAt = review + _grace;
            walk.Drop = (dropAt, target, review);
            walk.Review = next;
            walk.Decided(review, before, "loyalty.tier-grace", explain ? $"{shortOf}; {how} at {dropAt}, after the grace period, unless requalified before." : null, this);
            return;
        }

        walk.Earned = target;
        walk.Review = target > 0 ? next : null;
        walk.Decided(review, before, "loyalty.tier-downgrade", explain ? $"{shortOf}; {how}." : null, this);
    }

    private void ApplyDrop(LoyaltyTierWalk walk, Instant at)
    {
        var (_, target, review) = walk.Drop!.Value;
        var before = walk.Effective;
        walk.Earned = target;
        walk.Drop = null;
        walk.Review = target > 0 ? walk.Review : null;
        walk.Decided(at, before, "loyalty.tier-downgrade", walk.Changes is null ? null : $"The grace period after the review of {review} ended without requalifying; down to {Name(target)}.", this);
    }

    private void EndMatch(LoyaltyTierWalk walk, Instant at)
    {
        var matched = walk.Match!.Value.Tier;
        var before = walk.Effective;
        walk.Match = null;
        walk.Decided(at, before, "loyalty.tier-match-expired", walk.Changes is null ? null : $"The status match to {Name(matched)} ended; the tier earned by activity is {Name(walk.Earned)}.", this);
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

    /// <summary>The window the activity up to <paramref name="at"/> (included) counts in: from (excluded for rolling windows, see <see cref="LoyaltyTierWalk.Sums"/>) to just after <paramref name="at"/>.</summary>
    private (Instant From, Instant To) CurrentWindow(Instant at)
        => (_rolling ? Leniently(at.InZone(_zone).LocalDateTime.PlusMonths(-12)) : StartOfYear(YearOf(at)), at + Duration.Epsilon);

    /// <summary>The start of the window of an event at <paramref name="at"/>, as <see cref="CurrentWindow"/>; a calendar year's
    /// start is kept in the walk while its events last.</summary>
    private Instant EventWindowStart(LoyaltyTierWalk walk, Instant at)
    {
        if (_rolling)
        {
            return Leniently(at.InZone(_zone).LocalDateTime.PlusMonths(-12));
        }

        if (!(at >= walk.YearStart && at < walk.YearEnd))
        {
            var year = YearOf(at);
            (walk.YearStart, walk.YearEnd) = (StartOfYear(year), StartOfYear(year + 1));
        }

        return walk.YearStart;
    }

    /// <summary>Where the window a review at <paramref name="review"/> judges starts; it ends just before the review.</summary>
    private Instant ReviewWindowStart(Instant review)
        => _rolling ? Leniently(review.InZone(_zone).LocalDateTime.PlusMonths(-12)) : StartOfYear(YearOf(review - Duration.Epsilon));

    /// <summary>The end of the window that <paramref name="at"/> falls in: the next 1 January, or 12 months on, in the policy's zone.</summary>
    private Instant NextReview(Instant at)
        => _rolling ? Leniently(at.InZone(_zone).LocalDateTime.PlusMonths(12)) : StartOfYear(YearOf(at) + 1);

    /// <summary>The first instant of 1 January of <paramref name="year"/> in the policy's zone.</summary>
    private Instant StartOfYear(int year)
        => year is >= FirstCachedYear and <= LastCachedYear ? _yearStarts[year - FirstCachedYear] : Leniently(new LocalDate(year, 1, 1).AtMidnight());

    /// <summary>The year, in the policy's zone, that <paramref name="at"/> falls in.</summary>
    public int YearOf(Instant at)
    {
        if (at < _yearStarts[0] || at >= _yearStarts[^1])
        {
            return at.InZone(_zone).Year;
        }

        // The year in UTC, from the days since 1970 (one off at most near a year's end), then at most a step either way to the
        // last year whose start in the zone is at or before the instant: a zone's offset from UTC is under a day.
        var index = Math.Clamp(1970 + (int)(at.ToUnixTimeTicks() / TimeSpan.TicksPerDay * 400 / 146_097) - FirstCachedYear, 0, _yearStarts.Length - 2);
        while (_yearStarts[index] > at)
        {
            index--;
        }

        while (_yearStarts[index + 1] <= at)
        {
            index++;
        }

        return FirstCachedYear + index;
    }

    private Instant Leniently(LocalDateTime local) => LoyaltyZone.Leniently(_zone, local);

    private sealed record Tier(string Id, string Name, long? Points, decimal? Spend, decimal Multiplier, ImmutableArray<string> Benefits);
}
