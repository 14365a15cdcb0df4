using CustomerLifecycle.LeadScoring;

namespace CustomerLifecycle.Tests.LeadScoring;

public sealed class LeadScoringOptionsValidatorTests
{
    private static IEnumerable<string> Failures(LeadScoringOptions options)
    {
        var result = new LeadScoringOptionsValidator().Validate(null, options);
        return result.Succeeded ? [] : result.Failures!;
    }

    [Fact]
    public void TheDefaultPolicy_IsValid() => Assert.Empty(Failures(new LeadScoringOptions()));

    [Fact]
    public void TheDefaults_AreTheDocumentedOnes()
    {
        var options = new LeadScoringOptions();

        Assert.Equal(["industry", "company-size", "region", "uses-erp"], options.FitRules.Select(r => r.Id));
        Assert.Equal([30, 30, 20, 20], options.FitRules.Select(r => r.Points));
        Assert.Equal((50.0, 1000.0), (options.FitRules[1].MinEmployees!.Value, options.FitRules[1].MaxEmployees!.Value));
        Assert.Equal(["email-open", "site-visit", "content-download", "webinar", "pricing-page", "demo-request"], options.InteractionKinds.Select(k => k.Kind));
        Assert.Equal([2, 3, 5, 10, 10, 30], options.InteractionKinds.Select(k => k.Points));
        Assert.Equal([10, 15, 20, 20, 20, null], options.InteractionKinds.Select(k => k.Cap));
        Assert.Equal(30, options.HalfLifeDays);
        Assert.Equal(["competitor", "student", "unsubscribed", "personal-email", "no-recent-activity"], options.NegativeRules.Select(r => r.Id));
        Assert.Equal([50, 20, 20, 10, 15], options.NegativeRules.Select(r => r.Points));
        Assert.Equal(90, options.NegativeRules[4].Days);
        Assert.Equal(["outside-icp", "spam"], options.DisqualifyingFlags);
        Assert.Equal((0.5, 0.5), (options.FitWeight, options.EngagementWeight));
        Assert.Equal((50.0, 75.0, 60.0), (options.MarketingQualifiedMinimum, options.SalesQualifiedMinimum, options.SalesQualifiedMinimumFit));
    }

    [Fact]
    public void RuleErrors_NameTheFieldAndTheValue()
    {
        var options = new LeadScoringOptions();
        options.FitRules[0].Id = " ";
        options.FitRules[1].MinEmployees = 100;
        options.FitRules[1].MaxEmployees = 10;
        options.FitRules[2].Values = [];
        options.FitRules[3].Points = double.NaN;
        options.FitRules.Add(new LeadRuleOptions { Id = "quiet", Kind = LeadRuleKind.NoActivityForDays, Points = 5 });
        options.FitRules.Add(null!);
        options.NegativeRules[0].Id = "quiet";
        options.NegativeRules[1].Kind = (LeadRuleKind)42;
        options.NegativeRules[2].Values = ["unsubscribed", ""];
        options.NegativeRules[3].Values = null!;
        options.NegativeRules[4].Days = 0;
        options.NegativeRules.Add(new LeadRuleOptions { Id = "size", Kind = LeadRuleKind.EmployeesBetween, Points = -1 });
        options.NegativeRules.Add(new LeadRuleOptions { Id = "tiny", Kind = LeadRuleKind.EmployeesBetween, MaxEmployees = double.PositiveInfinity });

        Assert.Equal(
            [
                "FitRules[0].Id: must not be empty.",
                "FitRules[1].MaxEmployees: must be >= MinEmployees (100) but was 10.",
                "FitRules[2].Values: a RegionIn rule needs at least one value.",
                "FitRules[3].Points: must be a finite number >= 0 but was NaN.",
                "FitRules[4].Kind: NoActivityForDays is a negative signal; a fit rule must look at the prospect's attributes.",
                "FitRules[5]: must not be null.",
                "NegativeRules[0].Id: \"quiet\" is already used by FitRules[4].",
                "NegativeRules[1].Kind: must be IndustryIn, EmployeesBetween, RegionIn, EmailDomainIn, HasFlag or NoActivityForDays but was 42.",
                "NegativeRules[2].Values[1]: must not be empty.",
                "NegativeRules[3].Values: must not be null.",
                "NegativeRules[4].Days: must be in range [1-36500] but was 0.",
                "NegativeRules[5].Points: must be a finite number >= 0 but was -1.",
                "NegativeRules[5].MinEmployees: an EmployeesBetween rule needs MinEmployees, MaxEmployees or both.",
                "NegativeRules[6].MaxEmployees: must be a finite number >= 0 but was Infinity.",
            ],
            Failures(options));
    }

    [Fact]
    public void InteractionKindErrors_NameTheFieldAndTheValue()
    {
        var options = new LeadScoringOptions();
        options.InteractionKinds[0].Kind = "";
        options.InteractionKinds[1].Kind = "Demo-Request";
        options.InteractionKinds[2].Points = -2;
        options.InteractionKinds[3].Cap = 0;
        options.InteractionKinds.Add(null!);

        Assert.Equal(
            [
                "InteractionKinds[0].Kind: must not be empty.",
                "InteractionKinds[2].Points: must be a finite number >= 0 but was -2.",
                "InteractionKinds[3].Cap: must be a finite number > 0 but was 0.",
                "InteractionKinds[5].Kind: \"demo-request\" is already used by InteractionKinds[1] (kinds are compared ignoring case).",
                "InteractionKinds[6]: must not be null.",
            ],
            Failures(options));
    }

    [Fact]
    public void WeightAndThresholdErrors_NameTheFieldAndTheValue()
    {
        var options = new LeadScoringOptions
        {
            HalfLifeDays = 36_501,
            FitWeight = 0.3,
            EngagementWeight = 0.6,
            MarketingQualifiedMinimum = 80,
            SalesQualifiedMinimum = 70,
            SalesQualifiedMinimumFit = -1,
            DisqualifyingFlags = ["spam", null!],
        };

        Assert.Equal(
            [
                "HalfLifeDays: must be in range [1-36500] but was 36501.",
                "DisqualifyingFlags[1]: must not be empty.",
                "EngagementWeight: FitWeight + EngagementWeight must be 1 but was 0.3 + 0.6.",
                "SalesQualifiedMinimum: must be >= MarketingQualifiedMinimum (80) but was 70.",
                "SalesQualifiedMinimumFit: must be in range [0-100] but was -1.",
            ],
            Failures(options));
    }

    [Fact]
    public void WeightsTypedByPeople_SumToOneWithinRounding()
    {
        Assert.Empty(Failures(new LeadScoringOptions { FitWeight = 0.3, EngagementWeight = 0.7 }));
        Assert.Empty(Failures(new LeadScoringOptions { FitWeight = 1, EngagementWeight = 0 }));
    }

    [Fact]
    public void NullLists_AreReported()
    {
        var options = new LeadScoringOptions { FitRules = null!, InteractionKinds = null!, NegativeRules = null!, DisqualifyingFlags = null! };

        Assert.Equal(
            ["FitRules: must not be null.", "InteractionKinds: must not be null.", "NegativeRules: must not be null.", "DisqualifyingFlags: must not be null."],
            Failures(options));
    }

    [Fact]
    public void ANullPolicy_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new LeadScoringOptionsValidator().Validate(null, null!));
    }
}
