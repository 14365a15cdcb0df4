using CustomerLifecycle.Calendars;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Testing.Tests.Generators;

/// <summary>The generators produce what their documentation promises, and the arbitraries register with FsCheck.Xunit.</summary>
public sealed class GeneratorsProperties
{
    private static readonly FeedbackEngine DefaultFeedback = new(new FeedbackOptions());

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 30)]
    public bool Lifecycle_PoliciesAreValid(LifecycleOptions policy) => new LifecycleEngine(policy).Stages.Count == 11;

    [Property(Arbitrary = [typeof(LifecycleArbitraries)])]
    public bool Lifecycle_HistoriesHaveUniqueIdsOfOneCustomerWithinTwoYears(IReadOnlyList<LifecycleEvent> history) =>
        history.Count <= 40
        && history.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() == history.Count
        && history.All(e => e.Customer == LifecycleGenerators.Customer)
        && history.All(e => e.OccurredAt >= LifecycleGenerators.Start && e.OccurredAt <= LifecycleGenerators.Start + NodaTime.Duration.FromDays(730));

    [Property(Arbitrary = [typeof(LifecycleArbitraries)])]
    public bool Lifecycle_RecordsAreTheEnginesOwn(LifecycleRecord record) =>
        new LifecycleEngine(new LifecycleOptions()).Stages.Contains(record.Stage)
        && record.Customer == LifecycleGenerators.Customer
        && record.EventCount is >= 1 and <= 41;

    [Property(Arbitrary = [typeof(HealthArbitraries)], MaxTest = 50)]
    public Property Health_PoliciesAreValidAndTheirInputsFillOnlyTheirSlots(HealthOptions policy)
    {
        var engine = new HealthEngine(policy);
        return Prop.ForAll(HealthGenerators.Input(policy).ToArbitrary(), input =>
            Enumerable.Range(engine.FactorIds.Count, HealthInput.MaxFactors - engine.FactorIds.Count).All(slot => !input.HasValue(slot))
            && Enumerable.Range(0, engine.FactorIds.Count).All(slot => !input.HasValue(slot) || double.IsFinite(input.GetValue(slot))));
    }

    [Property(Arbitrary = [typeof(HealthArbitraries)], MaxTest = 50)]
    public bool Health_ValueRangesAreProperIntervals(HealthOptions policy) =>
        HealthGenerators.FactorsOf(policy).All(f => HealthGenerators.ValueRange(f) is var (low, high) && low < high && double.IsFinite(low) && double.IsFinite(high));

    [Fact]
    public void Health_Policies_IncludeAGroupInsideAGroup() =>
        Assert.Contains(HealthGenerators.Policy.Sample(200), policy => policy.Groups.Any(g => g.Groups.Count > 0));

    [Property(MaxTest = 50)]
    public Property Health_PolicyAndInput_GivesAnInputForItsPolicy() => Prop.ForAll(HealthGenerators.PolicyAndInput.ToArbitrary(), c =>
    {
        var factorCount = HealthGenerators.FactorsOf(c.Policy).Count();
        return Enumerable.Range(factorCount, HealthInput.MaxFactors - factorCount).All(slot => !c.Input.HasValue(slot));
    });

    [Fact]
    public void Health_FactorsOf_WalksTheTreeInSlotOrder()
    {
        var policy = new HealthOptions
        {
            Factors = [new() { Id = "a" }],
            Groups = [new() { Id = "g", Factors = [new() { Id = "b" }], Groups = [new() { Id = "h", Factors = [new() { Id = "c" }] }] }],
            Trend = new HealthTrendOptions { UsageDrops = [] },
        };

        Assert.Equal(["a", "b", "c"], HealthGenerators.FactorsOf(policy).Select(f => f.Id));
        Assert.Equal(new HealthEngine(policy).FactorIds, HealthGenerators.FactorsOf(policy).Select(f => f.Id));
    }

    [Fact]
    public void Health_ValueRange_WidensTheNormalisersRangeByHalfOnEachSide()
    {
        Assert.Equal((-0.5, 1.5), HealthGenerators.ValueRange(new HealthFactorOptions()));
        Assert.Equal((-1.5, 4.5), HealthGenerators.ValueRange(new HealthFactorOptions { Normalizer = new() { Kind = HealthNormalizerKind.StepGrid, Steps = [new() { To = 0 }, new() { From = 0, To = 3 }, new() { From = 3 }] } }));
        Assert.Equal((-1.0, 3.0), HealthGenerators.ValueRange(new HealthFactorOptions { Normalizer = new() { Kind = HealthNormalizerKind.RatioToTarget, Target = 2 } }));
        Assert.Equal((-6.0, 6.0), HealthGenerators.ValueRange(new HealthFactorOptions { Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Midpoint = 0, Steepness = 1 } }));
    }

    [Property(Arbitrary = [typeof(TieringArbitraries)], MaxTest = 50)]
    public bool Tiering_PoliciesAreValidWithSharesUpToAHundred(TieringOptions policy) =>
        new TieringEngine(policy).TierNames.Length == 4 && policy.Tiers.Sum(t => t.RevenueSharePercent) <= 100;

    [Property(Arbitrary = [typeof(TieringArbitraries)])]
    public bool Tiering_InputsStayInTheirDocumentedRanges(TierInput input) =>
        input.Value is >= -125 and <= 1000
        && input.LoginsPerWeek is >= 0 and <= 4
        && input.Previous is null
        && (input.CustomerSince is null || input.CustomerSince <= TieringGenerators.AsOf);

    [Property(Arbitrary = [typeof(TieringArbitraries)])]
    public bool Tiering_SummariesStayInTheirDocumentedRanges(RfmSummary summary) =>
        summary.Frequency is >= 0 and <= 12 && summary.Monetary is >= -200 and <= 600 && (summary.LastPurchase is null || summary.LastPurchase <= TieringGenerators.AsOf);

    [Property]
    public Property Tiering_RfmPopulationsHoldSummariesInTheirDocumentedRanges() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
        population.All(s => s.Frequency is >= 0 and <= 12 && s.Monetary is >= -200 and <= 600));

    [Property]
    public Property Tiering_ValuesAreMultiplesOf7From_21To210() => Prop.ForAll(TieringGenerators.Values.ToArbitrary(), values =>
        values.All(v => v is >= -21 and <= 210 && v % 7 == 0));

    [Property]
    public Property Tiering_Shuffled_IsAPermutationOfThePopulation() => Prop.ForAll(TieringGenerators.Shuffled(TieringGenerators.Values).ToArbitrary(), c =>
        c.Order.Order().SequenceEqual(Enumerable.Range(0, c.Population.Length))
        && c.Shuffled.Select((value, i) => value == c.Population[c.Order[i]]).All(same => same));

    [Property(Arbitrary = [typeof(FeedbackArbitraries)], MaxTest = 30)]
    public bool Feedback_PoliciesAreValid(FeedbackOptions policy) => new FeedbackOptionsValidator().Validate(null, policy).Succeeded;

    [Fact]
    public void Feedback_PoliciesBuildEngines()
    {
        // An engine builds its 21-year SLA calendar: a few are enough.
        foreach (var policy in FeedbackGenerators.Policy.Sample(3))
        {
            Assert.Equal(["High", "Medium", "Low"], new FeedbackEngine(policy).Priorities);
        }
    }

    [Property(Arbitrary = [typeof(FeedbackArbitraries)])]
    public bool Feedback_ItemsAreAcceptedByTheEngine(FeedbackItem item) => DefaultFeedback.Open(item).State == FeedbackState.Collected;

    [Property]
    public Property Feedback_RecordsAreWorkflowWalksInTimeOrder() => Prop.ForAll(FeedbackGenerators.Record(DefaultFeedback).ToArbitrary(), record =>
        record.History.Count >= 3
        && record.History.Zip(record.History.Skip(1)).All(p => p.First.At <= p.Second.At)
        && record.History[0].At == record.Item.Submitted);

    [Property(MaxTest = 20)]
    public Property Calendar_PoliciesAreValidAndInstantsFallInTheirRange() => Prop.ForAll(CalendarGenerators.Policy.ToArbitrary(), policy =>
    {
        var calendar = new BusinessCalendar(policy);
        return Prop.ForAll(CalendarGenerators.InstantIn(calendar).ToArbitrary(), instant => instant >= calendar.RangeStart && instant < calendar.RangeEnd);
    });

    [Property]
    public Property Calendar_ReadyCalendarsHoldTheInstantsAndDeadlinesDrawnForThem() => Prop.ForAll(
        (from calendar in Gen.OneOf(CalendarGenerators.OfficeCalendar, CalendarGenerators.AlwaysOpenCalendar)
         from instant in CalendarGenerators.Instant
         from amount in CalendarGenerators.BusinessTime
         select (calendar, instant, amount)).ToArbitrary(),
        x => x.amount >= Duration.FromMinutes(1) && x.amount <= Duration.FromHours(120)
            && x.calendar.FirstYear == 2025 && x.calendar.LastYear == 2027
            && x.calendar.AddBusinessTime(x.instant, x.amount) < x.calendar.RangeEnd);

    [Fact]
    public void Calendar_OfficeCalendarIn_IsTheOfficePolicyBuiltOnce()
    {
        var berlin = CalendarGenerators.OfficeCalendarIn("Europe/Berlin");

        Assert.Same(berlin, CalendarGenerators.OfficeCalendarIn("Europe/Berlin"));
        Assert.Equal("Europe/Berlin", berlin.Zone.Id);
        // Monday 2025-03-31 09:00 in Berlin (summer time) + 4 business hours = 14:00 after the lunch break.
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 12, 0), berlin.AddBusinessTime(Instant.FromUtc(2025, 3, 31, 7, 0), Duration.FromHours(4)));
        Assert.Equal(10, CalendarGenerators.Office("Etc/UTC").WorkingHours.Count);
        Assert.Equal(7, CalendarGenerators.AlwaysOpen("Etc/UTC").WorkingHours.Count);
    }

    [Property]
    public Property Feedback_PriorityCellsAre4x4GridsOfThePriorities() => Prop.ForAll(FeedbackGenerators.PriorityCells.ToArbitrary(), cells =>
        cells.Length == 4 && cells.All(row => row.Length == 4 && row.All(p => p is >= 0 and <= 2)));

    [Property]
    public Property Feedback_PausesAndClockKindsStayInTheirRanges() => Prop.ForAll(
        FeedbackGenerators.PauseMinutes.Zip(FeedbackGenerators.ClockKind).ToArbitrary(),
        x => x.Item1.After is >= 0 and <= 6000 && x.Item1.Length is >= 0 and <= 4000 && Enum.IsDefined(x.Item2));

    [Fact]
    public void Guards_RejectBadArguments()
    {
        Assert.Throws<ArgumentException>(() => LifecycleGenerators.Event(default, "e"));
        Assert.Throws<ArgumentException>(() => LifecycleGenerators.Event(LifecycleGenerators.Customer, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleGenerators.HistoryOf(LifecycleGenerators.Customer, -1));
        Assert.Throws<ArgumentNullException>(() => LifecycleGenerators.Record(null!));
        Assert.Throws<ArgumentNullException>(() => HealthGenerators.Input(null!));
        Assert.Throws<ArgumentException>(() => HealthGenerators.Factor(""));
        Assert.Throws<ArgumentNullException>(() => TieringGenerators.Shuffled<TierInput>(null!));
        Assert.Throws<ArgumentNullException>(() => FeedbackGenerators.Record(null!));
        Assert.Throws<ArgumentException>(() => FeedbackGenerators.ItemWithId(""));
        Assert.Throws<ArgumentNullException>(() => CalendarGenerators.InstantIn(null!));
    }
}
