using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="CustomerViewSummary"/> on the wire, its parts flattened.</summary>
[GenerateSerializer]
[Immutable]
internal struct CustomerViewSummarySurrogate
{
    [Id(0)] public ProfileRecord Profile;
    [Id(1)] public int Transitions;
    [Id(2)] public int RfmRecency;
    [Id(3)] public int RfmFrequency;
    [Id(4)] public int RfmMonetary;
    [Id(5)] public int RfmSegmentIndex;
    [Id(6)] public string RfmSegment;
    [Id(7)] public int Tier;
    [Id(8)] public string TierName;
    [Id(9)] public int ValueTier;
    [Id(10)] public int TierRuleIndex;
    [Id(11)] public int CandidateTier;
    [Id(12)] public bool DowngradePending;
    [Id(13)] public int StateTier;
    [Id(14)] public int StateEvaluationsBelow;
    [Id(15)] public Instant ContactNextDue;
    [Id(16)] public Instant ContactEarliestNext;
    [Id(17)] public bool ContactOverdue;
    [Id(18)] public int ContactDaysOverdue;
    [Id(19)] public LocalDate? ContactNextKeyMoment;
    [Id(20)] public HealthStatus HealthStatus;
    [Id(21)] public double HealthScore;
    [Id(22)] public int HealthBandIndex;
    [Id(23)] public double HealthCoverage;
    [Id(24)] public bool HasValue;
    [Id(25)] public double ProbabilityAlive;
    [Id(26)] public double ExpectedPurchases;
    [Id(27)] public double ExpectedSpend;
    [Id(28)] public double Clv;
    [Id(29)] public bool HasLead;
    [Id(30)] public LeadQualification LeadQualification;
    [Id(31)] public double LeadTotal;
    [Id(32)] public double LeadFit;
    [Id(33)] public double LeadEngagement;
    [Id(34)] public double LeadNegative;
    [Id(35)] public bool Changed;
    [Id(36)] public LoyaltyBalance? Loyalty;
}

/// <summary>Converts <see cref="CustomerViewSummary"/> to and from its surrogate; the summary read back equals the one written.</summary>
[RegisterConverter]
internal sealed class CustomerViewSummaryConverter : IConverter<CustomerViewSummary, CustomerViewSummarySurrogate>
{
    public CustomerViewSummary ConvertFromSurrogate(in CustomerViewSummarySurrogate s) => new(
        s.Profile,
        s.Transitions,
        new RfmScore(s.RfmRecency, s.RfmFrequency, s.RfmMonetary, s.RfmSegmentIndex, s.RfmSegment),
        new TierAssignment(s.Tier, s.TierName, s.ValueTier, s.TierRuleIndex, s.CandidateTier, s.DowngradePending, new TierState(s.StateTier, s.StateEvaluationsBelow)),
        new ContactDue(s.ContactNextDue, s.ContactEarliestNext, s.ContactOverdue, s.ContactDaysOverdue, s.ContactNextKeyMoment),
        new HealthScoreSummary(s.HealthStatus, s.HealthScore, s.HealthBandIndex, s.HealthCoverage),
        s.HasValue ? new ValuePrediction(s.ProbabilityAlive, s.ExpectedPurchases, s.ExpectedSpend, s.Clv) : null)
    {
        Lead = s.HasLead ? new LeadAssessment(s.LeadQualification, s.LeadTotal, s.LeadFit, s.LeadEngagement, s.LeadNegative) : null,
        Changed = s.Changed,
        Loyalty = s.Loyalty,
    };

    public CustomerViewSummarySurrogate ConvertToSurrogate(in CustomerViewSummary value)
    {
        var prediction = value.Value.GetValueOrDefault();
        var lead = value.Lead.GetValueOrDefault();
        return new()
        {
            Profile = value.Profile,
            Transitions = value.Transitions,
            RfmRecency = value.Rfm.Recency,
            RfmFrequency = value.Rfm.Frequency,
            RfmMonetary = value.Rfm.Monetary,
            RfmSegmentIndex = value.Rfm.SegmentIndex,
            RfmSegment = value.Rfm.Segment,
            Tier = value.Tier.Tier,
            TierName = value.Tier.TierName,
            ValueTier = value.Tier.ValueTier,
            TierRuleIndex = value.Tier.RuleIndex,
            CandidateTier = value.Tier.CandidateTier,
            DowngradePending = value.Tier.DowngradePending,
            StateTier = value.Tier.State.Tier,
            StateEvaluationsBelow = value.Tier.State.EvaluationsBelow,
            ContactNextDue = value.Contact.NextDue,
            ContactEarliestNext = value.Contact.EarliestNext,
            ContactOverdue = value.Contact.Overdue,
            ContactDaysOverdue = value.Contact.DaysOverdue,
            ContactNextKeyMoment = value.Contact.NextKeyMoment,
            HealthStatus = value.Health.Status,
            HealthScore = value.Health.Score,
            HealthBandIndex = value.Health.BandIndex,
            HealthCoverage = value.Health.Coverage,
            HasValue = value.Value.HasValue,
            ProbabilityAlive = prediction.ProbabilityAlive,
            ExpectedPurchases = prediction.ExpectedPurchases,
            ExpectedSpend = prediction.ExpectedSpend,
            Clv = prediction.Clv,
            HasLead = value.Lead.HasValue,
            LeadQualification = lead.Qualification,
            LeadTotal = lead.Total,
            LeadFit = lead.Fit,
            LeadEngagement = lead.Engagement,
            LeadNegative = lead.Negative,
            Changed = value.Changed,
            Loyalty = value.Loyalty,
        };
    }
}
