using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringEngineProperties
{
    private static readonly Instant AsOf = TieringGenerators.AsOf;
    private static readonly TieringEngine Engine = new(new TieringOptions());

    [Property]
    public Property Rfm_HigherRawValuesNeverGetLowerScores() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
    {
        var scores = Score(population);
        for (var i = 0; i < population.Length; i++)
        {
            for (var j = 0; j < population.Length; j++)
            {
                var a = population[i];
                var b = population[j];
                if ((a.Monetary > b.Monetary && scores[i].Monetary < scores[j].Monetary)
                    || (a.Frequency > b.Frequency && scores[i].Frequency < scores[j].Frequency)
                    || (MoreRecent(a, b) && scores[i].Recency < scores[j].Recency))
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Property]
    public Property Rfm_EqualRawValuesGetEqualScores() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
    {
        var scores = Score(population);
        for (var i = 0; i < population.Length; i++)
        {
            for (var j = 0; j < population.Length; j++)
            {
                var a = population[i];
                var b = population[j];
                if ((a.Monetary == b.Monetary && scores[i].Monetary != scores[j].Monetary)
                    || (a.Frequency == b.Frequency && scores[i].Frequency != scores[j].Frequency)
                    || (a.LastPurchase == b.LastPurchase && scores[i].Recency != scores[j].Recency))
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Property]
    public Property Rfm_ScoresStayWithinOneToScoreCount() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
        Score(population).All(s => s.Recency is >= 1 and <= 5 && s.Frequency is >= 1 and <= 5 && s.Monetary is >= 1 and <= 5));

    [Property]
    public Property Rfm_SingleCustomerAgainstStoredCutsMatchesTheBatch() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
    {
        var scores = Score(population);
        var cuts = Engine.ComputeRfmCuts(population, AsOf);
        return population.Select((summary, i) => Engine.ScoreRfm(summary, cuts, AsOf).Score == scores[i]).All(same => same);
    });

    [Property]
    public Property Rfm_ShufflingChangesNoCustomersScore() => Prop.ForAll(TieringGenerators.Shuffled(TieringGenerators.RfmPopulation).ToArbitrary(), input =>
    {
        var (population, shuffled, order) = input;
        var scores = Score(population);
        var shuffledScores = Score(shuffled);
        return order.Select((original, i) => shuffledScores[i] == scores[original]).All(same => same);
    });

    [Property]
    public Property Tiers_ShufflingChangesNoCustomersTier() => Prop.ForAll(TieringGenerators.Shuffled(TieringGenerators.Population).ToArbitrary(), input =>
    {
        var (population, shuffled, order) = input;
        var tiers = Evaluate(population);
        var shuffledTiers = Evaluate(shuffled);
        return order.Select((original, i) => shuffledTiers[i] == tiers[original]).All(same => same);
    });

    [Property]
    public Property Tiers_SingleCustomerAgainstStoredCutsMatchesTheBatch() => Prop.ForAll(TieringGenerators.Population.ToArbitrary(), population =>
    {
        var batch = Evaluate(population);
        var cuts = Engine.ComputeValueCuts([.. population.Select(p => p.Value)]);
        return population.Select((input, i) => Engine.Evaluate(input, cuts, AsOf).Assignment == batch[i]).All(same => same);
    });

    [Property]
    public Property Rfm_ExplainRfmsResult_IsWhatScoreRfmReturns() => Prop.ForAll(TieringGenerators.RfmPopulation.ToArbitrary(), population =>
    {
        var cuts = Engine.ComputeRfmCuts(population, AsOf);
        return population.All(summary => SameRfm(Engine.ExplainRfm(summary, cuts, AsOf).Result, Engine.ScoreRfm(summary, cuts, AsOf)));
    });

    [Property]
    public Property Tiers_ExplainsResult_IsWhatEvaluateReturns() => Prop.ForAll(
        TieringGenerators.Population.ToArbitrary(),
        Gen.ArrayOf(from tier in Gen.Choose(-1, 3) from below in Gen.Choose(0, 3) select (tier, below), 4).ToArbitrary(),
        (population, previous) =>
        {
            // Some customers with a stored tier, so that upgrades, downgrades and pending downgrades are explained too.
            var customers = population.Select((input, i) => previous[i % 4] is var (tier, below) && tier >= 0 ? input with { Previous = new TierState(tier, below) } : input).ToArray();
            var cuts = Engine.ComputeValueCuts([.. customers.Select(c => c.Value)]);
            return customers.All(input => SameTier(Engine.Explain(input, cuts, AsOf).Result, Engine.Evaluate(input, cuts, AsOf)));
        });

    [Property]
    public Property Tiers_EqualInputsGetEqualTiers() => Prop.ForAll(TieringGenerators.Population.ToArbitrary(), population =>
    {
        var tiers = Evaluate(population);
        for (var i = 0; i < population.Length; i++)
        {
            for (var j = i + 1; j < population.Length; j++)
            {
                if (population[i] == population[j] && tiers[i] != tiers[j])
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Property]
    public Property ValueTiers_CoreReachesItsShareAndNoSmallerGroupDoes() => Prop.ForAll(TieringGenerators.Values.ToArbitrary(), values =>
    {
        var tiers = new int[values.Length];
        Engine.AssignValueTiers(values, tiers);
        var total = values.Where(v => v > 0).Sum();
        if (total <= 0)
        {
            return tiers.All(t => t == 3);
        }

        var core = values.Where((_, i) => tiers[i] == 0).ToArray();
        var coreShare = core.Sum() / total;
        if (core.Length == 0 || coreShare < 0.5 - 1e-9)
        {
            return false;
        }

        // Everyone in Core is worth at least everyone outside it, and dropping Core's lowest run of equal values
        // (the smallest step that keeps ties together) falls short of the target.
        var lowestCore = core.Min();
        var outsideMax = values.Where((_, i) => tiers[i] != 0).DefaultIfEmpty(double.NegativeInfinity).Max();
        var withoutLowestRun = core.Where(v => v > lowestCore).Sum() / total;
        return lowestCore > outsideMax && withoutLowestRun < 0.5 + 1e-9;
    });

    [Property]
    public Property ValueTiers_AreOrderedByValue() => Prop.ForAll(TieringGenerators.Values.ToArbitrary(), values =>
    {
        var tiers = new int[values.Length];
        Engine.AssignValueTiers(values, tiers);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values.Length; j++)
            {
                if (values[i] > values[j] && tiers[i] > tiers[j])
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Property]
    public Property Hysteresis_NeverFlapsOnConstantInputs() => Prop.ForAll(
        TieringGenerators.Input.ToArbitrary(),
        Gen.Choose(0, 3).ToArbitrary(),
        (input, start) =>
        {
            var history = new List<int>();
            TierState? state = new TierState(start, 0);
            for (var run = 0; run < 12; run++)
            {
                var outputs = new TierAssignment[1];
                Engine.Evaluate([input with { Previous = state }], AsOf, outputs);
                history.Add(outputs[0].Tier);
                state = outputs[0].State;
            }

            // The tier moves in one direction only, one tier per step, and ends on the rules' tier.
            var monotone = history.Zip(history.Skip(1)).All(p => p.Second >= p.First) || history.Zip(history.Skip(1)).All(p => p.Second <= p.First);
            var downSteps = history.Prepend(start).Zip(history).All(p => p.Second - p.First <= 1);
            return monotone && downSteps;
        });

    [Property]
    public Property Cadence_NextDueNeverPrecedesTheLastContact() => Prop.ForAll(
        Gen.Choose(0, 3).ToArbitrary(),
        Gen.Choose(-800, 800).ToArbitrary(),
        (tier, daysAgo) =>
        {
            var last = AsOf - Duration.FromDays(daysAgo);
            var outputs = new ContactDue[1];
            Engine.PlanContacts([new ContactInput(tier, last)], AsOf, outputs);
            return outputs[0].NextDue > last && outputs[0].EarliestNext >= last && outputs[0].EarliestNext <= outputs[0].NextDue
                   && outputs[0].Overdue == (AsOf > outputs[0].NextDue);
        });

    [Property]
    public Property Cadence_BirthdayIsTheNextRecurrenceWithinTheLookahead() => Prop.ForAll(
        Gen.Choose(0, 3000).ToArbitrary(),
        Gen.Choose(0, 365 * 4).ToArbitrary(),
        Gen.Elements("Pacific/Auckland", "America/Los_Angeles", "Europe/Berlin").ToArbitrary(),
        (birthdayOffset, dayOffset, zoneId) =>
        {
            var birthday = new LocalDate(1960, 1, 1).PlusDays(birthdayOffset);
            var asOf = Instant.FromUtc(2023, 1, 1, 18, 0) + Duration.FromDays(dayOffset);
            var today = asOf.InZone(DateTimeZoneProviders.Tzdb[zoneId]).Date;
            var outputs = new ContactDue[1];
            Engine.PlanContacts([new ContactInput(0, TimeZoneId: zoneId, Birthday: birthday)], asOf, outputs);

            // The expected date by brute force: the first day from today on whose month and day match (28 Feb for 29 Feb).
            LocalDate? expected = null;
            for (var d = today; d <= today.PlusDays(30); d = d.PlusDays(1))
            {
                var day = birthday.Month == 2 && birthday.Day == 29 && !CalendarSystem.Iso.IsLeapYear(d.Year) ? 28 : birthday.Day;
                if (d.Month == birthday.Month && d.Day == day)
                {
                    expected = d;
                    break;
                }
            }

            return outputs[0].NextKeyMoment == expected;
        });

    [Property]
    public Property Tiers_InChunksAgainstTheWholePopulationsCuts_EqualOneWholePopulationCall() => Prop.ForAll(
        TieringGenerators.Population.ToArbitrary(),
        Gen.Choose(1, 7).ToArbitrary(),
        (population, chunk) =>
        {
            var cuts = Engine.ComputeValueCuts([.. population.Select(p => p.Value)]);
            var chunked = new TierAssignment[population.Length];
            for (var start = 0; start < population.Length; start += chunk)
            {
                var length = Math.Min(chunk, population.Length - start);
                Engine.Evaluate(population.AsSpan(start, length), cuts, AsOf, chunked.AsSpan(start, length));
            }

            return chunked.SequenceEqual(Evaluate(population));
        });

    [Property]
    public Property Rfm_InChunksAgainstTheWholePopulationsCuts_EqualsOneWholePopulationCall() => Prop.ForAll(
        TieringGenerators.RfmPopulation.ToArbitrary(),
        Gen.Choose(1, 7).ToArbitrary(),
        (population, chunk) =>
        {
            var cuts = Engine.ComputeRfmCuts(population, AsOf);
            var chunked = new RfmScore[population.Length];
            for (var start = 0; start < population.Length; start += chunk)
            {
                var length = Math.Min(chunk, population.Length - start);
                Engine.ScoreRfm(population.AsSpan(start, length), cuts, AsOf, chunked.AsSpan(start, length));
            }

            return chunked.SequenceEqual(Score(population));
        });

    private static bool SameRfm(RfmResult a, RfmResult b)
        => a.Score == b.Score && a.RecencyDays.Equals(b.RecencyDays) && a.Frequency == b.Frequency && a.Monetary.Equals(b.Monetary)
           && a.RecencyCutDays.SequenceEqual(b.RecencyCutDays) && a.FrequencyCuts.SequenceEqual(b.FrequencyCuts)
           && a.MonetaryCuts.SequenceEqual(b.MonetaryCuts) && a.Reasons.SequenceEqual(b.Reasons);

    private static bool SameTier(TierResult a, TierResult b)
        => a.Assignment == b.Assignment && a.ValueTierName == b.ValueTierName && a.ValueShare.Equals(b.ValueShare)
           && a.Rules.Count == b.Rules.Count
           && a.Rules.Zip(b.Rules).All(r => r.First with { Criteria = r.Second.Criteria } == r.Second && r.First.Criteria.SequenceEqual(r.Second.Criteria))
           && a.Reasons.SequenceEqual(b.Reasons);

    private static bool MoreRecent(RfmSummary a, RfmSummary b)
        => a.LastPurchase is { } la && (b.LastPurchase is not { } lb || la > lb);

    private static RfmScore[] Score(RfmSummary[] population)
    {
        var scores = new RfmScore[population.Length];
        Engine.ScoreRfm(population, AsOf, scores);
        return scores;
    }

    private static TierAssignment[] Evaluate(TierInput[] population)
    {
        var outputs = new TierAssignment[population.Length];
        Engine.Evaluate(population, AsOf, outputs);
        return outputs;
    }
}
