using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringEngineRfmTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2024, 1, 1, 0, 0);

    // Five customers with distinct values get scores 1..5 by rank in each dimension:
    // A (R5 F5 M5), B (R1 F4 M4), C (R4 F1 M1), D (R3 F3 M2), E (R2 F2 M3).
    private static readonly RfmSummary[] Population =
    [
        Summary(days: 1, frequency: 10, monetary: 1000),
        Summary(days: 200, frequency: 8, monetary: 800),
        Summary(days: 10, frequency: 1, monetary: 100),
        Summary(days: 30, frequency: 5, monetary: 300),
        Summary(days: 60, frequency: 3, monetary: 500),
    ];

    [Fact]
    public void ScoreRfm_FiveDistinctCustomers_ScoreByRank()
    {
        var scores = Score(new TieringOptions(), Population);

        Assert.Equal([(5, 5, 5), (1, 4, 4), (4, 1, 1), (3, 3, 2), (2, 2, 3)], scores.Select(s => (s.Recency, s.Frequency, s.Monetary)));
    }

    [Fact]
    public void ScoreRfm_RfmPackage03Table_IsTheDefault()
    {
        var scores = Score(new TieringOptions(), Population);

        Assert.Equal(["Champions", "Can't Lose Them", "New Customers", "Potential Loyalist", "Loyal Customers"], scores.Select(s => s.Segment));
        Assert.Equal([0, 5, 4, 1, 2], scores.Select(s => s.SegmentIndex));
    }

    [Fact]
    public void ScoreRfm_RfmPackage02Table_NamesTheSegments()
    {
        var options = new TieringOptions();
        options.Rfm.Segments = RfmSegmentTables.RfmPackage02();

        var scores = Score(options, Population);

        Assert.Equal(["Champions", "At Risk", "Potential Loyalist", "Potential Loyalist", "Need Attention"], scores.Select(s => s.Segment));
    }

    [Fact]
    public void ScoreRfm_ElevenSegmentGrid_UsesTheFrequencyMonetaryAverage()
    {
        var options = new TieringOptions();
        options.Rfm.Segments = RfmSegmentTables.ElevenSegmentGrid();

        var scores = Score(options, Population);

        Assert.Equal(["Champions", "At Risk", "Potential Loyalist", "Potential Loyalist", "Customers Needing Attention"], scores.Select(s => s.Segment));
    }

    [Fact]
    public void ScoreRfm_NoRuleMatches_IsOthers()
    {
        var options = new TieringOptions();
        options.Rfm.Segments = [new RfmSegmentRule { Name = "Best", Recency = new ScoreRange(5, 5) }];

        var scores = Score(options, Population);

        Assert.Equal(["Best", "Others", "Others", "Others", "Others"], scores.Select(s => s.Segment));
        Assert.Equal([0, -1, -1, -1, -1], scores.Select(s => s.SegmentIndex));
    }

    [Fact]
    public void ScoreRfm_Ties_GetEqualScoresAtTheMiddleOfTheirRun()
    {
        // Frequencies 1, 2, 2, 3: positions 0.5, 2 and 3.5 of 4 → scores 1, 3, 3, 5.
        RfmSummary[] population = [Summary(5, 1, 10), Summary(5, 2, 10), Summary(5, 2, 10), Summary(5, 3, 10)];

        var scores = Score(new TieringOptions(), population);

        Assert.Equal([1, 3, 3, 5], scores.Select(s => s.Frequency));
        Assert.All(scores, s => Assert.Equal(3, s.Recency));
        Assert.All(scores, s => Assert.Equal(3, s.Monetary));
    }

    [Fact]
    public void ScoreRfm_SingleCustomer_GetsTheMiddleScores()
    {
        var scores = Score(new TieringOptions(), [Summary(5, 1, 10)]);

        Assert.Equal((3, 3, 3), (scores[0].Recency, scores[0].Frequency, scores[0].Monetary));
    }

    [Fact]
    public void ScoreRfm_CustomerWithoutPurchases_IsTheLeastRecent()
    {
        RfmSummary[] population = [.. Population, default];

        var scores = Score(new TieringOptions(), population);

        Assert.Equal((1, 1, 1), (scores[5].Recency, scores[5].Frequency, scores[5].Monetary));
        Assert.Equal("Lost", scores[5].Segment);
    }

    [Fact]
    public void ScoreRfm_NegativeMonetary_ScoresLowest()
    {
        RfmSummary[] population = [Summary(1, 1, -50), Summary(1, 1, 0), Summary(1, 1, 70)];

        var scores = Score(new TieringOptions(), population);

        Assert.Equal([1, 3, 5], scores.Select(s => s.Monetary));
    }

    [Fact]
    public void ScoreRfm_EmptyPopulation_WritesNothing()
    {
        var engine = new TieringEngine(new TieringOptions());

        engine.ScoreRfm([], AsOf, []);
    }

    [Fact]
    public void ScoreRfm_Thresholds_UseTheCutPoints()
    {
        var options = new TieringOptions();
        options.Rfm.Method = RfmScoringMethod.Thresholds;
        RfmSummary[] population = [Summary(30, 1, -5), Summary(31, 2, 100), Summary(365, 9, 4999), Summary(366, 10, 5000), default];

        var scores = Score(options, population);

        Assert.Equal([5, 4, 2, 1, 1], scores.Select(s => s.Recency));
        Assert.Equal([1, 2, 4, 5, 1], scores.Select(s => s.Frequency));
        Assert.Equal([1, 2, 4, 5, 1], scores.Select(s => s.Monetary));
    }

    [Fact]
    public void ScoreRfm_ThreeScores_SplitIntoTerciles()
    {
        var options = new TieringOptions();
        options.Rfm.ScoreCount = 3;
        options.Rfm.Segments = [];
        RfmSummary[] population = [Summary(1, 1, 1), Summary(1, 2, 1), Summary(1, 3, 1), Summary(1, 4, 1), Summary(1, 5, 1), Summary(1, 6, 1)];

        var scores = Score(options, population);

        // Positions 0.5 .. 5.5 of 6, times 3: 0.25, 0.75, 1.25, 1.75, 2.25, 2.75.
        Assert.Equal([1, 1, 2, 2, 3, 3], scores.Select(s => s.Frequency));
    }

    [Fact]
    public void ScoreRfm_NaNMonetary_NamesTheField()
    {
        var engine = new TieringEngine(new TieringOptions());
        var scores = new RfmScore[2];

        var ex = Assert.Throws<ArgumentException>(() => engine.ScoreRfm([Summary(1, 1, 1), Summary(1, 1, double.NaN)], AsOf, scores));

        Assert.Equal("population[1].Monetary: must be a finite number but was NaN. (Parameter 'population')", ex.Message);
        Assert.All(scores, s => Assert.Null(s.Segment));
    }

    [Fact]
    public void ScoreRfm_NegativeFrequency_NamesTheField()
    {
        var engine = new TieringEngine(new TieringOptions());

        var ex = Assert.Throws<ArgumentException>(() => engine.ScoreRfm([Summary(1, -1, 1)], AsOf, new RfmScore[1]));

        Assert.Equal("population[0].Frequency: must be >= 0 but was -1. (Parameter 'population')", ex.Message);
    }

    [Fact]
    public void ScoreRfm_LastPurchaseAfterAsOf_NamesTheField()
    {
        var engine = new TieringEngine(new TieringOptions());

        var ex = Assert.Throws<ArgumentException>(() => engine.ScoreRfm([Summary(-1, 1, 1)], AsOf, new RfmScore[1]));

        Assert.Equal("population[0].LastPurchase: must not be after asOf (2024-01-01T00:00:00Z) but was 2024-01-02T00:00:00Z. (Parameter 'population')", ex.Message);
    }

    [Fact]
    public void ScoreRfm_OutputTooShort_Throws()
    {
        var engine = new TieringEngine(new TieringOptions());

        var ex = Assert.Throws<ArgumentException>(() => engine.ScoreRfm(Population, AsOf, new RfmScore[4]));

        Assert.Equal("scores: must hold at least 5 results (one per customer) but holds 4. (Parameter 'scores')", ex.Message);
    }

    [Fact]
    public void ScoreRfm_WarmSecondCall_AllocatesNothing()
    {
        var engine = new TieringEngine(new TieringOptions());
        var population = Enumerable.Range(0, 2000).Select(i => Summary(i % 97, i % 13, i % 211 * 3.5)).ToArray();
        var scores = new RfmScore[population.Length];
        engine.ScoreRfm(population, AsOf, scores);

        var allocated = Allocations.Fewest(() => engine.ScoreRfm(population, AsOf, scores));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ScoreRfm_GivesRawValuesCutPointsAndRules()
    {
        var engine = new TieringEngine(new TieringOptions());

        var result = engine.ScoreRfm(Population[3], engine.ComputeRfmCuts(Population, AsOf), AsOf);

        Assert.Equal(30, result.RecencyDays);
        Assert.Equal(5, result.Frequency);
        Assert.Equal(300, result.Monetary);
        Assert.Equal(new RfmScore(3, 3, 2, 1, "Potential Loyalist"), result.Score);
        Assert.Equal([60, 30, 10, 1], result.RecencyCutDays);
        Assert.Equal([3, 5, 8, 10], result.FrequencyCuts);
        Assert.Equal([300, 500, 800, 1000], result.MonetaryCuts);
        Assert.Equal(["tiering.rfm-segment-not-matched", "tiering.rfm-segment"], result.Reasons.Select(r => r.Code));
        Assert.Equal("Not 'Champions': scores R3 F3 M2 are outside R 5-5, F 5-5, M 5-5.", result.Reasons[0].Message);
        Assert.Equal("Segment 'Potential Loyalist': scores R3 F3 M2 match R 3-5, F 3-5, M 2-5.", result.Reasons[1].Message);
    }

    [Fact]
    public void ExplainRfm_SaysTheSegmentInOneLine_ThenEachDimensionsScoreAndCuts_ThenTheRulesTried()
    {
        var engine = new TieringEngine(new TieringOptions());
        var cuts = engine.ComputeRfmCuts(Population, AsOf);

        var explanation = engine.ExplainRfm(Population[3], cuts, AsOf);

        Assert.Equal(("RFM segment", "Potential Loyalist (R3 F3 M2)"), (explanation.Subject, explanation.Decision));
        Assert.Equal(
            ["tiering.rfm-score", "tiering.rfm-score", "tiering.rfm-score", "tiering.rfm-segment-not-matched", "tiering.rfm-segment"],
            explanation.Reasons.Select(r => r.Code));
        Assert.Equal(
            [
                "Recency: 30 days since the last purchase → R3; R2 to R5 need at most 60, 30, 10, 1 days.",
                "Frequency: 5 purchases → F3; F2 to F5 need at least 3, 5, 8, 10.",
                "Monetary: 300 spent → M2; M2 to M5 need at least 300, 500, 800, 1000.",
            ],
            explanation.Reasons.Take(3).Select(r => r.Message));
        var frequency = explanation.Reasons[1].Data;
        Assert.Equal(("frequency", 5.0, 3), ((string)frequency["dimension"]!, (double)frequency["value"]!, (int)frequency["score"]!));
        Assert.Equal([3.0, 5, 8, 10], (IEnumerable<double>)frequency["cuts"]!);
        Assert.Equal(explanation.Result.Reasons, explanation.Reasons.Skip(3));
    }

    [Fact]
    public void ExplainRfm_NeverBought_SaysSo()
    {
        var engine = new TieringEngine(new TieringOptions());

        var explanation = engine.ExplainRfm(default, engine.ComputeRfmCuts(Population, AsOf), AsOf);

        Assert.Equal("Recency: never bought → R1; R2 to R5 need at most 60, 30, 10, 1 days.", explanation.Reasons[0].Message);
        Assert.Equal(double.PositiveInfinity, explanation.Reasons[0].Data["value"]);
    }

    [Fact]
    public void ScoreRfm_AllEqual_ScoresLeftEmptyHaveInfiniteCuts()
    {
        var engine = new TieringEngine(new TieringOptions());
        RfmSummary[] population = [Summary(7, 2, 50), Summary(7, 2, 50), Summary(7, 2, 50)];

        var result = engine.ScoreRfm(population[2], engine.ComputeRfmCuts(population, AsOf), AsOf);

        Assert.Equal((3, 3, 3), (result.Score.Recency, result.Score.Frequency, result.Score.Monetary));
        Assert.Equal([7, 7, double.NegativeInfinity, double.NegativeInfinity], result.RecencyCutDays);
        Assert.Equal([2, 2, double.PositiveInfinity, double.PositiveInfinity], result.FrequencyCuts);
    }

    [Fact]
    public void ScoreRfm_Unmatched_SaysSo()
    {
        var options = new TieringOptions();
        options.Rfm.Segments = [];
        var engine = new TieringEngine(options);

        var result = engine.ScoreRfm(Population[0], engine.ComputeRfmCuts(Population, AsOf), AsOf);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal("tiering.rfm-unmatched", reason.Code);
        Assert.Equal("No segment rule matches R5 F5 M5; the segment is 'Others'.", reason.Message);
    }

    [Fact]
    public void ComputeRfmCuts_GivesTheCutPointsOfThePopulation()
    {
        var cuts = new TieringEngine(new TieringOptions()).ComputeRfmCuts(Population, AsOf);

        Assert.Equal([60, 30, 10, 1], cuts.RecencyDays.ToArray());
        Assert.Equal([3, 5, 8, 10], cuts.Frequency.ToArray());
        Assert.Equal([300, 500, 800, 1000], cuts.Monetary.ToArray());
    }

    [Fact]
    public void ComputeRfmCuts_Thresholds_AreThePolicysCutPoints()
    {
        var options = new TieringOptions();
        options.Rfm.Method = RfmScoringMethod.Thresholds;

        var cuts = new TieringEngine(options).ComputeRfmCuts([], AsOf);

        Assert.Equal([365, 180, 90, 30], cuts.RecencyDays.ToArray());
        Assert.Equal([2, 3, 5, 10], cuts.Frequency.ToArray());
    }

    [Fact]
    public void ScoreRfm_SingleCustomer_AgainstStoredCuts()
    {
        var engine = new TieringEngine(new TieringOptions());
        var cuts = engine.ComputeRfmCuts(Population, AsOf);

        var result = engine.ScoreRfm(Summary(25, 6, 900), cuts, AsOf);

        Assert.Equal(new RfmScore(3, 3, 4, 1, "Potential Loyalist"), result.Score);
        Assert.Equal(25, result.RecencyDays);
    }

    [Fact]
    public void ScoreRfm_SingleCustomer_RejectsBadInputAndForeignCuts()
    {
        var engine = new TieringEngine(new TieringOptions());
        var cuts = engine.ComputeRfmCuts(Population, AsOf);
        var options = new TieringOptions();
        options.Rfm.ScoreCount = 3;
        options.Rfm.Segments = [];

        Assert.Equal(
            "summary.Monetary: must be a finite number but was NaN. (Parameter 'summary')",
            Assert.Throws<ArgumentException>(() => engine.ScoreRfm(Summary(1, 1, double.NaN), cuts, AsOf)).Message);
        Assert.Equal(
            "cuts: were computed for 5 scores but this policy has 3. (Parameter 'cuts')",
            Assert.Throws<ArgumentException>(() => new TieringEngine(options).ScoreRfm(Summary(1, 1, 1), cuts, AsOf)).Message);
        Assert.Equal("cuts", Assert.Throws<ArgumentNullException>(() => engine.ScoreRfm(Summary(1, 1, 1), null!, AsOf)).ParamName);
    }

    [Fact]
    public void Summarize_NetsRefundsAndSkipsLaterTransactions()
    {
        var engine = new TieringEngine(new TieringOptions());
        RfmTransaction[] transactions =
        [
            new(AsOf - Duration.FromDays(40), 100),
            new(AsOf - Duration.FromDays(10), 50),
            new(AsOf - Duration.FromDays(5), -30),
            new(AsOf + Duration.FromDays(1), 999),
        ];

        var summary = engine.Summarize(transactions, AsOf);

        Assert.Equal(new RfmSummary(AsOf - Duration.FromDays(10), 2, 120), summary);
    }

    [Fact]
    public void Summarize_OnlyRefunds_HasNoPurchaseAndNegativeMonetary()
    {
        var engine = new TieringEngine(new TieringOptions());

        var summary = engine.Summarize([new RfmTransaction(AsOf - Duration.FromDays(3), -20)], AsOf);

        Assert.Equal(new RfmSummary(null, 0, -20), summary);
    }

    [Fact]
    public void Summarize_Window_LeavesOutOlderTransactions()
    {
        var options = new TieringOptions();
        options.Rfm.WindowDays = 30;
        var engine = new TieringEngine(options);

        var summary = engine.Summarize([new(AsOf - Duration.FromDays(30), 100), new(AsOf - Duration.FromDays(29), 10)], AsOf);

        Assert.Equal(new RfmSummary(AsOf - Duration.FromDays(29), 1, 10), summary);
    }

    [Fact]
    public void Summarize_NaNAmount_NamesTheField()
    {
        var engine = new TieringEngine(new TieringOptions());

        var ex = Assert.Throws<ArgumentException>(() => engine.Summarize([new(AsOf, double.PositiveInfinity)], AsOf));

        Assert.Equal("transactions[0].Amount: must be a finite number but was Infinity. (Parameter 'transactions')", ex.Message);
    }

    [Fact]
    public void ScoreRfm_InChunksAgainstTheWholePopulationsCuts_GivesTheWholePopulationsScores()
    {
        var engine = new TieringEngine(new TieringOptions());
        var cuts = engine.ComputeRfmCuts(Population, AsOf);
        var scores = new RfmScore[Population.Length];

        engine.ScoreRfm(Population.AsSpan(0, 2), cuts, AsOf, scores.AsSpan(0, 2));
        engine.ScoreRfm(Population.AsSpan(2), cuts, AsOf, scores.AsSpan(2));

        Assert.Equal([(5, 5, 5), (1, 4, 4), (4, 1, 1), (3, 3, 2), (2, 2, 3)], scores.Select(s => (s.Recency, s.Frequency, s.Monetary)));
    }

    [Fact]
    public void ScoreRfm_WithoutCuts_ScoresTheSpanItIsGiven_SoAChunkGetsItsOwnQuantiles()
    {
        // A and B alone: of two customers the better gets 4 and the other 2 in each dimension (the midpoints of their
        // halves), where the whole population gives B R1 F4 M4.
        var scores = Score(new TieringOptions(), Population[..2]);

        Assert.Equal([(4, 4, 4), (2, 2, 2)], scores.Select(s => (s.Recency, s.Frequency, s.Monetary)));
    }

    [Fact]
    public void ScoreRfm_ManyAgainstCuts_RejectsForeignCutsShortScoresAndBadInput_WritingNothing()
    {
        var engine = new TieringEngine(new TieringOptions());
        var cuts = engine.ComputeRfmCuts(Population, AsOf);
        var options = new TieringOptions();
        options.Rfm.ScoreCount = 3;
        options.Rfm.Segments = [];
        var threeScores = new TieringEngine(options);
        var scores = new RfmScore[2];

        Assert.Equal("cuts", Assert.Throws<ArgumentNullException>(() => engine.ScoreRfm(Population.AsSpan(0, 1), null!, AsOf, scores)).ParamName);
        Assert.Equal(
            "cuts: were computed for 5 scores but this policy has 3. (Parameter 'cuts')",
            Assert.Throws<ArgumentException>(() => threeScores.ScoreRfm(Population.AsSpan(0, 1), cuts, AsOf, scores)).Message);
        Assert.Equal(
            "scores: must hold at least 3 results (one per customer) but holds 2. (Parameter 'scores')",
            Assert.Throws<ArgumentException>(() => engine.ScoreRfm(Population.AsSpan(0, 3), cuts, AsOf, scores)).Message);
        Assert.Equal(
            "summaries[1].Frequency: must be >= 0 but was -1. (Parameter 'summaries')",
            Assert.Throws<ArgumentException>(() => engine.ScoreRfm([Summary(1, 1, 1), Summary(1, -1, 1)], cuts, AsOf, scores)).Message);
        Assert.All(scores, s => Assert.Null(s.Segment));
    }

    [Fact]
    public void ScoreRfm_ManyAgainstCuts_WarmSecondCall_AllocatesNothing()
    {
        var engine = new TieringEngine(new TieringOptions());
        var population = Enumerable.Range(0, 2000).Select(i => Summary(i % 97, i % 13, i % 211 * 3.5)).ToArray();
        var cuts = engine.ComputeRfmCuts(population, AsOf);
        var scores = new RfmScore[population.Length];
        engine.ScoreRfm(population, cuts, AsOf, scores);

        var allocated = Allocations.Fewest(() => engine.ScoreRfm(population, cuts, AsOf, scores));

        Assert.Equal(0, allocated);
    }

    private static RfmScore[] Score(TieringOptions options, RfmSummary[] population)
    {
        var scores = new RfmScore[population.Length];
        new TieringEngine(options).ScoreRfm(population, AsOf, scores);
        return scores;
    }

    private static RfmSummary Summary(int days, int frequency, double monetary)
        => new(AsOf - Duration.FromDays(days), frequency, monetary);
}
