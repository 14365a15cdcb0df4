using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// The lifecycle's event stream as loyalty activity: the events that earn points become the <see cref="LoyaltyActivity"/>
/// commands a host applies, so one stream feeds both engines.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>lifecycle event</term><description>loyalty activity</description></listheader>
/// <item><term><see cref="LifecycleEventKind.Referral"/></term><description><see cref="LoyaltyActivityKind.ReferralConverted"/></description></item>
/// <item><term><see cref="LifecycleEventKind.NpsAnswer"/>, any score</term><description><see cref="LoyaltyActivityKind.SurveyAnswered"/></description></item>
/// <item><term>every other kind</term><description>none: a purchase earns through a <see cref="LoyaltyPurchase"/>, which carries the amount the event lacks</description></item>
/// </list>
/// <para>An NPS answer earns whatever its score: rewarding only good scores would buy them. A host that reports a referral
/// when it is made rather than when it converts should send the activity itself on conversion instead.</para>
/// <para>The activity's key is <see cref="KeyPrefix"/> and the event's id, so a redelivered event is a duplicate in the ledger
/// too, and an event id cannot collide with the key of another command; its member and instant are the event's.</para>
/// </remarks>
public static class LoyaltyLifecycleEvents
{
    /// <summary>The prefix of the key of an activity made from a lifecycle event: <c>"lifecycle:"</c>.</summary>
    public const string KeyPrefix = "lifecycle:";

    /// <summary>The loyalty activity a lifecycle event earns, or null when it earns none.</summary>
    /// <param name="lifecycleEvent">The event, as the host reports it to the lifecycle engine.</param>
    /// <returns>The activity to apply (e.g. with <see cref="LoyaltyService.ApplyAsync"/>), or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lifecycleEvent"/> is null.</exception>
    public static LoyaltyActivity? ToActivity(LifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        LoyaltyActivityKind? kind = lifecycleEvent.Kind switch
        {
            LifecycleEventKind.Referral => LoyaltyActivityKind.ReferralConverted,
            LifecycleEventKind.NpsAnswer => LoyaltyActivityKind.SurveyAnswered,
            _ => null,
        };
        return kind is { } activity
            ? new LoyaltyActivity { Key = KeyPrefix + lifecycleEvent.Id, Member = lifecycleEvent.Customer, At = lifecycleEvent.OccurredAt, Kind = activity }
            : null;
    }
}
