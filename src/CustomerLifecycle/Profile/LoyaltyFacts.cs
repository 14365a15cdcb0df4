using CustomerLifecycle.Loyalty;

namespace CustomerLifecycle.Profile;

/// <summary>
/// The customer's facts as loyalty commands: the facts that earn (or take back) points become the command a host applies to
/// the customer's ledger, so one stream of facts feeds the profile and the loyalty programme.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>fact</term><description>loyalty command</description></listheader>
/// <item><term><see cref="CustomerFactKind.Purchase"/> of an amount &gt; 0</term><description><see cref="LoyaltyPurchase"/> of the order id and amount (a free order earns nothing)</description></item>
/// <item><term><see cref="CustomerFactKind.Refund"/></term><description><see cref="LoyaltyRefund"/> of the order id and amount: inside the holding period it cancels pending points, after it claws them back</description></item>
/// <item><term><see cref="CustomerFactKind.Login"/></term><description><see cref="LoyaltyLogin"/>, counted towards the programme's login streak</description></item>
/// <item><term><see cref="CustomerFactKind.NpsAnswer"/>, <see cref="CustomerFactKind.CsatAnswer"/>, any score</term><description><see cref="LoyaltyActivity"/> <see cref="LoyaltyActivityKind.SurveyAnswered"/></description></item>
/// <item><term><see cref="CustomerFactKind.Referral"/></term><description><see cref="LoyaltyActivity"/> <see cref="LoyaltyActivityKind.ReferralConverted"/></description></item>
/// <item><term>every other kind</term><description>none</description></item>
/// </list>
/// <para>Surveys and referrals earn as <see cref="LoyaltyLifecycleEvents.ToActivity"/> has the lifecycle events earn: an
/// answer whatever its score, as rewarding only good scores would buy them.</para>
/// <para>The command's key is <see cref="KeyPrefix"/> and the fact's id, so a fact applied again is a duplicate in the ledger
/// too, and a fact id cannot collide with the key of a command the host sends itself (a redemption, say); its member and
/// instant are the fact's.</para>
/// </remarks>
public static class LoyaltyFacts
{
    /// <summary>The prefix of the key of a command made from a fact: <c>"fact:"</c>.</summary>
    public const string KeyPrefix = "fact:";

    // Above this a double does not fit a decimal; the ledger refuses any amount over 10^9 anyway, and says so.
    private const double LargestAmount = 1e28;

    /// <summary>The loyalty command a fact earns, or null when it earns none.</summary>
    /// <param name="fact">The fact, as the host reports it to the profile.</param>
    /// <returns>The command to apply to the customer's ledger (e.g. with <see cref="LoyaltyService.ApplyAsync"/>), or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public static LoyaltyCommand? ToCommand(CustomerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var key = KeyPrefix + fact.Id;
        return fact.Kind switch
        {
            CustomerFactKind.Purchase when fact.Amount > 0 => new LoyaltyPurchase { Key = key, Member = fact.Customer, At = fact.OccurredAt, OrderId = fact.OrderId!, Amount = Money(fact.Amount!.Value) },
            CustomerFactKind.Refund => new LoyaltyRefund { Key = key, Member = fact.Customer, At = fact.OccurredAt, OrderId = fact.OrderId!, Amount = Money(fact.Amount!.Value) },
            CustomerFactKind.Login => new LoyaltyLogin { Key = key, Member = fact.Customer, At = fact.OccurredAt },
            CustomerFactKind.NpsAnswer or CustomerFactKind.CsatAnswer => Activity(key, fact, LoyaltyActivityKind.SurveyAnswered),
            CustomerFactKind.Referral => Activity(key, fact, LoyaltyActivityKind.ReferralConverted),
            _ => null,
        };
    }

    private static LoyaltyActivity Activity(string key, CustomerFact fact, LoyaltyActivityKind kind)
        => new() { Key = key, Member = fact.Customer, At = fact.OccurredAt, Kind = kind };

    /// <summary>A fact's amount as the ledger's decimal: 15 significant digits, so 1250.8 stays 1250.8.</summary>
    private static decimal Money(double amount) => amount < LargestAmount ? (decimal)amount : decimal.MaxValue;
}
