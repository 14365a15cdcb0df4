using System.Text.Json;
using CustomerLifecycle.Health;
using CustomerLifecycle.Serialization;
using static CustomerLifecycle.Tests.Health.HealthTestPolicies;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthOptionsJsonTests
{
    [Fact]
    public void DefaultPolicy_RoundTrips()
    {
        var json = PolicyJson.Serialize(new HealthOptions());
        var back = PolicyJson.Deserialize<HealthOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Equal(6, back.Factors.Count);
        Assert.Contains("\"kind\": \"Linear\"", json, StringComparison.Ordinal);
        Assert.Contains("\"direction\": \"LowerIsBetter\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupedPolicyWithSteps_RoundTripsAndScoresTheSame()
    {
        const string json = """
        {
          "factors": [ { "id": "nps", "weight": 1, "normalizer": { "kind": "Linear", "min": 0, "max": 10 } } ],
          "groups": [
            {
              "id": "usage", "weight": 3,
              "factors": [
                { "id": "logins", "weight": 2, "normalizer": { "kind": "Logistic", "midpoint": 2, "steepness": 1.5 } },
                {
                  "id": "tickets", "weight": 1, "missingData": "TreatAsZero",
                  "normalizer": { "kind": "StepGrid", "steps": [
                    { "to": 0, "toInclusive": true, "points": 100 },
                    { "from": 0, "fromInclusive": false, "points": 40 }
                  ] }
                }
              ]
            }
          ],
          "trend": { "usageDrops": [ { "factorId": "logins", "dropPercent": 70 } ] },
        }
        """;
        var options = PolicyJson.Deserialize<HealthOptions>(json);
        var again = PolicyJson.Deserialize<HealthOptions>(PolicyJson.Serialize(options));
        var values = new Dictionary<string, double> { ["nps"] = 8, ["logins"] = 2, ["tickets"] = 1 };
        var a = new HealthEngine(options);
        var b = new HealthEngine(again);

        Assert.Equal(HealthMissingDataPolicy.TreatAsZero, again.Groups[0].Factors[1].MissingData);
        Assert.Equal(0, again.Groups[0].Factors[1].Normalizer.Steps[0].To);
        Assert.Null(again.Groups[0].Factors[1].Normalizer.Steps[1].To);
        // nps 80 × 1/4 + usage × 3/4, usage = (2 × 50 + 40) / 3.
        Assert.Equal(20 + (0.75 * 140 / 3), a.Evaluate(a.CreateInput(values), AsOf).ComputedScore!.Value.Value, 12);
        Assert.Equal(a.Evaluate(a.CreateInput(values), AsOf).ComputedScore, b.Evaluate(b.CreateInput(values), AsOf).ComputedScore);
    }

    [Fact]
    public void MisspeltProperty_IsAnError()
        => Assert.Throws<JsonException>(() => PolicyJson.Deserialize<HealthOptions>("""{ "factor": [] }"""));
}
