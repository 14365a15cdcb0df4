using CustomerLifecycle.Feedback;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackOptionsValidatorTests
{
    private static IEnumerable<string> Failures(FeedbackOptions options) => new FeedbackOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Defaults_AreValid() => Assert.Empty(Failures(new FeedbackOptions()));

    [Fact]
    public void EveryFieldProblem_IsReported()
    {
        var options = new FeedbackOptions
        {
            DefaultCategory = "unknown",
            DefaultUrgency = "",
            WarningFraction = 0,
            ComplaintResolutionTarget = 1.5,
            Ranking = new RankingOptions { PerCustomer = -1, ValueWeight = double.NaN },
            Calendar = new() { TimeZoneId = "Nowhere/Atlantis", WorkingHours = [] },
        };
        options.Categories[1].Team = "";
        options.Categories[2].Keywords.Add(" ");
        options.Categories.Add(new FeedbackCategoryOptions { Name = "praise", Team = "x" });
        options.ImpactLevels[3].MinShare = 1.2;
        options.SlaPolicies[1].Resolution = new SlaTargetOptions { Amount = -1, Unit = SlaUnit.BusinessDays };
        options.SlaPolicies[2].FirstResponse = new SlaTargetOptions { Amount = 1.5, Unit = SlaUnit.BusinessDays };
        options.SlaPolicies.Add(new SlaPolicyOptions { Category = "gripe", Priority = "Urgent" });
        options.SlaPolicies.Add(new SlaPolicyOptions { Priority = "High" });

        Assert.Equal(
            [
                "Categories[5].Name: 'praise' is listed twice (also Categories[4]).",
                "Categories[1].Team: must not be empty.",
                "Categories[2].Keywords[17]: must not be empty.",
                "DefaultCategory: 'unknown' is not one of the Categories.",
                "ImpactLevels[3].MinShare: must be in range [0-1] but was 1.2.",
                "DefaultUrgency: must not be empty.",
                "Ranking.PerCustomer: must be a finite number >= 0 but was -1.",
                "Ranking.ValueWeight: must be a finite number >= 0 but was NaN.",
                "SlaPolicies[1].Resolution.Amount: must be >= 0 but was -1.",
                "SlaPolicies[2].FirstResponse.Amount: must be a whole number of business days but was 1.5.",
                "SlaPolicies[5].Category: 'gripe' is not one of the Categories.",
                "SlaPolicies[5].Priority: 'Urgent' is not one of the Priorities.",
                "SlaPolicies[6]: category '(any)' and priority 'High' are listed twice (also SlaPolicies[1]).",
                "WarningFraction: must be in range (0-1] but was 0.",
                "Calendar.TimeZoneId: 'Nowhere/Atlantis' is not a known IANA time zone id.",
                "Calendar.WorkingHours: the calendar has no working time; add at least one span.",
                "ComplaintResolutionTarget: must be in range [0-1] but was 1.5.",
            ],
            Failures(options));
    }

    [Fact]
    public void IncompleteMatrix_NamesEveryMissingPair()
    {
        var options = new FeedbackOptions();
        options.Matrix.RemoveAll(e => e.Impact == "Minor" && e.Urgency is "Low" or "High");
        options.Matrix.Add(new PriorityMatrixEntryOptions { Impact = "Huge", Urgency = "Low", Priority = "Low" });

        Assert.Equal(["Matrix[14].Impact: 'Huge' is not one of the ImpactLevels."], Failures(options));

        options.Matrix.RemoveAt(14);
        Assert.Equal(
            [
                "Matrix: no entry for impact 'Minor' × urgency 'Low'.",
                "Matrix: no entry for impact 'Minor' × urgency 'High'.",
            ],
            Failures(options));
    }

    [Fact]
    public void DuplicateMatrixCell_IsReported()
    {
        var options = new FeedbackOptions();
        options.Matrix.Add(new PriorityMatrixEntryOptions { Impact = "Minor", Urgency = "Low", Priority = "Low" });

        Assert.Equal(["Matrix[16]: impact 'Minor' × urgency 'Low' is listed twice (also Matrix[15])."], Failures(options));
    }

    [Fact]
    public void NonMonotoneMatrix_NamesTheCellAndItsNeighbour()
    {
        var options = new FeedbackOptions();
        options.Matrix.Single(e => e.Impact == "Extensive" && e.Urgency == "Medium").Priority = "Low";
        options.Matrix.Single(e => e.Impact == "Minor" && e.Urgency == "Critical").Priority = "Low";

        var ex = Assert.Throws<OptionsValidationException>(() => new FeedbackEngine(options));

        Assert.Equal(
            [
                "Matrix: impact 'Minor' × urgency 'Critical' gives 'Low', lower than 'Medium' for the less urgent 'High'.",
                "Matrix: impact 'Extensive' × urgency 'Medium' gives 'Low', lower than 'Medium' for the narrower impact 'Significant'.",
            ],
            ex.Failures);
    }

    [Fact]
    public void NullLists_AreReported()
    {
        var options = new FeedbackOptions { Categories = null!, ImpactLevels = [], Priorities = null!, Matrix = null!, SlaPolicies = null!, Ranking = null!, Calendar = null! };

        Assert.Equal(
            [
                "Categories: must not be null.",
                "ImpactLevels: must list at least one entry.",
                "Priorities: must not be null.",
                "Matrix: must not be null.",
                "Ranking: must not be null.",
                "SlaPolicies: must not be null.",
                "Calendar: must not be null.",
            ],
            Failures(options));
    }

    [Fact]
    public void Json_RoundTripsTheDefaultPolicy()
    {
        var json = PolicyJson.Serialize(new FeedbackOptions());
        var back = PolicyJson.Deserialize<FeedbackOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Contains("\"unit\": \"BusinessDays\"", json, StringComparison.Ordinal);
        Assert.Empty(Failures(back));
    }

    [Fact]
    public void Json_HostPolicyWithAnAddedCategory_IsUsable()
    {
        var options = PolicyJson.Deserialize<FeedbackOptions>("""
            {
              "categories": [
                { "name": "billing", "team": "finance", "keywords": ["invoice", "发票"] },
                { "name": "complaint", "team": "support", "keywords": ["refund"] }
              ],
              "defaultCategory": "billing",
              "slaPolicies": [ { "category": "billing", "resolution": { "amount": 3, "unit": "BusinessDays" } } ],
              "calendar": { "timeZoneId": "Asia/Shanghai", "holidays": ["2025-10-01"] }
            }
            """);

        var engine = new FeedbackEngine(options);
        var item = new FeedbackItem("B-1", CustomerId.From("c"), "email", NodaTime.Instant.FromUtc(2025, 9, 30, 1, 0), "发票金额不对");

        Assert.Equal(("billing", "finance"), (engine.Evaluate(item, item.Submitted).Category, engine.Evaluate(item, item.Submitted).Team));
        // Tuesday 09:00 Shanghai + 3 business days, skipping the 1 October holiday, is Monday 6 October 09:00, which is reported
        // as the same working-time position at the end of Friday 3 October, 17:00 Shanghai = 09:00 UTC.
        Assert.Equal(NodaTime.Instant.FromUtc(2025, 10, 3, 9, 0), engine.Evaluate(item, item.Submitted).Clocks[2].DueAt);
    }

    [Fact]
    public void Json_UnknownProperty_IsAnError()
        => Assert.Throws<System.Text.Json.JsonException>(() => PolicyJson.Deserialize<FeedbackOptions>("""{ "warningFractoin": 0.5 }"""));
}
