using CustomerLifecycle.Profile;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

public sealed class CustomerFactTests
{
    [Fact]
    public void AnNpsAnswerOutsideZeroToTen_IsRefused_NamingTheFieldAndValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.NpsAnswer("f-1", Ada, AsOf, 11));

        Assert.Equal("score", ex.ParamName);
        Assert.StartsWith("Score: an NPS answer must be in [0, 10] but was 11.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFactoryRefusesItsKindsBadValues()
    {
        Assert.StartsWith("Score: a CSAT answer must be in [1, 5] but was 0.", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.CsatAnswer("f", Ada, AsOf, 0)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Amount: a purchase amount must be a finite number >= 0 but was -5.", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.Purchase("f", Ada, AsOf, "o-1", -5)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Amount: a purchase amount must be a finite number >= 0 but was NaN.", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.Purchase("f", Ada, AsOf, "o-1", double.NaN)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Amount: a refund amount must be a finite number > 0 but was 0.", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.Refund("f", Ada, AsOf, "o-1", 0)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Quantity: a feature usage must be at least 1 but was 0.", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.FeatureUsage("f", Ada, AsOf, "api", 0)).Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "DueAt: an invoice must not be due before it is issued (2027-01-01T00:00:00Z) but was 2026-12-31T00:00:00Z.",
            Assert.Throws<ArgumentOutOfRangeException>(() => CustomerFact.PaymentDue("f", Ada, AsOf, "i-1", At(2026, 12, 31, 0))).Message,
            StringComparison.Ordinal);
        Assert.Equal("orderId", Assert.Throws<ArgumentException>(() => CustomerFact.Purchase("f", Ada, AsOf, " ", 1)).ParamName);
        Assert.Equal("customer", Assert.Throws<ArgumentException>(() => CustomerFact.Login("f", default, AsOf)).ParamName);
        Assert.Throws<ArgumentNullException>(() => CustomerFact.AttributesSet("f", Ada, AsOf, null!));
    }

    [Fact]
    public void AFact_CarriesOnlyItsKindsValues()
    {
        var fact = CustomerFact.FeatureUsage("f-1", Ada, AsOf, "api", 3);

        Assert.Equal((CustomerFactKind.FeatureUsage, "api", 3), (fact.Kind, fact.Feature, fact.Quantity));
        Assert.Null(fact.Amount);
        Assert.Null(fact.OrderId);
        Assert.Equal("FeatureUsage f-1 at 2027-01-01T00:00:00Z", fact.ToString());
    }
}
