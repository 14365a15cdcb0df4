using System.Globalization;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>The loyalty programme beside the profile: the ledger is unbounded, so it stays a <see cref="LoyaltyRecord"/> of
/// its own, which the evaluation reads next to the profile; and the evaluations of a customer without one.</summary>
public sealed partial class ProfileEngine
{
    /// <summary>Evaluates one customer who has no loyalty ledger (or under a policy with no programme) at an instant with every engine.</summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <returns>What <see cref="Evaluate(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/> returns for no ledger:
    /// with a programme, the statement of an empty one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV settings or tier value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    public CustomerView Evaluate(ProfileRecord profile, ProfilePopulation population, Instant asOf) => Evaluate(profile, null, population, asOf);

    /// <summary>Evaluates many customers, none with a loyalty ledger, at one instant, writing compact outputs.</summary>
    /// <param name="profiles">The profiles; none may be null.</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before any profile's latest fact.</param>
    /// <param name="outputs">Receives one summary per profile, at the same index; at least as long as <paramref name="profiles"/>.</param>
    /// <returns>How many profiles changed (a time-based lifecycle rule fired, the health band fed changed, or the tier state advanced).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV
    /// settings or tier value; <paramref name="outputs"/> is shorter than <paramref name="profiles"/>, or a profile is null (nothing is written then).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before a profile's latest fact (nothing is written then).</exception>
    public int Evaluate(ReadOnlySpan<ProfileRecord> profiles, ProfilePopulation population, Instant asOf, Span<CustomerViewSummary> outputs)
        => Evaluate(profiles, [], population, asOf, outputs);

    /// <summary>Evaluates one customer who has no loyalty ledger (or under a policy with no programme) and explains the view.</summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <returns>What <see cref="Explain(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/> returns for no ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV settings or tier value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    public Explanation<CustomerView> Explain(ProfileRecord profile, ProfilePopulation population, Instant asOf) => Explain(profile, null, population, asOf);

    /// <summary>The loyalty command a fact earns under the policy's programme (see <see cref="LoyaltyFacts"/>), for a host that
    /// keeps the ledger itself (<see cref="ProfileService"/> and the Orleans grain do this for theirs).</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The command, keyed by the fact's id; null without a programme, for a fact that earns nothing, or for a login
    /// under a programme without a login streak (which would only be refused).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public LoyaltyCommand? LoyaltyCommandOf(CustomerFact fact)
        => fact is null ? throw new ArgumentNullException(nameof(fact)) : _loyalty is null || (fact.Kind == CustomerFactKind.Login && !_loyaltyCountsLogins) ? null : LoyaltyFacts.ToCommand(fact);

    /// <summary>The balance of a customer's ledger, or of an empty one for a customer who has none (as the loyalty engine
    /// gives it, without making the ledger); null without a programme.</summary>
    private LoyaltyBalance? Balance(CustomerId customer, LoyaltyRecord? record, Instant asOf)
    {
        if (_loyalty is null)
        {
            return null;
        }

        if (record is not { } ledger)
        {
            return new LoyaltyBalance(customer, asOf, Available: 0, Pending: 0, Expired: 0, Redeemed: 0, Earned: 0, Reversed: 0, Debt: 0, ExpiringSoon: 0, NextExpiry: null, Value: 0m);
        }

        var balance = default(LoyaltyBalance);
        _loyalty.Evaluate(new ReadOnlySpan<LoyaltyRecord>(in ledger), asOf, new Span<LoyaltyBalance>(ref balance));
        return balance;
    }

    /// <summary>The loyalty engine's own reasons for the view's statement (codes <c>loyalty.</c>); none without a programme.</summary>
    /// <remarks>The loyalty engine explains what it evaluates, so the statement is evaluated again here: an explanation is for
    /// the few customers a person looks at, and the loyalty engine's reasons stay its own.</remarks>
    private IReadOnlyList<Reason> LoyaltyReasons(CustomerView view, LoyaltyRecord? loyalty)
        => _loyalty is null ? [] : _loyalty.Explain(loyalty ?? new LoyaltyRecord { Member = view.Profile.Customer }, view.AsOf).Reasons;

    private void CheckLedgers(ReadOnlySpan<ProfileRecord> profiles, ReadOnlySpan<LoyaltyRecord?> loyalty)
    {
        if (!loyalty.IsEmpty && loyalty.Length != profiles.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"loyalty: must be empty (no ledgers) or as long as profiles ({profiles.Length}) but was {loyalty.Length}."),
                nameof(loyalty));
        }

        for (var i = 0; i < loyalty.Length; i++)
        {
            CheckLedger(profiles[i], loyalty[i], i);
        }
    }

    /// <summary>Refuses a ledger that is another member's, or any ledger when the policy has no programme.</summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="ledger">The ledger given beside it.</param>
    /// <param name="index">Its index in a batch, or -1 for a single evaluation (the message names the parameter then).</param>
    private void CheckLedger(ProfileRecord profile, LoyaltyRecord? ledger, int index)
    {
        if (ledger is null)
        {
            return;
        }

        if (_loyalty is null || ledger.Member != profile.Customer)
        {
            var name = index < 0 ? "loyalty" : string.Create(CultureInfo.InvariantCulture, $"loyalty[{index}]");
            throw new ArgumentException(
                _loyalty is null
                    ? $"{name}: the policy has no loyalty programme (ProfileOptions.Loyalty is null), so there is no ledger to read."
                    : $"{name}: the ledger is for member '{ledger.Member}', not customer '{profile.Customer}'.",
                "loyalty");
        }
    }
}
