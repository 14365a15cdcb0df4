using CustomerLifecycle.Feedback;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackProperties
{
    private static readonly string[] Impacts = ["Minor", "Moderate", "Significant", "Extensive"];
    private static readonly string[] Urgencies = ["Low", "Medium", "High", "Critical"];
    private static readonly string[] Categories = ["product-request", "service-issue", "experience-improvement", "complaint", "praise"];
    private static readonly string[] Priorities = ["High", "Medium", "Low"];

    [Property]
    public Property AddingAPause_NeverMakesADeadlineEarlier()
        => Prop.ForAll(
            (from kind in FeedbackGenerators.ClockKind
             from category in Gen.Elements(Categories)
             from priority in Gen.Elements(Priorities)
             from start in CalendarGenerators.Instant
             from pause in FeedbackGenerators.PauseMinutes
             select (kind, category, priority, start, pause)).ToArbitrary(),
            x =>
            {
                var asOf = x.start + Duration.FromDays(60);
                var from = x.start + Duration.FromMinutes(x.pause.After);
                var without = DefaultEngine.Sla.Measure(x.kind, x.category, x.priority, x.start, null, [], asOf);
                var with = DefaultEngine.Sla.Measure(x.kind, x.category, x.priority, x.start, null, [new SlaPause(from, from + Duration.FromMinutes(x.pause.Length))], asOf);
                return without.DueAt is null
                    ? with.DueAt is null
                    : with.DueAt >= without.DueAt && with.WarningAt >= without.WarningAt && with.PausedFor >= Duration.Zero;
            });

    [Property]
    public Property DefaultMatrix_NeverRanksAHigherImpactOrUrgencyLower()
        => Prop.ForAll(
            (from i in Gen.Choose(0, 3) from j in Gen.Choose(0, 3) from u in Gen.Choose(0, 3) from v in Gen.Choose(0, 3) select (i, j, u, v)).ToArbitrary(),
            x =>
            {
                var (lowI, highI) = x.i <= x.j ? (x.i, x.j) : (x.j, x.i);
                var (lowU, highU) = x.u <= x.v ? (x.u, x.v) : (x.v, x.u);
                var lower = Rank(DefaultEngine.PriorityOf(Impacts[lowI], Urgencies[lowU]));
                var higher = Rank(DefaultEngine.PriorityOf(Impacts[highI], Urgencies[highU]));
                return higher <= lower;
            });

    [Property]
    public Property Validator_AcceptsAMatrixExactlyWhenItIsMonotone()
        => Prop.ForAll(
            FeedbackGenerators.PriorityCells.ToArbitrary(),
            cells =>
            {
                var options = new FeedbackOptions { Matrix = [] };
                for (var i = 0; i < 4; i++)
                {
                    for (var u = 0; u < 4; u++)
                    {
                        options.Matrix.Add(new PriorityMatrixEntryOptions { Impact = Impacts[i], Urgency = Urgencies[u], Priority = Priorities[cells[i][u]] });
                    }
                }

                var monotone = true;
                for (var i = 0; i < 4; i++)
                {
                    for (var u = 0; u < 4; u++)
                    {
                        monotone &= (i == 0 || cells[i][u] <= cells[i - 1][u]) && (u == 0 || cells[i][u] <= cells[i][u - 1]);
                    }
                }

                return new FeedbackOptionsValidator().Validate(null, options).Succeeded == monotone;
            });

    [Property]
    public Property MoreAffectedCustomers_NeverLowerThePriority()
        => Prop.ForAll(
            (from item in FeedbackGenerators.Item from extra in Gen.Choose(0, 500) select (item, extra)).ToArbitrary(),
            x =>
            {
                var wider = x.item with { AffectedCustomers = x.item.AffectedCustomers + extra(x), TotalCustomers = x.item.TotalCustomers == 0 ? 0 : x.item.TotalCustomers + x.extra };
                var asOf = x.item.Submitted;
                return Rank(DefaultEngine.Evaluate(wider, asOf).Priority) <= Rank(DefaultEngine.Evaluate(x.item, asOf).Priority);

                static int extra((FeedbackItem item, int extra) y) => y.extra;
            });

    [Property]
    public Property SameInput_GivesTheSameOutput_AndBatchEqualsSingle()
        => Prop.ForAll(
            FeedbackGenerators.Item.ToArbitrary(),
            item =>
            {
                var other = new FeedbackEngine(new FeedbackOptions());
                var asOf = item.Submitted + Duration.FromDays(3);
                var a = DefaultEngine.Evaluate(item, asOf);
                var b = other.Evaluate(item, asOf);
                var batch = new FeedbackTriage[1];
                DefaultEngine.Evaluate([item], asOf, batch);
                return a.Priority == b.Priority && a.Score == b.Score && a.Category == b.Category
                    && a.Clocks.Select(c => (c.State, c.DueAt, c.WarningAt)).SequenceEqual(b.Clocks.Select(c => (c.State, c.DueAt, c.WarningAt)))
                    && a.Reasons.SequenceEqual(b.Reasons)
                    && batch[0] == new FeedbackTriage(a.Category, a.Team, a.Impact, a.Urgency, a.Priority, a.Score, a.Clocks[0].DueAt, a.Clocks[1].DueAt, a.Clocks[2].WarningAt, a.Clocks[2].DueAt);
            });

    [Property]
    public Property Score_IsTheSumOfContributions_AndCountingOnceNeverScoresMore()
        => Prop.ForAll(
            FeedbackGenerators.Item.ToArbitrary(),
            item =>
            {
                var once = DefaultEngine.Evaluate(item with { Category = "product-request" }, item.Submitted);
                var every = DefaultEngine.Evaluate(item with { Category = "service-issue" }, item.Submitted);
                return Math.Abs(once.Score - once.Contributions.Sum(c => c.Points)) < 1e-9
                    && Math.Abs(every.Score - every.Contributions.Sum(c => c.Points)) < 1e-9
                    && once.Score <= every.Score + 1e-9;
            });

    [Property]
    public Property LongerTargets_NeverGiveEarlierDeadlines()
        => Prop.ForAll(
            (from start in CalendarGenerators.Instant from a in Gen.Choose(0, 40) from b in Gen.Choose(0, 40) from unit in Gen.Elements(SlaUnit.Hours, SlaUnit.BusinessHours, SlaUnit.BusinessDays)
             select (start, a, b, unit)).ToArbitrary(),
            x =>
            {
                SlaCalculator Calculator(int amount)
                {
                    var options = new FeedbackOptions();
                    options.SlaPolicies[1].Resolution = new SlaTargetOptions { Amount = amount, Unit = x.unit };
                    return new SlaCalculator(options);
                }

                var (shorter, longer) = x.a <= x.b ? (x.a, x.b) : (x.b, x.a);
                var asOf = x.start;
                return Calculator(shorter).Measure(SlaTargetKind.Resolution, "praise", "High", x.start, null, [], asOf).DueAt
                    <= Calculator(longer).Measure(SlaTargetKind.Resolution, "praise", "High", x.start, null, [], asOf).DueAt;
            });

    private static int Rank(string priority) => DefaultEngine.Priorities.ToList().IndexOf(priority);
}
