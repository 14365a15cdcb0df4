using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Expiry: when a lot opened at an instant expires under the policy's mode, and what rolling expiry writes on activity.</summary>
public sealed partial class LoyaltyEngine
{
    /// <summary>When a lot opened at <paramref name="at"/> expires, as far as is known then: a fixed or rolling lifetime in calendar
    /// months, or the start (local midnight) of the first day after the <see cref="LoyaltyOptions.ExpiryPeriodsAfter"/>-th period
    /// following the one of <paramref name="at"/>.</summary>
    private Instant ExpiryOf(Instant at)
    {
        var local = at.InZone(_zone).LocalDateTime;
        if (_expiryMode != LoyaltyExpiryMode.EndOfPeriod)
        {
            return local.PlusMonths(_lifetimeMonths).InZoneLeniently(_zone).ToInstant();
        }

        var periodStart = new LocalDate(local.Year, local.Month - ((local.Month - 1) % _expiryPeriodMonths), 1);
        return _zone.AtStartOfDay(periodStart.PlusMonths(_expiryPeriodMonths * (_expiryPeriodsAfter + 1))).ToInstant();
    }

    /// <summary>Under rolling expiry, where activity at <paramref name="at"/> pushes the member's points' expiry; null otherwise.</summary>
    private Instant? RollsTo(Instant at) => _expiryMode == LoyaltyExpiryMode.Rolling ? ExpiryOf(at) : null;

    /// <summary>When a lot credited at <paramref name="at"/> without activity (a credit adjustment, a transfer in) expires: as
    /// <see cref="ExpiryOf"/>, but under rolling expiry with the points the member holds, a member holding none getting a full lifetime.</summary>
    private Instant CreditExpiry(LoyaltyLedger ledger, Instant at)
        => RollsTo(at) is null ? ExpiryOf(at) : ledger.RollingExpiryAt(at) ?? ExpiryOf(at);

    /// <summary>The sentence an activity's entry ends with under rolling expiry; empty otherwise.</summary>
    private static string RollNote(Instant? rollsTo) => rollsTo is { } end ? $"; the member's points now expire at {end} unless they earn or redeem before" : string.Empty;

    /// <summary>The <c>loyalty.expiry-policy</c> reason of an explanation: how the points of a rolling or end-of-period policy
    /// expire; null for a fixed lifetime, which each lot's reason already says.</summary>
    private Reason? ExpiryPolicy(LoyaltyStatement statement)
    {
        var held = statement.Lots.Where(l => l.State != LoyaltyLotState.Expired).ToList();
        var next = held.Count == 0 ? "no points are held" : string.Create(CultureInfo.InvariantCulture, $"the next {held.Where(l => l.ExpiresAt == held[0].ExpiresAt).Sum(l => l.Remaining)} points expire at {held[0].ExpiresAt}");
        var data = new Dictionary<string, object?> { ["mode"] = _expiryMode, ["nextExpiry"] = held.Count == 0 ? null : held[0].ExpiresAt };
        return _expiryMode switch
        {
            LoyaltyExpiryMode.Rolling => new Reason("loyalty.expiry-policy", $"Rolling expiry: every point expires {_lifetimeMonths} months after the member's last earn or redemption; {next}.", data),
            LoyaltyExpiryMode.EndOfPeriod => new Reason("loyalty.expiry-policy", $"End-of-period expiry: points expire {PeriodPhrase()}, in {_zone.Id}; {next}.", data),
            _ => null,
        };
    }

    private string PeriodPhrase()
    {
        var period = _expiryPeriodMonths switch { 1 => "calendar month", 3 => "calendar quarter", _ => "calendar year" };
        return _expiryPeriodsAfter == 0
            ? $"at the end of the {period} they were earned in"
            : string.Create(CultureInfo.InvariantCulture, $"{_expiryPeriodsAfter} {period}{(_expiryPeriodsAfter == 1 ? string.Empty : "s")} after the end of the one they were earned in");
    }
}
