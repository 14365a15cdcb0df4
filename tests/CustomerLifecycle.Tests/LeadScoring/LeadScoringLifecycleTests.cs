using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using static CustomerLifecycle.Tests.LeadScoring.LeadScoringTestData;

namespace CustomerLifecycle.Tests.LeadScoring;

public sealed class LeadScoringLifecycleTests
{
    private static readonly LifecycleEngine Lifecycle = new(new LifecycleOptions());

    private static LifecycleOutcome ApplyQualification(LeadInput input)
    {
        var prospect = Lifecycle.Create(input.Prospect, AsOf - NodaTime.Duration.FromDays(100));
        var score = DefaultEngine.Evaluate(input, AsOf);
        var lifecycleEvent = score.ToLifecycleEvent(AsOf);
        Assert.NotNull(lifecycleEvent);
        return Lifecycle.Apply(prospect, lifecycleEvent);
    }

    [Fact]
    public void AMarketingQualifiedLead_MovesTheProspectToEngaged()
    {
        var outcome = ApplyQualification(MarketingQualified());

        Assert.Equal(LifecycleDefaults.Engaged, outcome.Record!.Stage);
    }

    [Fact]
    public void ASalesQualifiedLead_MovesTheProspectToEngaged()
    {
        var outcome = ApplyQualification(IdealProspect([.. Enumerable.Repeat(Interaction("demo-request"), 4)]));

        Assert.Equal(LifecycleDefaults.Engaged, outcome.Record!.Stage);
    }

    [Fact]
    public void ADisqualifiedLead_MovesTheProspectToDisqualified()
    {
        var outcome = ApplyQualification(MarketingQualified() with { Flags = ["outside-icp"] });

        Assert.Equal(LifecycleDefaults.Disqualified, outcome.Record!.Stage);
    }

    [Fact]
    public void AnUnqualifiedLead_GivesNoEvent()
    {
        var score = DefaultEngine.Evaluate(new LeadInput(CustomerId.From("cold")), AsOf);

        Assert.Equal(LeadQualification.Unqualified, score.Qualification);
        Assert.Null(score.ToLifecycleEvent(AsOf));
    }

    [Fact]
    public void TheEventId_IsDerivedFromTheQualification_SoSendingItTwiceAppliesItOnce()
    {
        var score = DefaultEngine.Evaluate(MarketingQualified(), AsOf);
        var first = score.ToLifecycleEvent(AsOf)!;
        var again = DefaultEngine.Evaluate(MarketingQualified(), AsOf + NodaTime.Duration.FromDays(1)).ToLifecycleEvent(AsOf + NodaTime.Duration.FromDays(1))!;

        var engaged = Lifecycle.Apply(Lifecycle.Create(score.Prospect, AsOf - NodaTime.Duration.FromDays(1)), first).Record!;
        var outcome = Lifecycle.Apply(engaged, again);

        Assert.Equal("lead-scoring:MarketingQualified:p-1", first.Id);
        Assert.Equal((LifecycleEventKind.Contact, score.Prospect, AsOf), (first.Kind, first.Customer, first.OccurredAt));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, outcome.Status);
    }

    [Fact]
    public void TheBatchAssessment_GivesTheSameEvent()
    {
        var input = MarketingQualified() with { Flags = ["spam"] };
        var outputs = new LeadAssessment[1];
        DefaultEngine.Evaluate([input], AsOf, outputs);

        var fromBatch = outputs[0].ToLifecycleEvent(input.Prospect, AsOf)!;

        Assert.Equal(DefaultEngine.Evaluate(input, AsOf).ToLifecycleEvent(AsOf), fromBatch);
        Assert.Equal((LifecycleEventKind.Disqualification, "lead-scoring:Disqualified:p-1"), (fromBatch.Kind, fromBatch.Id));
    }

    [Fact]
    public void ToLifecycleEvent_RefusesADefaultProspect_AndAnUndefinedQualification()
    {
        Assert.Equal("prospect", Assert.Throws<ArgumentException>(() => new LeadAssessment(LeadQualification.SalesQualified, 80, 80, 80, 0).ToLifecycleEvent(default, AsOf)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeadAssessment((LeadQualification)9, 80, 80, 80, 0).ToLifecycleEvent(CustomerId.From("p"), AsOf));
    }
}
