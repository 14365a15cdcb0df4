using System.Collections.Immutable;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>Decides how much attention each customer gets: RFM scores and segments, revenue-share tiers combined with
/// behaviour and fit rules, hysteresis, and contact cadence. Sealed, immutable and thread-safe.</summary>
public sealed class TieringEngine
{
    private readonly RfmScorer _rfm;
    private readonly ContactPlanner _contacts;
    private readonly TierAssigner _tiers;

    /// <summary>Creates the engine from a policy, which it validates and copies.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public TieringEngine(TieringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<TieringOptions, TieringOptionsValidator>(options);

        // Options are mutable: everything the engine needs is copied here, so later changes to them change nothing.
        _rfm = new RfmScorer(options.Rfm);
        _contacts = new ContactPlanner(options);
        _tiers = new TierAssigner(options);
    }

    /// <summary>Gets the tier names, best first; tier indices in inputs and results refer to this list.</summary>
    public ImmutableArray<string> TierNames => _tiers.TierNames;

    /// <summary>Gets the RFM segment names in rule order; <see cref="RfmScore.SegmentIndex"/> refers to this list.</summary>
    public ImmutableArray<string> SegmentNames => _rfm.SegmentNames;

    /// <summary>Aggregates one customer's transactions as of an instant: later transactions and those outside the policy's
    /// window are left out; refunds (negative amounts) reduce the monetary value but are not purchases.</summary>
    /// <param name="transactions">The customer's transactions, in any order.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The raw recency, frequency and monetary values; no purchases gives <c>default(RfmSummary)</c> plus any refunds.</returns>
    /// <exception cref="ArgumentException">An amount is NaN or infinite; the message names its index.</exception>
    public RfmSummary Summarize(ReadOnlySpan<RfmTransaction> transactions, Instant asOf) => _rfm.Summarize(transactions, asOf);

    /// <summary>Scores a whole population's recency, frequency and monetary values and names each customer's segment: the
    /// cut points are computed from <paramref name="population"/> itself, as <see cref="ComputeRfmCuts"/> would.</summary>
    /// <remarks>The span must therefore be the whole population: a host that scores its customers in chunks would get each
    /// chunk's quantiles. It computes the cuts once with <see cref="ComputeRfmCuts"/> and scores every chunk with
    /// <see cref="ScoreRfm(ReadOnlySpan{RfmSummary}, RfmCuts, Instant, Span{RfmScore})"/> instead.</remarks>
    /// <param name="population">One summary per customer of the whole population; quantile scores are relative to it.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <param name="scores">Receives one result per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is shorter than <paramref name="population"/>, or a
    /// summary has a NaN or infinite monetary value, a negative frequency or a last purchase after
    /// <paramref name="asOf"/>; the message names the index and field. Nothing is written then.</exception>
    public void ScoreRfm(ReadOnlySpan<RfmSummary> population, Instant asOf, Span<RfmScore> scores) => _rfm.Score(population, asOf, scores);

    /// <summary>Scores many customers against a population's cut points and names each one's segment, allocating nothing
    /// per customer: the same scores as <see cref="ScoreRfm(RfmSummary, RfmCuts, Instant)"/> gives each of them, so a
    /// population may be scored in chunks against the cuts of the whole.</summary>
    /// <param name="summaries">One summary per customer: the whole population or any part of it.</param>
    /// <param name="cuts">The cut points, from <see cref="ComputeRfmCuts"/> of an engine with the same score count.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <param name="scores">Receives one result per customer, at the same index.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cuts"/> were computed for a different score count,
    /// <paramref name="scores"/> is shorter than <paramref name="summaries"/>, or a summary is invalid, as for
    /// <see cref="ScoreRfm(ReadOnlySpan{RfmSummary}, Instant, Span{RfmScore})"/>. Nothing is written then.</exception>
    public void ScoreRfm(ReadOnlySpan<RfmSummary> summaries, RfmCuts cuts, Instant asOf, Span<RfmScore> scores) => _rfm.Score(summaries, cuts, asOf, scores);

    /// <summary>Computes a population's RFM cut points once (the policy's fixed ones for
    /// <see cref="RfmScoringMethod.Thresholds"/>), so that single customers can be scored against it with
    /// <see cref="ScoreRfm(RfmSummary, RfmCuts, Instant)"/>.</summary>
    /// <param name="population">One summary per customer.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <returns>The cut points; recency cuts are in days, so they stay meaningful for a later evaluation instant.</returns>
    /// <exception cref="ArgumentException">A summary is invalid, as for <see cref="ScoreRfm(ReadOnlySpan{RfmSummary}, Instant, Span{RfmScore})"/>.</exception>
    public RfmCuts ComputeRfmCuts(ReadOnlySpan<RfmSummary> population, Instant asOf) => _rfm.ComputeCuts(population, asOf);

    /// <summary>Scores one customer against a population's cut points: the scores and segment with the raw values, the cut
    /// points and every segment rule tried.</summary>
    /// <param name="summary">The customer.</param>
    /// <param name="cuts">The cut points, from <see cref="ComputeRfmCuts"/> of an engine with the same score count.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <returns>The raw values, scores, cut points and every segment rule tried.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException">The summary is invalid (the message names the field), or <paramref name="cuts"/>
    /// were computed for a different score count.</exception>
    public RfmResult ScoreRfm(RfmSummary summary, RfmCuts cuts, Instant asOf) => _rfm.Score(summary, cuts, asOf);

    /// <summary>Explains one customer's RFM scores and segment for a person: the segment and scores in one line, then each
    /// dimension's raw value, score and cut points, and every segment rule tried.</summary>
    /// <remarks>An <see cref="RfmSummary"/> carries no customer id, so the subject is <c>"RFM segment"</c>; a host showing it
    /// for a customer creates <c>new Explanation&lt;RfmResult&gt;(customerId, explanation.Decision, explanation.Result, explanation.Reasons)</c>.</remarks>
    /// <param name="summary">The customer.</param>
    /// <param name="cuts">The cut points, from <see cref="ComputeRfmCuts"/> of an engine with the same score count.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <returns>The explanation; its <see cref="Explanation{TResult}.Result"/> is what <see cref="ScoreRfm(RfmSummary, RfmCuts, Instant)"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ScoreRfm(RfmSummary, RfmCuts, Instant)"/>.</exception>
    public Explanation<RfmResult> ExplainRfm(RfmSummary summary, RfmCuts cuts, Instant asOf)
    {
        var result = ScoreRfm(summary, cuts, asOf);
        return new Explanation<RfmResult>(TieringExplanation.RfmSubject, TieringExplanation.Decision(result), result, TieringExplanation.Reasons(result));
    }

    /// <summary>Assigns revenue-share (Pareto) tiers from values alone: each tier is the smallest next group of
    /// highest-value customers reaching its cumulative share; values of 0 or less go to the last tier.</summary>
    /// <param name="values">One value per customer (revenue, CLV or any host value).</param>
    /// <param name="tiers">Receives each customer's tier index.</param>
    /// <exception cref="ArgumentException"><paramref name="tiers"/> is shorter than <paramref name="values"/>, or a value
    /// is NaN or infinite (the message names its index). Nothing is written then.</exception>
    public void AssignValueTiers(ReadOnlySpan<double> values, Span<int> tiers) => _tiers.AssignValueTiers(values, tiers);

    /// <summary>Computes a population's revenue-share cut points once, so that single customers can be tiered against it
    /// with <see cref="Evaluate(TierInput, ValueTierCuts, Instant)"/>.</summary>
    /// <param name="values">One value per customer (revenue, CLV or any host value).</param>
    /// <returns>The cut points and the population's total positive value.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite; the message names its index.</exception>
    public ValueTierCuts ComputeValueCuts(ReadOnlySpan<double> values) => _tiers.ComputeValueCuts(values);

    /// <summary>Tiers one customer against a population's cut points: value tier, first matching rule, hysteresis, with
    /// every rule's outcome and the reasons.</summary>
    /// <param name="input">The customer.</param>
    /// <param name="cuts">The population's cut points, from <see cref="ComputeValueCuts"/> of an engine with the same tiers.</param>
    /// <param name="asOf">The evaluation instant (for tenure).</param>
    /// <returns>The assignment with its rules and reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException">The input is invalid (the message names the field), or <paramref name="cuts"/>
    /// were computed for a different number of tiers.</exception>
    public TierResult Evaluate(TierInput input, ValueTierCuts cuts, Instant asOf) => _tiers.Evaluate(input, cuts, asOf);

    /// <summary>Assigns each customer of a whole population its tier: the value tier from cut points computed from
    /// <paramref name="inputs"/> itself (as <see cref="ComputeValueCuts"/> would from their values), then the first
    /// matching rule (or the fallback tier), then hysteresis against the stored state.</summary>
    /// <remarks>The span must therefore be the whole population: a host that evaluates its customers in chunks would get
    /// each chunk's revenue shares, and so tiers that depend on how it chunked. It computes the cuts once with
    /// <see cref="ComputeValueCuts"/> and evaluates every chunk with
    /// <see cref="Evaluate(ReadOnlySpan{TierInput}, ValueTierCuts, Instant, Span{TierAssignment})"/> instead.</remarks>
    /// <param name="inputs">One input per customer of the whole population; value tiers are relative to it.</param>
    /// <param name="asOf">The evaluation instant (for tenure).</param>
    /// <param name="outputs">Receives one assignment per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/>, or an
    /// input is invalid (NaN value, negative or NaN logins, a stored tier out of range, negative evaluations below); the
    /// message names the index and field. Nothing is written then.</exception>
    public void Evaluate(ReadOnlySpan<TierInput> inputs, Instant asOf, Span<TierAssignment> outputs) => _tiers.Evaluate(inputs, asOf, outputs);

    /// <summary>Assigns many customers their tiers against a population's cut points, allocating nothing per customer: the
    /// same assignment as <see cref="Evaluate(TierInput, ValueTierCuts, Instant)"/> gives each of them, so a population
    /// may be evaluated in chunks against the cuts of the whole.</summary>
    /// <param name="inputs">One input per customer: the whole population or any part of it.</param>
    /// <param name="cuts">The population's cut points, from <see cref="ComputeValueCuts"/> of an engine with the same tiers.</param>
    /// <param name="asOf">The evaluation instant (for tenure).</param>
    /// <param name="outputs">Receives one assignment per customer, at the same index.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cuts"/> were computed for a different number of tiers,
    /// <paramref name="outputs"/> is shorter than <paramref name="inputs"/>, or an input is invalid, as for
    /// <see cref="Evaluate(ReadOnlySpan{TierInput}, Instant, Span{TierAssignment})"/>. Nothing is written then.</exception>
    public void Evaluate(ReadOnlySpan<TierInput> inputs, ValueTierCuts cuts, Instant asOf, Span<TierAssignment> outputs) => _tiers.Evaluate(inputs, cuts, asOf, outputs);

    /// <summary>Explains one customer's tier for a person: the tier in one line, then the value tier, every rule tried
    /// with the criteria that failed, the rule that decided, and hysteresis.</summary>
    /// <remarks>A <see cref="TierInput"/> carries no customer id, so the subject is <c>"tier"</c>; a host showing it for a
    /// customer creates <c>new Explanation&lt;TierResult&gt;(customerId, explanation.Decision, explanation.Result, explanation.Reasons)</c>.</remarks>
    /// <param name="input">The customer.</param>
    /// <param name="cuts">The population's cut points, from <see cref="ComputeValueCuts"/> of an engine with the same tiers.</param>
    /// <param name="asOf">The evaluation instant (for tenure).</param>
    /// <returns>The explanation; its <see cref="Explanation{TResult}.Result"/> is what <see cref="Evaluate(TierInput, ValueTierCuts, Instant)"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate(TierInput, ValueTierCuts, Instant)"/>.</exception>
    public Explanation<TierResult> Explain(TierInput input, ValueTierCuts cuts, Instant asOf)
    {
        var result = Evaluate(input, cuts, asOf);
        return new Explanation<TierResult>(TieringExplanation.TierSubject, TieringExplanation.Decision(result), result, TieringExplanation.Reasons(result));
    }

    /// <summary>Plans the next cadence contact of many customers.</summary>
    /// <param name="inputs">One input per customer.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="outputs">Receives one result per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/>, or an
    /// input names a tier out of range or an unknown time zone; the message names the index and field. Nothing is written then.</exception>
    public void PlanContacts(ReadOnlySpan<ContactInput> inputs, Instant asOf, Span<ContactDue> outputs) => _contacts.Plan(inputs, asOf, outputs);

    /// <summary>Plans one customer's contacts: the cadence, the key moments within the look-ahead and the tier's content theme.</summary>
    /// <param name="input">The customer.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The plan with its reasons.</returns>
    /// <exception cref="ArgumentException">The input names a tier out of range or an unknown time zone.</exception>
    public ContactPlan PlanContact(ContactInput input, Instant asOf) => _contacts.Plan(input, asOf);
}
