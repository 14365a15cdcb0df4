using System.Globalization;
using CustomerLifecycle.Profile;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the profile engine: facts, histories, policies, profiles and populations.</summary>
/// <remarks>
/// Histories span about two years from <see cref="Start"/> and mix every fact kind. Order, ticket and invoice ids come from
/// small pools, so refunds, resolutions and payments often refer to something open (and sometimes do not, or arrive twice);
/// features come from <see cref="Features"/> plus one the policy does not list. Use the <c>Gen</c>s directly in
/// <c>Prop.ForAll(gen.ToArbitrary(), …)</c>, or register <see cref="ProfileArbitraries"/> with FsCheck.Xunit's
/// <c>[Property(Arbitrary = …)]</c>.
/// </remarks>
public static class ProfileGenerators
{
    private static readonly string[] Channels = ["email", "call", "meeting"];

    /// <summary>Gets the instant histories start at: 2026-01-01T09:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 1, 9, 0);

    /// <summary>Gets the customer of the generated facts and histories: <c>c-1</c>.</summary>
    public static CustomerId Customer { get; } = CustomerId.From("c-1");

    /// <summary>Gets the features the generated policies list: <c>reports</c>, <c>exports</c>, <c>api</c>, <c>alerts</c>.</summary>
    public static IReadOnlyList<string> Features { get; } = ["reports", "exports", "api", "alerts"];

    /// <summary>Gets a generator of fact kinds, purchases, logins and feature usage the most frequent, every kind possible.</summary>
    public static Gen<CustomerFactKind> Kind { get; } = Gen.Frequency(
        (6, Gen.Constant(CustomerFactKind.Purchase)),
        (2, Gen.Constant(CustomerFactKind.Refund)),
        (6, Gen.Constant(CustomerFactKind.Login)),
        (4, Gen.Constant(CustomerFactKind.FeatureUsage)),
        (2, Gen.Constant(CustomerFactKind.Contact)),
        (1, Gen.Constant(CustomerFactKind.NpsAnswer)),
        (1, Gen.Constant(CustomerFactKind.CsatAnswer)),
        (2, Gen.Constant(CustomerFactKind.TicketOpened)),
        (2, Gen.Constant(CustomerFactKind.TicketResolved)),
        (1, Gen.Constant(CustomerFactKind.ComplaintOpened)),
        (1, Gen.Constant(CustomerFactKind.ComplaintResolved)),
        (2, Gen.Constant(CustomerFactKind.PaymentDue)),
        (2, Gen.Constant(CustomerFactKind.PaymentMade)),
        (1, Gen.Constant(CustomerFactKind.Referral)),
        (1, Gen.Constant(CustomerFactKind.Cancellation)),
        (1, Gen.Constant(CustomerFactKind.AttributesSet)));

    /// <summary>Gets a generator of histories of up to 40 facts of <see cref="Customer"/> with unique ids, in arrival order (not sorted by time).</summary>
    public static Gen<IReadOnlyList<CustomerFact>> History { get; } = HistoryOf(Customer, 40);

    /// <summary>Gets a generator of profile policies: the engines' default policies with the profile's windows and caps
    /// (purchase windows included) and the value the tiers rank
    /// varied, small enough that long histories reach every bound, and the value policy's time zone varied; always valid.</summary>
    public static Gen<ProfileOptions> Policy { get; } =
        from refundDays in Gen.Choose(1, 120)
        from orders in Gen.Choose(1, 6)
        from purchaseDays in Gen.Choose(1, 60)
        from purchaseTrendDays in Gen.Choose(1, 30)
        from loginDays in Gen.Choose(1, 28)
        from trendMonths in Gen.Choose(1, 4)
        from supportDays in Gen.Choose(1, 90)
        from openItems in Gen.Choose(1, 4)
        from duplicates in Gen.Choose(1, 64)
        from tierValue in Gen.Elements(ProfileTierValue.NetSpend, ProfileTierValue.Clv)
        from zone in Gen.Elements("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo")
        from leads in Gen.Elements(false, true)
        from leadInteractions in Gen.Choose(1, 8)
        select new ProfileOptions
        {
            LeadScoring = leads ? LeadPolicy() : null,
            MaxLeadInteractions = leadInteractions,
            Features = [.. Features],
            RefundWindowDays = refundDays,
            MaxRecentOrders = orders,
            TierValue = tierValue,
            PurchaseWindowDays = purchaseDays,
            PurchaseTrendDays = purchaseTrendDays,
            LoginWindowDays = loginDays,
            UsageTrendMonths = trendMonths,
            SupportWindowDays = supportDays,
            MaxOpenItems = openItems,
            DuplicateWindow = duplicates,
            Value = new Value.ValueOptions { TimeZoneId = zone },
        };

    /// <summary>A lead-scoring policy the generated facts move: the default fit and negative rules plus an
    /// <c>"ideal-profile"</c> flag rule, the contact channels as interaction kinds (email 20, call 30, meeting 40 points), so
    /// that generated prospects are qualified, unqualified and disqualified (<c>"outside-icp"</c>) as their facts arrive.</summary>
    /// <returns>A new policy.</returns>
    public static LeadScoring.LeadScoringOptions LeadPolicy()
    {
        var options = new LeadScoring.LeadScoringOptions
        {
            InteractionKinds =
            [
                new() { Kind = "email", Points = 20 },
                new() { Kind = "call", Points = 30 },
                new() { Kind = "meeting", Points = 40 },
            ],
        };
        options.FitRules.Add(new() { Id = "ideal", Kind = LeadScoring.LeadRuleKind.HasFlag, Values = ["ideal-profile"], Points = 20 });
        return options;
    }

    /// <summary>A generator of one fact of <paramref name="customer"/> with the given id, within <paramref name="days"/> of <see cref="Start"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="id">The fact's id.</param>
    /// <param name="days">The span the fact falls in, in days from <see cref="Start"/>: two years by default; a few days
    /// put several facts on one day (purchases and refunds on the first purchase day, say).</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default, or <paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not positive.</exception>
    public static Gen<CustomerFact> Fact(CustomerId customer, string id, int days = 730)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return from kind in Kind
               from hours in Gen.Choose(0, 24 * days)
               from reference in Gen.Choose(1, 6)
               from cents in Gen.Choose(0, 50_000)
               from score in Gen.Choose(0, 10)
               from flags in Gen.Choose(0, 15)
               select Make(customer, id, kind, Start + Duration.FromHours(hours), reference, cents / 100.0, score, flags);
    }

    /// <summary>A generator of histories of <paramref name="customer"/>: up to <paramref name="maxFacts"/> facts with unique ids, in arrival order.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="maxFacts">The largest number of facts.</param>
    /// <param name="days">The span the facts fall in, in days from <see cref="Start"/> (see <see cref="Fact"/>).</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFacts"/> is negative, or <paramref name="days"/> is not positive.</exception>
    public static Gen<IReadOnlyList<CustomerFact>> HistoryOf(CustomerId customer, int maxFacts, int days = 730)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFacts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return from count in Gen.Choose(0, maxFacts)
               from facts in Gen.CollectToList(Enumerable.Range(0, count), i => Fact(customer, string.Create(CultureInfo.InvariantCulture, $"f-{i:D4}"), days))
               select (IReadOnlyList<CustomerFact>)[.. facts];
    }

    /// <summary>A generator of profiles <paramref name="policy"/>'s engine builds by replaying a purchase at <see cref="Start"/> followed by a generated history.</summary>
    /// <remarks>The leading purchase makes sure there is a profile even when every generated fact is refused.</remarks>
    /// <param name="policy">The policy; validated once, here.</param>
    /// <param name="customer">The customer.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Gen<ProfileRecord> Profile(ProfileOptions policy, CustomerId customer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CustomerId.ThrowIfDefault(customer);
        var engine = new ProfileEngine(policy);
        var first = CustomerFact.Purchase("f-first", customer, Start, "o-first", 50);
        return HistoryOf(customer, 40).Select(history => engine.Replay(customer, [first, .. history]).Profile!);
    }

    /// <summary>A generator of populations of 1 to <paramref name="maxCustomers"/> profiles of customers <c>c-0</c>, <c>c-1</c>, … built by <paramref name="policy"/>'s engine.</summary>
    /// <param name="policy">The policy; validated once per customer, here.</param>
    /// <param name="maxCustomers">The largest number of customers; at least 1.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCustomers"/> is less than 1.</exception>
    public static Gen<ProfileRecord[]> Population(ProfileOptions policy, int maxCustomers)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCustomers, 1);
        return from count in Gen.Choose(1, maxCustomers)
               from profiles in Gen.CollectToList(Enumerable.Range(0, count), i => Profile(policy, CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"c-{i}"))))
               select profiles.ToArray();
    }

    /// <summary>Creates a fact of any kind, filling what the kind needs from the given values.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="id">The fact's id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="reference">Picks the order, ticket or invoice id (<c>o-3</c>, <c>t-3</c>, <c>i-3</c>), the feature (the policy's, or <c>beta</c> for 5 and 6) and the channel.</param>
    /// <param name="amount">The purchase or refund amount (a refund of 0 refunds 1).</param>
    /// <param name="score">The NPS answer (0–10); a CSAT answer is <c>score / 2</c> clamped to 1–5.</param>
    /// <param name="flags">The ideal-profile, growth and benchmark flags of an attributes fact, as bits 0, 1 and 2; bit 3 tags
    /// the customer <c>"outside-icp"</c>, which <see cref="LeadPolicy"/> disqualifies.</param>
    /// <returns>The fact.</returns>
    public static CustomerFact Make(CustomerId customer, string id, CustomerFactKind kind, Instant at, int reference = 1, double amount = 100, int score = 9, int flags = 0)
    {
        var order = string.Create(CultureInfo.InvariantCulture, $"o-{reference}");
        var ticket = string.Create(CultureInfo.InvariantCulture, $"t-{reference}");
        var invoice = string.Create(CultureInfo.InvariantCulture, $"i-{reference}");
        return kind switch
        {
            CustomerFactKind.Purchase => CustomerFact.Purchase(id, customer, at, order, amount),
            CustomerFactKind.Refund => CustomerFact.Refund(id, customer, at, order, Math.Max(1, amount / 4)),
            CustomerFactKind.Login => CustomerFact.Login(id, customer, at),
            CustomerFactKind.FeatureUsage => CustomerFact.FeatureUsage(id, customer, at, reference <= Features.Count ? Features[reference - 1] : "beta", reference),
            CustomerFactKind.Contact => CustomerFact.Contact(id, customer, at, Channels[reference % Channels.Length]),
            CustomerFactKind.NpsAnswer => CustomerFact.NpsAnswer(id, customer, at, score),
            CustomerFactKind.CsatAnswer => CustomerFact.CsatAnswer(id, customer, at, Math.Clamp(score / 2, 1, 5)),
            CustomerFactKind.TicketOpened => CustomerFact.TicketOpened(id, customer, at, ticket),
            CustomerFactKind.TicketResolved => CustomerFact.TicketResolved(id, customer, at, ticket),
            CustomerFactKind.ComplaintOpened => CustomerFact.ComplaintOpened(id, customer, at, ticket),
            CustomerFactKind.ComplaintResolved => CustomerFact.ComplaintResolved(id, customer, at, ticket),
            CustomerFactKind.PaymentDue => CustomerFact.PaymentDue(id, customer, at, invoice, at + Duration.FromDays(14)),
            CustomerFactKind.PaymentMade => CustomerFact.PaymentMade(id, customer, at, invoice),
            CustomerFactKind.Referral => CustomerFact.Referral(id, customer, at),
            CustomerFactKind.Cancellation => CustomerFact.Cancellation(id, customer, at),
            _ => CustomerFact.AttributesSet(id, customer, at, new CustomerAttributes("software", "50-200", "EU", (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0)
            {
                Flags = (flags & 8) != 0 ? ["outside-icp"] : [],
            }),
        };
    }
}
