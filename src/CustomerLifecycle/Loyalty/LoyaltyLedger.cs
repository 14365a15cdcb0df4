using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// A ledger replayed: every lot with the points left in it, and the running totals. One instance is reused across the members
/// of a sweep (cleared, not reallocated), so replaying a member allocates nothing once its buffers are large enough.
/// </summary>
/// <remarks>
/// <para>Lots are found by the key of the entry that opened it; allocations add to a lot with the sign of their entry.</para>
/// <para>Under rolling expiry the lots share the expiry of a run of activity: an entry that rolls expiry (<see cref="LoyaltyEntry.RollsExpiryTo"/>)
/// while a run is live pushes the run's end, one that comes after the run ended starts a new run, and a lot belongs to the run
/// live when it was opened. A lot of an ended run keeps that end, so points a reversal gives back to it expire at once.</para>
/// </remarks>
internal sealed class LoyaltyLedger
{
    // Up to this many lots a key is found by comparing it with each lot's: cheaper than hashing it, and most members have
    // few lots. Beyond it the lots are indexed by key, so a long ledger is not scanned once per allocation.
    private const int ScannedLots = 16;

    private readonly Dictionary<string, int> _lotByKey = new(StringComparer.Ordinal);
    private LoyaltyEntry[] _lots = new LoyaltyEntry[16];
    private long[] _remaining = new long[16];
    private int[] _run = new int[16];
    private Instant[] _runEnds = new Instant[4];
    private int _runCount;

    public int LotCount { get; private set; }

    public long Earned { get; private set; }

    public long Reversed { get; private set; }

    public long Redeemed { get; private set; }

    public long ExpiredWritten { get; private set; }

    public long Debt { get; private set; }

    public void Load(ImmutableArray<LoyaltyEntry> entries)
    {
        Clear();
        foreach (var entry in entries)
        {
            Add(entry);
        }
    }

    /// <summary>Loads the entries dated before <paramref name="end"/> only: the ledger as it stood then.</summary>
    public void LoadBefore(ImmutableArray<LoyaltyEntry> entries, Instant end)
    {
        Clear();
        foreach (var entry in entries)
        {
            if (entry.At < end)
            {
                Add(entry);
            }
        }
    }

    /// <summary>The points of lots whose lifetime ended in [<paramref name="start"/>, <paramref name="end"/>) and whose expiry no entry has written yet.</summary>
    public long DueUnwritten(Instant start, Instant end)
    {
        long due = 0;
        for (var lot = 0; lot < LotCount; lot++)
        {
            var expiresAt = ExpiresAt(lot);
            due += _remaining[lot] > 0 && expiresAt >= start && expiresAt < end ? _remaining[lot] : 0;
        }

        return due;
    }

    public void Add(LoyaltyEntry entry)
    {
        if (entry.RollsExpiryTo is { } rollsTo)
        {
            Roll(entry.At, rollsTo);
        }

        if (entry.OpensLot)
        {
            OpenLot(entry);
            Earned += entry.Points;
            return;
        }

        var sign = Math.Sign(entry.Points);
        long covered = 0;
        foreach (var allocation in entry.Allocations)
        {
            if (TryFindLot(allocation.Lot, out var lot))
            {
                _remaining[lot] += sign * allocation.Points;
            }

            covered += allocation.Points;
        }

        switch (entry.Kind)
        {
            case LoyaltyEntryKind.Redeem:
                Redeemed -= entry.Points;
                break;
            case LoyaltyEntryKind.Expire:
                ExpiredWritten -= entry.Points;
                break;
            case LoyaltyEntryKind.Reverse when entry.Points > 0:
                Redeemed -= entry.Points;
                break;
            case LoyaltyEntryKind.Reverse:
                Reversed -= entry.Points;
                Debt += -entry.Points - covered;
                break;
            default:
                Reversed -= entry.Points;
                break;
        }
    }

    public LoyaltyEntry Lot(int lot) => _lots[lot];

    public long Remaining(int lot) => _remaining[lot];

    public bool TryFindLot(string key, out int lot)
    {
        if (LotCount > ScannedLots)
        {
            return _lotByKey.TryGetValue(key, out lot);
        }

        for (lot = 0; lot < LotCount; lot++)
        {
            if (string.Equals(_lots[lot].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        lot = -1;
        return false;
    }

    /// <summary>When the lot's remaining points expire: its own expiry, or under rolling expiry the end of its run.</summary>
    public Instant ExpiresAt(int lot) => _run[lot] < 0 ? _lots[lot].ExpiresAt!.Value : _runEnds[_run[lot]];

    /// <summary>The end of the run of activity live at <paramref name="at"/> (rolling expiry); null when none is.</summary>
    public Instant? RollingExpiryAt(Instant at) => _runCount > 0 && at < _runEnds[_runCount - 1] ? _runEnds[_runCount - 1] : null;

    public LoyaltyLotState StateAt(int lot, Instant at)
        => ExpiresAt(lot) <= at ? LoyaltyLotState.Expired
            : _lots[lot].AvailableFrom!.Value > at ? LoyaltyLotState.Pending
            : LoyaltyLotState.Available;

    /// <summary>The points that can be spent at <paramref name="at"/>: those of available lots, less the debt.</summary>
    public long AvailableAt(Instant at)
    {
        long available = 0;
        for (var lot = 0; lot < LotCount; lot++)
        {
            if (_remaining[lot] > 0 && StateAt(lot, at) == LoyaltyLotState.Available)
            {
                available += _remaining[lot];
            }
        }

        return available - Debt;
    }

    /// <summary>The lots with points that can be spent at <paramref name="at"/>, soonest-expiring first, ties in ledger order.</summary>
    public List<int> SpendableLots(Instant at)
    {
        var lots = new List<int>();
        for (var lot = 0; lot < LotCount; lot++)
        {
            if (_remaining[lot] > 0 && StateAt(lot, at) == LoyaltyLotState.Available)
            {
                lots.Add(lot);
            }
        }

        lots.Sort((a, b) => ExpiresAt(a).CompareTo(ExpiresAt(b)) is var byExpiry and not 0 ? byExpiry : a.CompareTo(b));
        return lots;
    }

    public LoyaltyBalance Balance(CustomerId member, Instant asOf, Duration warning, decimal pointValue, int tierLevel = 0)
    {
        long available = 0, pending = 0, expiredDue = 0, expiringSoon = 0;
        Instant? nextExpiry = null;
        for (var lot = 0; lot < LotCount; lot++)
        {
            var remaining = _remaining[lot];
            if (remaining <= 0)
            {
                continue;
            }

            switch (StateAt(lot, asOf))
            {
                case LoyaltyLotState.Expired:
                    expiredDue += remaining;
                    break;
                case LoyaltyLotState.Pending:
                    pending += remaining;
                    break;
                default:
                    var expiresAt = ExpiresAt(lot);
                    available += remaining;
                    expiringSoon += expiresAt <= asOf + warning ? remaining : 0;
                    nextExpiry = nextExpiry is { } next && next <= expiresAt ? next : expiresAt;
                    break;
            }
        }

        var net = available - Debt;
        return new LoyaltyBalance(member, asOf, net, pending, ExpiredWritten + expiredDue, Redeemed, Earned, Reversed, Debt, expiringSoon, nextExpiry, (net + pending) * pointValue, tierLevel);
    }

    /// <summary>
    /// The instants around <paramref name="asOf"/> between which <see cref="Balance"/> reads the same: the last at or before it
    /// and the first after it at which a lot holding points changes state (<see cref="StateAt"/>: its holding period ends, its
    /// lifetime ends), the first after it at which one enters the warning window, and the earliest end of any such lot.
    /// </summary>
    /// <remarks>It reads a lot's instants exactly as <see cref="StateAt"/> and <see cref="Balance"/> do: a new way of judging a
    /// lot changes both together, or the summaries built from this go stale.</remarks>
    public LoyaltyLedgerChanges ChangesAround(Instant asOf, Duration warning)
    {
        Instant last = Instant.MinValue, next = Instant.MaxValue, warned = Instant.MaxValue, earliestEnd = Instant.MaxValue;
        for (var lot = 0; lot < LotCount; lot++)
        {
            if (_remaining[lot] <= 0)
            {
                continue;
            }

            var availableFrom = _lots[lot].AvailableFrom!.Value;
            var expiresAt = ExpiresAt(lot);
            (last, next) = Around(availableFrom, asOf, last, next);
            (last, next) = Around(expiresAt, asOf, last, next);

            var entersWarning = expiresAt - warning;
            warned = entersWarning > asOf && entersWarning < warned ? entersWarning : warned;
            earliestEnd = expiresAt < earliestEnd ? expiresAt : earliestEnd;
        }

        return new LoyaltyLedgerChanges(last, next, warned, earliestEnd);
    }

    private static (Instant Last, Instant Next) Around(Instant change, Instant asOf, Instant last, Instant next)
        => change <= asOf ? (change > last ? change : last, next) : (last, change < next ? change : next);

    private void Clear()
    {
        _lotByKey.Clear();
        Array.Clear(_lots, 0, LotCount);
        LotCount = 0;
        _runCount = 0;
        Earned = Reversed = Redeemed = ExpiredWritten = Debt = 0;
    }

    private void OpenLot(LoyaltyEntry entry)
    {
        if (LotCount == _lots.Length)
        {
            Array.Resize(ref _lots, LotCount * 2);
            Array.Resize(ref _remaining, LotCount * 2);
            Array.Resize(ref _run, LotCount * 2);
        }

        if (LotCount == ScannedLots)
        {
            for (var lot = 0; lot < LotCount; lot++)
            {
                _lotByKey[_lots[lot].Key] = lot;
            }
        }

        if (LotCount >= ScannedLots)
        {
            _lotByKey[entry.Key] = LotCount;
        }

        _lots[LotCount] = entry;
        _remaining[LotCount] = entry.Points;
        _run[LotCount] = entry.RollsExpiryTo is null ? -1 : _runCount - 1;
        LotCount++;
    }

    private void Roll(Instant at, Instant rollsTo)
    {
        if (RollingExpiryAt(at) is not { } end)
        {
            if (_runCount == _runEnds.Length)
            {
                Array.Resize(ref _runEnds, _runCount * 2);
            }

            _runEnds[_runCount++] = rollsTo;
        }
        else if (rollsTo > end)
        {
            _runEnds[_runCount - 1] = rollsTo;
        }
    }
}

/// <summary>What <see cref="LoyaltyLedger.ChangesAround"/> found: between <paramref name="Last"/> (included) and
/// <paramref name="Next"/> (excluded) no lot changes state; <paramref name="NextWarning"/> is when a lot next enters the warning
/// window; <paramref name="EarliestEnd"/> the soonest end of a lot holding points. <see cref="Instant.MinValue"/> and
/// <see cref="Instant.MaxValue"/> stand for "none".</summary>
internal readonly record struct LoyaltyLedgerChanges(Instant Last, Instant Next, Instant NextWarning, Instant EarliestEnd);
