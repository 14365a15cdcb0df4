using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// Where a walk over a member's tier events stands: the events in time order, running sums of the qualifying ones, the tier
/// earned by activity, the match, the review and drop due, and (when explaining) the decisions so far. One instance is reused
/// across the members of a sweep (cleared, not reallocated), so walking a member allocates nothing once its buffers are large
/// enough and nothing is explained.
/// </summary>
/// <remarks>The qualifying sums of a window are two binary searches into the running sums, so a walk is O(n log n) in the
/// member's entries rather than a pass over every qualifying entry per event.</remarks>
internal sealed class LoyaltyTierWalk
{
    private EventKey[] _keys = new EventKey[16];
    private LoyaltyEntry[] _events = new LoyaltyEntry[16];
    private Instant[] _qualifyingAt = new Instant[16];
    private long[] _pointsBefore = new long[17];
    private decimal[] _spendBefore = new decimal[17];
    private int _qualifyingCount;

    // Cursors of the events' windows, which only move forward: the first qualifying entry in the window, and the entries up to the event.
    private int _windowFirst;
    private int _seen;

    public int EventCount { get; private set; }

    /// <summary>Gets a value indicating whether a status match is among the events.</summary>
    public bool HasMatches { get; private set; }

    /// <summary>Gets the points of every earn: no window's qualifying points exceed them.</summary>
    public long EarnedPoints { get; private set; }

    /// <summary>Gets the amounts of every purchase: no window's qualifying spend exceeds them.</summary>
    public decimal EarnedSpend { get; private set; }

    /// <summary>Gets or sets the start of the calendar year the last event fell in (the tiers' cache of it).</summary>
    public Instant YearStart { get; set; }

    /// <summary>Gets or sets the start of the year after it.</summary>
    public Instant YearEnd { get; set; }

    /// <summary>Gets the decisions so far; null when the walk does not explain.</summary>
    public List<LoyaltyTierChange>? Changes { get; private set; }

    public int Earned { get; set; }

    public (int Tier, Instant Until)? Match { get; set; }

    public Instant? Review { get; set; }

    public (Instant At, int Target, Instant Review)? Drop { get; set; }

    public Instant? Since { get; private set; }

    public int Effective => Math.Max(Earned, Match?.Tier ?? 0);

    public static bool Qualifies(LoyaltyEntry entry) => entry.Kind == LoyaltyEntryKind.Earn || (entry.Kind == LoyaltyEntryKind.Reverse && entry.OrderId is not null);

    public LoyaltyEntry Event(int index) => _events[index];

    /// <summary>Starts a walk over <paramref name="entries"/>: their qualifying entries and status matches in time order (ties in ledger order).</summary>
    public void Load(ImmutableArray<LoyaltyEntry> entries, bool explain)
    {
        Array.Clear(_events, 0, EventCount);
        EventCount = 0;
        var sorted = true;
        foreach (var entry in entries)
        {
            if (!Qualifies(entry) && entry.Kind != LoyaltyEntryKind.StatusMatch)
            {
                continue;
            }

            if (EventCount == _keys.Length)
            {
                Array.Resize(ref _keys, EventCount * 2);
                Array.Resize(ref _events, EventCount * 2);
            }

            sorted &= EventCount == 0 || _keys[EventCount - 1].At <= entry.At;
            _keys[EventCount] = new EventKey(entry.At, EventCount);
            _events[EventCount++] = entry;
        }

        if (!sorted)
        {
            // Only a back-dated command puts the ledger out of time order.
            Array.Sort(_keys, _events, 0, EventCount);
        }

        SumQualifying();
        Changes = explain ? [] : null;
        _windowFirst = _seen = 0;
        YearStart = YearEnd = Instant.MinValue;
        Earned = 0;
        Match = null;
        Review = null;
        Drop = null;
        Since = null;
    }

    /// <summary>Resumes a walk where a checkpoint left it (see <see cref="LoyaltyTierCheckpoint"/>): no events (the ledger has none
    /// after the checkpoint), and the qualifying activity of the window the next review judges as one sum dated at
    /// <paramref name="windowStart"/>, where that window starts, so that the review reads it as a replay would.</summary>
    public void Resume(LoyaltyTierCheckpoint state, Instant windowStart)
    {
        Array.Clear(_events, 0, EventCount);
        EventCount = 0;
        HasMatches = false;
        (EarnedPoints, EarnedSpend) = (state.QualifyingPoints, state.QualifyingSpend);
        _qualifyingCount = 1;
        _qualifyingAt[0] = windowStart;
        (_pointsBefore[1], _spendBefore[1]) = (state.QualifyingPoints, state.QualifyingSpend);
        Changes = null;
        _windowFirst = _seen = 0;
        YearStart = YearEnd = Instant.MinValue;
        Earned = state.EarnedLevel;
        Match = state is { MatchedLevel: { } matched, MatchedUntil: { } until } ? (matched, until) : null;
        Review = state.ReviewAt;
        Drop = state is { DropAt: { } dropAt, DropLevel: { } target, DropDecidedAt: { } decided } ? (dropAt, target, decided) : null;
        Since = null;
    }

    /// <summary>The qualifying points and spend of the entries dated in (<paramref name="from"/>, <paramref name="to"/>), or
    /// [<paramref name="from"/>, <paramref name="to"/>) unless <paramref name="startExcluded"/>.</summary>
    public (long Points, decimal Spend) Sums(Instant from, Instant to, bool startExcluded)
    {
        var first = startExcluded ? FirstAfter(from) : FirstAtOrAfter(from);
        var end = FirstAtOrAfter(to);
        return end <= first ? (0, 0m) : (_pointsBefore[end] - _pointsBefore[first], _spendBefore[end] - _spendBefore[first]);
    }

    /// <summary>
    /// The qualifying points and spend of the entries dated in (<paramref name="from"/>, <paramref name="at"/>], or
    /// [<paramref name="from"/>, <paramref name="at"/>] unless <paramref name="startExcluded"/>, for the events of a walk in
    /// time order: <paramref name="from"/> and <paramref name="at"/> may only grow from one call to the next.
    /// </summary>
    public (long Points, decimal Spend) SumsUpTo(Instant from, Instant at, bool startExcluded)
    {
        while (_seen < _qualifyingCount && _qualifyingAt[_seen] <= at)
        {
            _seen++;
        }

        while (_windowFirst < _seen && (startExcluded ? _qualifyingAt[_windowFirst] <= from : _qualifyingAt[_windowFirst] < from))
        {
            _windowFirst++;
        }

        return (_pointsBefore[_seen] - _pointsBefore[_windowFirst], _spendBefore[_seen] - _spendBefore[_windowFirst]);
    }

    /// <summary>Records a decision taken at <paramref name="at"/>: the tier held moved from <paramref name="before"/> to
    /// <see cref="Effective"/> (or stayed), for <paramref name="code"/> and <paramref name="reason"/>; the reason is only read
    /// when explaining, so callers pass null otherwise, and <paramref name="tiers"/> names the tiers.</summary>
    public void Decided(Instant at, int before, string code, string? reason, LoyaltyTiers tiers)
    {
        if (Effective != before)
        {
            Since = at;
        }

        Changes?.Add(new LoyaltyTierChange(at, tiers.Id(before), tiers.Id(Effective), code, reason!));
    }

    private void SumQualifying()
    {
        _qualifyingCount = 0;
        HasMatches = false;
        EarnedPoints = 0;
        EarnedSpend = 0m;
        for (var i = 0; i < EventCount; i++)
        {
            var entry = _events[i];
            if (!Qualifies(entry))
            {
                HasMatches = true;
                continue;
            }

            if (_qualifyingCount == _qualifyingAt.Length)
            {
                Array.Resize(ref _qualifyingAt, _qualifyingCount * 2);
                Array.Resize(ref _pointsBefore, (_qualifyingCount * 2) + 1);
                Array.Resize(ref _spendBefore, (_qualifyingCount * 2) + 1);
            }

            var amount = entry.Amount ?? 0m;
            _qualifyingAt[_qualifyingCount] = entry.At;
            _pointsBefore[_qualifyingCount + 1] = _pointsBefore[_qualifyingCount] + entry.Points;
            _spendBefore[_qualifyingCount + 1] = _spendBefore[_qualifyingCount] + (entry.Kind == LoyaltyEntryKind.Earn ? amount : -amount);
            _qualifyingCount++;
            if (entry.Kind == LoyaltyEntryKind.Earn)
            {
                EarnedPoints += entry.Points;
                EarnedSpend += amount;
            }
        }
    }

    /// <summary>The index of the first qualifying entry dated at or after <paramref name="at"/>.</summary>
    private int FirstAtOrAfter(Instant at)
    {
        int low = 0, high = _qualifyingCount;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_qualifyingAt[middle] < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of the first qualifying entry dated after <paramref name="at"/>.</summary>
    private int FirstAfter(Instant at)
    {
        int low = 0, high = _qualifyingCount;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_qualifyingAt[middle] <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>An event's instant and ledger position: sorting by both keeps ties in ledger order.</summary>
    private readonly record struct EventKey(Instant At, int Index) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other) => At != other.At ? At.CompareTo(other.At) : Index.CompareTo(other.Index);
    }
}
