using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringEngineContactTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2024, 2, 15, 12, 0);
    private readonly TieringEngine _engine = new(new TieringOptions());

    [Fact]
    public void PlanContacts_DueIsLastContactPlusTheTierInterval()
    {
        var last = Instant.FromUtc(2024, 1, 1, 12, 0);
        ContactInput[] inputs = [new(0, last), new(1, last), new(2, last), new(3, last)];
        var outputs = new ContactDue[4];

        _engine.PlanContacts(inputs, AsOf, outputs);

        Assert.Equal(
            [Instant.FromUtc(2024, 1, 31, 12, 0), Instant.FromUtc(2024, 4, 1, 12, 0), Instant.FromUtc(2024, 7, 1, 12, 0), Instant.FromUtc(2024, 12, 31, 12, 0)],
            outputs.Select(o => o.NextDue));
        Assert.Equal((true, 15), (outputs[0].Overdue, outputs[0].DaysOverdue));
        Assert.Equal(Instant.FromUtc(2024, 1, 16, 12, 0), outputs[0].EarliestNext);
        Assert.All(outputs.Skip(1), o => Assert.Equal((false, 0), (o.Overdue, o.DaysOverdue)));
    }

    [Fact]
    public void PlanContacts_NeverContacted_IsDueNow()
    {
        var outputs = new ContactDue[1];

        _engine.PlanContacts([new ContactInput(2)], AsOf, outputs);

        Assert.Equal(new ContactDue(AsOf, AsOf, false, 0, null), outputs[0]);
    }

    [Fact]
    public void PlanContacts_Birthday_IsALocalDateInTheCustomersZone()
    {
        // 2024-03-09T23:30Z is already 10 March in Auckland (UTC+13), so the birthday on 9 March has passed there.
        var asOf = Instant.FromUtc(2024, 3, 9, 23, 30);
        var birthday = new LocalDate(1980, 3, 9);
        var outputs = new ContactDue[2];

        _engine.PlanContacts([new(0, TimeZoneId: "Pacific/Auckland", Birthday: birthday), new(0, Birthday: birthday)], asOf, outputs);

        Assert.Null(outputs[0].NextKeyMoment);
        Assert.Equal(new LocalDate(2024, 3, 9), outputs[1].NextKeyMoment);
    }

    [Fact]
    public void PlanContacts_LeapDayBirthday_FallsOn28FebruaryInOtherYears()
    {
        var outputs = new ContactDue[1];

        _engine.PlanContacts([new(0, Birthday: new LocalDate(1992, 2, 29))], Instant.FromUtc(2023, 2, 20, 0, 0), outputs);

        Assert.Equal(new LocalDate(2023, 2, 28), outputs[0].NextKeyMoment);
    }

    [Fact]
    public void PlanContacts_Anniversary_NeedsAYearToHavePassed()
    {
        var outputs = new ContactDue[2];

        _engine.PlanContacts([new(1, CompanyAnniversary: new LocalDate(2024, 2, 20)), new(1, CompanyAnniversary: new LocalDate(2020, 2, 20))], AsOf, outputs);

        Assert.Null(outputs[0].NextKeyMoment);
        Assert.Equal(new LocalDate(2024, 2, 20), outputs[1].NextKeyMoment);
    }

    [Fact]
    public void PlanContacts_BadInputs_NameTheField()
    {
        var outputs = new ContactDue[2];

        Assert.Equal(
            "inputs[1].Tier: must be between 0 and 3 but was 4. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.PlanContacts([new(0), new(4)], AsOf, outputs)).Message);
        Assert.Equal(
            "inputs[0].TimeZoneId: 'Mars/Olympus' is not an IANA time zone id known to the TZDB. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.PlanContacts([new(0, TimeZoneId: "Mars/Olympus")], AsOf, outputs)).Message);
        Assert.Equal(
            "outputs: must hold at least 2 results (one per customer) but holds 1. (Parameter 'outputs')",
            Assert.Throws<ArgumentException>(() => _engine.PlanContacts([new(0), new(0)], AsOf, new ContactDue[1])).Message);
        Assert.All(outputs, o => Assert.Equal(default, o));
    }

    [Fact]
    public void PlanContacts_WarmSecondCall_AllocatesNothing()
    {
        var inputs = Enumerable.Range(0, 1000)
            .Select(i => new ContactInput(i % 4, AsOf - Duration.FromDays(i % 400), i % 2 == 0 ? "Europe/Berlin" : null, new LocalDate(1980, 1 + (i % 12), 1 + (i % 28))))
            .ToArray();
        var outputs = new ContactDue[inputs.Length];
        _engine.PlanContacts(inputs, AsOf, outputs);

        var allocated = Allocations.Fewest(() => _engine.PlanContacts(inputs, AsOf, outputs));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void PlanContact_ListsKeyMomentsWithTheTierTheme()
    {
        var input = new ContactInput(0, Instant.FromUtc(2024, 1, 1, 12, 0), "Europe/Berlin", new LocalDate(1975, 3, 1), new LocalDate(2019, 2, 20), ProductUpdate: true, Anomaly: true);

        var plan = _engine.PlanContact(input, AsOf);

        const string theme = "strategic reviews, executive visits, exclusive benefits, roadmap";
        Assert.Equal("Core", plan.Tier);
        Assert.Equal(theme, plan.Theme);
        Assert.Equal(
            [
                new KeyMoment(KeyMomentKind.ProductUpdate, new LocalDate(2024, 2, 15), theme),
                new KeyMoment(KeyMomentKind.Anomaly, new LocalDate(2024, 2, 15), theme),
                new KeyMoment(KeyMomentKind.CompanyAnniversary, new LocalDate(2024, 2, 20), theme),
                new KeyMoment(KeyMomentKind.Birthday, new LocalDate(2024, 3, 1), theme),
            ],
            plan.KeyMoments);
        Assert.Equal(["tiering.contact-overdue", "tiering.key-moment", "tiering.key-moment", "tiering.key-moment", "tiering.key-moment"], plan.Reasons.Select(r => r.Code));
        Assert.Equal("Overdue by 15 days: a Core customer is contacted every 30 days and was last contacted 2024-01-01T12:00:00Z.", plan.Reasons[0].Message);
        Assert.Equal($"Birthday on 2024-03-01: contact with the Core theme ({theme}).", plan.Reasons[4].Message);
    }

    [Fact]
    public void PlanContact_NeverAndScheduled_AreReasons()
    {
        var never = _engine.PlanContact(new ContactInput(3), AsOf);
        var scheduled = _engine.PlanContact(new ContactInput(3, AsOf - Duration.FromDays(10)), AsOf);

        Assert.Equal("tiering.contact-never", never.Reasons[0].Code);
        Assert.Equal("Never contacted: a General customer is due a contact now.", never.Reasons[0].Message);
        Assert.Equal("Next General contact due 2025-02-04T12:00:00Z (365 days after the last one).", scheduled.Reasons[0].Message);
    }
}
