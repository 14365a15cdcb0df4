using System.Globalization;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>
/// The lead score of a customer who has never bought, read off the profile: the attributes give the fit (industry, region,
/// the size band's lower bound as the employees, the host's flags plus a tag per ideal-profile judgement) and the kept
/// contact facts the engagement. At each fold the qualification is re-assessed at the fact's instant; when it changes, the
/// lifecycle event it implies (a contact for marketing- or sales-qualified, a disqualification) is applied if it moves the
/// stage. Folds run in occurrence order, so the qualification, like the rest of the profile, does not depend on the order
/// the facts arrived in.
/// </summary>
internal sealed class ProfileLead(LeadScoringEngine engine, LifecycleEngine lifecycle)
{
    /// <summary>The flag a customer matching the ideal profile carries for the lead rules.</summary>
    public const string IdealProfileFlag = "ideal-profile";

    /// <summary>The flag a customer with growth potential carries for the lead rules.</summary>
    public const string GrowthPotentialFlag = "growth-potential";

    /// <summary>The flag a benchmark customer carries for the lead rules.</summary>
    public const string BenchmarkFlag = "benchmark";

    public LeadScoringEngine Engine => engine;

    /// <summary>Whether the profile is scored as a lead: only a customer who has never bought.</summary>
    public static bool IsLead(LifecycleRecord lifecycle) => lifecycle.FirstPurchaseAt is null;

    public static LeadInput Input(CustomerId customer, CustomerAttributes attributes, IReadOnlyList<LeadInteraction> interactions)
    {
        var flags = new List<string>(attributes.Flags.Length + 3);
        flags.AddRange(attributes.Flags);
        AddIf(flags, attributes.MatchesIdealProfile, IdealProfileFlag);
        AddIf(flags, attributes.HasGrowthPotential, GrowthPotentialFlag);
        AddIf(flags, attributes.IsBenchmarkCustomer, BenchmarkFlag);
        return new LeadInput(customer)
        {
            Industry = attributes.Industry,
            Region = attributes.Region,
            Employees = Employees(attributes.Size),
            Flags = flags,
            Interactions = interactions,
        };
    }

    public LeadInput Input(ProfileRecord profile) => Input(profile.Customer, profile.Attributes, profile.LeadInteractions);

    public LeadAssessment Assess(LeadInput input, Instant at)
    {
        var assessment = default(LeadAssessment);
        engine.Evaluate(new ReadOnlySpan<LeadInput>(in input), at, new Span<LeadAssessment>(ref assessment));
        return assessment;
    }

    /// <summary>Re-assesses a draft that has never bought at a folded fact's instant; a changed qualification is recorded and
    /// the lifecycle event it implies applied when it moves the stage (otherwise it is dropped: a qualification is not a contact).</summary>
    public void Qualify(ProfileDraft draft, Instant at)
    {
        var assessment = Assess(Input(draft.Customer, draft.Attributes, draft.LeadInteractions), at);
        if (assessment.Qualification == draft.LeadQualification)
        {
            return;
        }

        draft.LeadQualification = assessment.Qualification;
        if (assessment.ToLifecycleEvent(draft.Customer, at) is { } @event
            && lifecycle.TryApply(draft.Lifecycle, @event) is { Status: LifecycleOutcomeStatus.Applied, Transitions.Count: > 0, Record: { } record })
        {
            draft.Lifecycle = record;
        }
    }

    /// <summary>The employees a size reads as: a number, or the lower bound of a band such as <c>"50-200"</c> or <c>"1000+"</c>.</summary>
    public static double? Employees(string? size)
    {
        if (size is null)
        {
            return null;
        }

        var digits = 0;
        while (digits < size.Length && char.IsAsciiDigit(size[digits]))
        {
            digits++;
        }

        return digits > 0 && double.TryParse(size.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var employees) ? employees : null;
    }

    private static void AddIf(List<string> flags, bool condition, string flag)
    {
        if (condition)
        {
            flags.Add(flag);
        }
    }
}
