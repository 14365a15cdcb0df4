using System.Text.Json;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Serialization;
using static CustomerLifecycle.Tests.LeadScoring.LeadScoringTestData;

namespace CustomerLifecycle.Tests.LeadScoring;

public sealed class LeadScoringOptionsJsonTests
{
    [Fact]
    public void TheDefaultPolicy_RoundTrips_AndScoresTheSame()
    {
        var json = PolicyJson.Serialize(new LeadScoringOptions());
        var back = PolicyJson.Deserialize<LeadScoringOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Contains("\"kind\": \"EmployeesBetween\"", json, StringComparison.Ordinal);
        Assert.Contains("\"halfLifeDays\": 30", json, StringComparison.Ordinal);
        Assert.Equal(DefaultEngine.Evaluate(MarketingQualified(), AsOf).ToAssessment(), new LeadScoringEngine(back).Evaluate(MarketingQualified(), AsOf).ToAssessment());
    }

    [Fact]
    public void APolicyWrittenByHand_IsRead()
    {
        const string json = """
        {
          "fitRules": [ { "id": "saas", "kind": "IndustryIn", "values": [ "saas" ], "points": 100 } ],
          "interactionKinds": [ { "kind": "call", "points": 50, "cap": 80 } ],
          "halfLifeDays": 7,
          "negativeRules": [],
          "fitWeight": 0.4,
          "engagementWeight": 0.6, // trailing commas and comments are accepted
        }
        """;

        var engine = new LeadScoringEngine(PolicyJson.Deserialize<LeadScoringOptions>(json));
        var score = engine.Evaluate(new LeadInput(CustomerId.From("p")) { Industry = "saas", Interactions = [Interaction("call"), Interaction("call", 7)] }, AsOf);

        // Fit 100; engagement 50 + 25 = 75; total 40 + 45 = 85.
        Assert.Equal(new LeadAssessment(LeadQualification.SalesQualified, 85, 100, 75, 0), score.ToAssessment());
    }

    [Fact]
    public void AMisspeltProperty_IsAnError()
    {
        Assert.Throws<JsonException>(() => PolicyJson.Deserialize<LeadScoringOptions>("""{ "halfLife": 7 }"""));
    }
}
