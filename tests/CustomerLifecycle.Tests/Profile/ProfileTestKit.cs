using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>Five customers with two years of facts, evaluated at 2027-01-01, whose every figure is worked out by hand in
/// ProfileExampleTests: RFM uses the policy's fixed thresholds so that scores can be read off the facts.</summary>
internal static class ProfileTestKit
{
    public static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);

    public static readonly CustomerId Ada = CustomerId.From("ada");
    public static readonly CustomerId Bob = CustomerId.From("bob");
    public static readonly CustomerId Cy = CustomerId.From("cy");
    public static readonly CustomerId Dee = CustomerId.From("dee");
    public static readonly CustomerId Eve = CustomerId.From("eve");

    /// <summary>The value model of the value docs (CDNOW, weekly), so that a CLV can be checked against the value engine.</summary>
    public static readonly ValueModel Model = ValueModel.FromBgNbd(BgNbdParameters.From(0.243, 4.414, 0.793, 2.426), GammaGammaParameters.From(6.25, 3.74, 15.44));

    public static ProfileOptions Policy() => new()
    {
        Features = ["reports", "exports", "api", "alerts"],
        Tiering = new TieringOptions { Rfm = new RfmOptions { Method = RfmScoringMethod.Thresholds } },
    };

    public static readonly ProfileEngine Engine = new(Policy());

    public static Instant At(int year, int month, int day, int hour = 10) => Instant.FromUtc(year, month, day, hour, 0);

    /// <summary>Growing since 2026-11-03: four purchases (570), two of four features, 12 logins in the last 28 days, NPS 8, an invoice paid.</summary>
    public static IEnumerable<CustomerFact> AdaFacts()
    {
        yield return CustomerFact.Purchase("ada-p1", Ada, At(2026, 8, 3), "o-1", 100);
        yield return CustomerFact.AttributesSet("ada-a", Ada, At(2026, 8, 3, 11), new CustomerAttributes("software", "10-50", "EU", HasGrowthPotential: true));
        yield return CustomerFact.FeatureUsage("ada-u1", Ada, At(2026, 8, 10), "reports", 4);
        yield return CustomerFact.Purchase("ada-p2", Ada, At(2026, 9, 7), "o-2", 150);
        yield return CustomerFact.FeatureUsage("ada-u2", Ada, At(2026, 9, 10), "exports", 4);
        yield return CustomerFact.Purchase("ada-p3", Ada, At(2026, 10, 5), "o-3", 200);
        yield return CustomerFact.Purchase("ada-p4", Ada, At(2026, 11, 2), "o-4", 120);
        yield return CustomerFact.NpsAnswer("ada-n", Ada, At(2026, 11, 15), 8);
        yield return CustomerFact.PaymentDue("ada-i", Ada, At(2026, 11, 20), "i-1", At(2026, 12, 2));
        yield return CustomerFact.PaymentMade("ada-ip", Ada, At(2026, 11, 25), "i-1");
        for (var day = 6; day <= 28; day += 2)
        {
            yield return CustomerFact.Login($"ada-l{day}", Ada, At(2026, 12, day));
        }
    }

    /// <summary>Loyal: 19 monthly purchases of 500 from 2025-06-15 less a refund of 200, a referral, every feature, 16 logins in the last 28 days.</summary>
    public static IEnumerable<CustomerFact> BobFacts()
    {
        var month = new LocalDate(2025, 6, 15);
        for (var i = 0; i < 19; i++, month = month.PlusMonths(1))
        {
            var at = month.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(10);
            yield return CustomerFact.Purchase($"bob-p{i:D2}", Bob, at, $"o-{i:D2}", 500);
        }

        yield return CustomerFact.Referral("bob-r", Bob, At(2026, 3, 1));
        yield return CustomerFact.NpsAnswer("bob-n", Bob, At(2026, 10, 1), 10);
        string[] features = ["reports", "exports", "api", "alerts"];
        foreach (var feature in features)
        {
            yield return CustomerFact.FeatureUsage($"bob-u-{feature}", Bob, At(2026, 12, 2), feature);
        }

        for (var day = 5; day <= 20; day++)
        {
            yield return CustomerFact.Login($"bob-l{day}", Bob, At(2026, 12, day, 8));
        }

        yield return CustomerFact.Contact("bob-c", Bob, At(2026, 12, 15, 12), "call");
        yield return CustomerFact.Refund("bob-rf", Bob, At(2026, 12, 20, 12), "o-18", 200);
    }

    /// <summary>Churned on cancelling (2026-11-20) after two purchases (600), monthly logins, open tickets and an NPS of 3.</summary>
    public static IEnumerable<CustomerFact> CyFacts()
    {
        yield return CustomerFact.Purchase("cy-p1", Cy, At(2026, 2, 1), "o-1", 300);
        yield return CustomerFact.Purchase("cy-p2", Cy, At(2026, 3, 1), "o-2", 300);
        for (var month = 2; month <= 11; month++)
        {
            yield return CustomerFact.Login($"cy-l{month:D2}", Cy, At(2026, month, 10));
        }

        yield return CustomerFact.TicketOpened("cy-t1", Cy, At(2026, 10, 20), "t-1");
        yield return CustomerFact.ComplaintOpened("cy-t2", Cy, At(2026, 11, 1), "t-2");
        yield return CustomerFact.TicketOpened("cy-t3", Cy, At(2026, 11, 5), "t-3");
        yield return CustomerFact.TicketResolved("cy-t3r", Cy, At(2026, 11, 6), "t-3");
        yield return CustomerFact.NpsAnswer("cy-n", Cy, At(2026, 11, 10), 3);
        yield return CustomerFact.Cancellation("cy-x", Cy, At(2026, 11, 20));
    }

    /// <summary>Engaged, never bought: a contact, two logins, and the ideal profile.</summary>
    public static IEnumerable<CustomerFact> DeeFacts()
    {
        yield return CustomerFact.Contact("dee-c", Dee, At(2026, 12, 1), "email");
        yield return CustomerFact.Login("dee-l1", Dee, At(2026, 12, 10));
        yield return CustomerFact.Login("dee-l2", Dee, At(2026, 12, 11));
        yield return CustomerFact.AttributesSet("dee-a", Dee, At(2026, 12, 12), new CustomerAttributes(MatchesIdealProfile: true));
    }

    /// <summary>Onboarding: an invoice 30 days overdue, one purchase of 80 with 30 refunded.</summary>
    public static IEnumerable<CustomerFact> EveFacts()
    {
        yield return CustomerFact.PaymentDue("eve-i", Eve, At(2026, 11, 15), "i-7", At(2026, 12, 2, 0));
        yield return CustomerFact.Purchase("eve-p", Eve, At(2026, 12, 10), "o-1", 80);
        yield return CustomerFact.Refund("eve-rf", Eve, At(2026, 12, 12), "o-1", 30);
    }

    public static ProfileRecord Build(CustomerId customer, IEnumerable<CustomerFact> facts) => Engine.Replay(customer, facts).Profile!;

    public static ProfileRecord[] Population() =>
    [
        Build(Ada, AdaFacts()),
        Build(Bob, BobFacts()),
        Build(Cy, CyFacts()),
        Build(Dee, DeeFacts()),
        Build(Eve, EveFacts()),
    ];

    /// <summary>The five customers' cuts with <see cref="Model"/> as the fitted CLV model.</summary>
    public static ProfilePopulation WithModel(ProfilePopulation prepared)
        => new(prepared.AsOf, prepared.Count, prepared.Rfm, prepared.ValueTiers, prepared.Fit with { Model = Model }, prepared.PolicyFingerprint);
}
