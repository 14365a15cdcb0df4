using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Classifies, prioritises, ranks and puts SLA clocks on feedback items; runs their closed-loop workflow; reviews a week.</summary>
/// <remarks>
/// Built once from a validated <see cref="FeedbackOptions"/>; immutable and thread-safe. The same input always gives the same
/// output, and the engine never reads the clock: every call takes the instant to evaluate at.
/// </remarks>
public sealed partial class FeedbackEngine
{
    private const int SmallSet = 32;

    [ThreadStatic]
    private static Dictionary<CustomerId, double>? t_customers;

    private readonly string[] _categories;
    private readonly string[] _teams;
    private readonly bool[] _countOnce;
    private readonly string[] _impacts;
    private readonly int[] _impactMinCustomers;
    private readonly double[] _impactMinShare;
    private readonly string[] _urgencies;
    private readonly string[] _priorities;
    private readonly int[] _matrix;
    private readonly double _perCustomer;
    private readonly double _valueWeight;
    private readonly ValueScale _valueScale;
    private readonly int _complaintCategory;
    private readonly double _complaintTarget;
    private readonly Instant _rangeStart;
    private readonly Instant _rangeEnd;

    /// <summary>Creates an engine from a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public FeedbackEngine(FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<FeedbackOptions, FeedbackOptionsValidator>(options);
        Classifier = new FeedbackClassifier(options);
        Sla = new SlaCalculator(options);
        _categories = options.Categories.Select(c => c.Name).ToArray();
        _teams = options.Categories.Select(c => c.Team).ToArray();
        _countOnce = options.Categories.Select(c => c.CountEachCustomerOnce).ToArray();
        _impacts = options.ImpactLevels.Select(l => l.Name).ToArray();
        _impactMinCustomers = options.ImpactLevels.Select(l => l.MinCustomers).ToArray();
        _impactMinShare = options.ImpactLevels.Select(l => l.MinShare).ToArray();
        _urgencies = options.UrgencyLevels.Select(l => l.Name).ToArray();
        _priorities = [.. options.Priorities];
        _matrix = new int[_impacts.Length * _urgencies.Length];
        foreach (var entry in options.Matrix)
        {
            _matrix[(Array.IndexOf(_impacts, entry.Impact) * _urgencies.Length) + Array.IndexOf(_urgencies, entry.Urgency)] = Array.IndexOf(_priorities, entry.Priority);
        }

        _perCustomer = options.Ranking.PerCustomer;
        _valueWeight = options.Ranking.ValueWeight;
        _valueScale = options.Ranking.ValueScale;
        _complaintCategory = Array.IndexOf(_categories, options.ComplaintCategory);
        _complaintTarget = options.ComplaintResolutionTarget;
        Workflow = new FeedbackWorkflow(_categories, _priorities);
        _rangeStart = Sla.Calendar.RangeStart;
        _rangeEnd = Sla.Calendar.RangeEnd;
    }

    /// <summary>Gets the classifier built from the same policy.</summary>
    public FeedbackClassifier Classifier { get; }

    /// <summary>Gets the SLA calculator built from the same policy (and its business calendar).</summary>
    public SlaCalculator Sla { get; }

    /// <summary>Gets the closed-loop workflow.</summary>
    public FeedbackWorkflow Workflow { get; }

    /// <summary>Gets the priority levels, highest first.</summary>
    public IReadOnlyList<string> Priorities => _priorities;

    /// <summary>Returns the priority the matrix gives an impact × urgency pair.</summary>
    /// <param name="impact">The impact level name.</param>
    /// <param name="urgency">The urgency level name.</param>
    /// <returns>The priority name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="impact"/> or <paramref name="urgency"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="impact"/> or <paramref name="urgency"/> is not a level of the policy.</exception>
    public string PriorityOf(string impact, string urgency)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(urgency);
        var i = Array.IndexOf(_impacts, impact);
        var u = Array.IndexOf(_urgencies, urgency);
        if (i < 0)
        {
            throw new ArgumentException($"Impact '{impact}' is not one of the ImpactLevels ({string.Join(", ", _impacts)}).", nameof(impact));
        }

        if (u < 0)
        {
            throw new ArgumentException($"Urgency '{urgency}' is not one of the UrgencyLevels ({string.Join(", ", _urgencies)}).", nameof(urgency));
        }

        return _priorities[_matrix[(i * _urgencies.Length) + u]];
    }

    /// <summary>Evaluates a newly collected item: category, team, impact, urgency, priority, ranking score and SLA clocks from its submission.</summary>
    /// <param name="item">The item.</param>
    /// <param name="asOf">The instant to evaluate the clocks at; not before the item's submission.</param>
    /// <returns>The assessment with its reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid; the message names every such field and its value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year.</exception>
    public FeedbackAssessment Evaluate(FeedbackItem item, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfInvalid(item, asOf, nameof(item));
        return Assess(new FeedbackRecord(item, FeedbackState.Collected), asOf);
    }

    /// <summary>Evaluates a stored record: its category, priority and team as set by its events (or decided now when not yet set),
    /// and its SLA clocks as its history drives them.</summary>
    /// <param name="record">The record.</param>
    /// <param name="asOf">The instant to evaluate at; events after it are ignored.</param>
    /// <returns>The assessment with its reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid, or the record names an unknown category or priority.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year.</exception>
    public FeedbackAssessment Evaluate(FeedbackRecord record, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Item, "record.Item");
        ThrowIfInvalid(record.Item, asOf, "record.Item");
        if (record.Category is { } c && Array.IndexOf(_categories, c) < 0)
        {
            throw new ArgumentException($"record.Category: '{c}' is not one of the Categories ({string.Join(", ", _categories)}).", nameof(record));
        }

        if (record.Priority is { } p && Array.IndexOf(_priorities, p) < 0)
        {
            throw new ArgumentException($"record.Priority: '{p}' is not one of the Priorities ({string.Join(", ", _priorities)}).", nameof(record));
        }

        return Assess(record, asOf);
    }

    /// <summary>Evaluates many newly collected items into compact outputs, allocating nothing per item.</summary>
    /// <param name="items">The items.</param>
    /// <param name="asOf">The instant of evaluation; not before any item's submission.</param>
    /// <param name="outputs">Receives one result per item, at the same index; at least as long as <paramref name="items"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is too short, or an item is invalid (the message names
    /// it by index and names every bad field). Results written before the bad item are reset to <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year; outputs
    /// written before it are reset to <c>default</c>.</exception>
    public void Evaluate(ReadOnlySpan<FeedbackItem> items, Instant asOf, Span<FeedbackTriage> outputs)
    {
        Guard.LongEnough(outputs.Length, items.Length);

        for (var i = 0; i < items.Length; i++)
        {
            // One pass that checks and decides each item: items are scattered on the heap, so each is fetched once.
            var item = items[i];
            bool valid;
            try
            {
                valid = item is not null && TryTriage(item, asOf, out outputs[i]);
            }
            catch (ArgumentOutOfRangeException)
            {
                outputs[..(i + 1)].Clear();
                throw;
            }

            if (!valid)
            {
                outputs[..(i + 1)].Clear();
                if (item is null)
                {
                    throw new ArgumentException($"items[{i}]: must not be null.", nameof(items));
                }

                ThrowIfInvalid(item, asOf, $"items[{i}]");
            }
        }
    }

    /// <summary>Explains an item's assessment for a person: the decision in one line, then why.</summary>
    /// <param name="item">The item.</param>
    /// <param name="asOf">The instant to evaluate the clocks at; not before the item's submission.</param>
    /// <returns>The explanation: subject the item id; decision the priority with the impact and urgency behind it and the
    /// resolution deadline; reasons for the category, impact, urgency, priority, score, team, each customer's share of the score
    /// and each clock; the result is what <see cref="Evaluate(FeedbackItem, Instant)"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid; the message names every such field and its value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year.</exception>
    public Explanation<FeedbackAssessment> Explain(FeedbackItem item, Instant asOf)
    {
        var assessment = Evaluate(item, asOf); // first: it checks the item
        return FeedbackExplanation.Of(item.Id, assessment);
    }

    /// <summary>Explains a stored record's assessment for a person: the decision in one line, then why.</summary>
    /// <param name="record">The record.</param>
    /// <param name="asOf">The instant to evaluate at; events after it are ignored.</param>
    /// <returns>The explanation, built as <see cref="Explain(FeedbackItem, Instant)"/> builds it: subject the item id, decision
    /// and reasons from the assessment; the result is what <see cref="Evaluate(FeedbackRecord, Instant)"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid, or the record names an unknown category or priority.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year.</exception>
    public Explanation<FeedbackAssessment> Explain(FeedbackRecord record, Instant asOf)
    {
        var assessment = Evaluate(record, asOf); // first: it checks the record
        return FeedbackExplanation.Of(record.Item.Id, assessment);
    }

    /// <summary>Creates the record of a newly collected item, in state Collected.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid.</exception>
    public FeedbackRecord Open(FeedbackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfInvalid(item, item.Submitted, nameof(item));
        return new FeedbackRecord(item, FeedbackState.Collected);
    }

    /// <summary>Classifies, prioritises and assigns a collected record with the engine's own decisions, as events at <paramref name="at"/>.</summary>
    /// <param name="record">A record in state Collected.</param>
    /// <param name="at">When triage happens; not before the record's latest event.</param>
    /// <returns>The record in state Assigned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid.</exception>
    /// <exception cref="InvalidOperationException">The record is not in state Collected, or <paramref name="at"/> goes back in time.</exception>
    public FeedbackRecord Triage(FeedbackRecord record, Instant at)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Item, "record.Item");
        ThrowIfInvalid(record.Item, record.Item.Submitted, "record.Item");
        TryTriage(record.Item, record.Item.Submitted, out var triage);
        var next = Workflow.Apply(record, new FeedbackEvent(FeedbackEventKind.Classify, at, triage.Category));
        next = Workflow.Apply(next, new FeedbackEvent(FeedbackEventKind.Prioritise, at, triage.Priority));
        return Workflow.Apply(next, new FeedbackEvent(FeedbackEventKind.Assign, at, triage.Team));
    }

    /// <summary>Applies a workflow event, or says why it cannot be applied (see <see cref="FeedbackWorkflow.TryApply"/>).</summary>
    /// <param name="record">The record.</param>
    /// <param name="feedbackEvent">The event.</param>
    /// <returns>The transition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="feedbackEvent"/> is null.</exception>
    public FeedbackTransition TryApply(FeedbackRecord record, FeedbackEvent feedbackEvent) => Workflow.TryApply(record, feedbackEvent);

    /// <summary>Decides one item; false (with nothing decided) when a field is invalid. Allocates nothing.</summary>
    private bool TryTriage(FeedbackItem item, Instant asOf, out FeedbackTriage result)
    {
        result = default;
        var category = item.Category is { } given ? Array.IndexOf(_categories, given) : -2;
        var urgency = item.Urgency is { } u ? Array.IndexOf(_urgencies, u) : -2;
        if (category == -1 || urgency == -1 || !IsValid(item, asOf))
        {
            return false;
        }

        if (category < 0)
        {
            category = Classifier.MatchCategory(item.Text);
            category = category < 0 ? Classifier.DefaultCategoryIndex : category;
        }

        if (urgency < 0)
        {
            urgency = Classifier.UrgencyIndex(item.Text, out _);
        }

        var (score, distinct) = ScoreAndCount(item, _countOnce[category]);
        var impact = ImpactIndex(item, distinct);
        var priority = _matrix[(impact * _urgencies.Length) + urgency];
        long position = -1;
        Sla.Deadline((int)SlaTargetKind.Acknowledge, category, priority, item.Submitted, ref position, withWarning: false, out _, out var ack);
        Sla.Deadline((int)SlaTargetKind.FirstResponse, category, priority, item.Submitted, ref position, withWarning: false, out _, out var first);
        Sla.Deadline((int)SlaTargetKind.Resolution, category, priority, item.Submitted, ref position, withWarning: true, out var warning, out var due);
        result = new FeedbackTriage(_categories[category], _teams[category], _impacts[impact], _urgencies[urgency], _priorities[priority], score, ack, first, warning, due);
        return true;
    }

    private int ImpactIndex(FeedbackItem item, int distinctCustomers)
    {
        if (item.AffectsCoreCustomerOperation)
        {
            return _impacts.Length - 1;
        }

        var affected = item.AffectedCustomers ?? distinctCustomers;
        var share = item.TotalCustomers > 0 ? (double)affected / item.TotalCustomers : 0;
        for (var i = _impacts.Length - 1; i > 0; i--)
        {
            var byCount = _impactMinCustomers[i] > 0 && affected >= _impactMinCustomers[i];
            var byShare = _impactMinShare[i] > 0 && item.TotalCustomers > 0 && share >= _impactMinShare[i];
            var always = _impactMinCustomers[i] == 0 && _impactMinShare[i] == 0;
            if (byCount || byShare || always)
            {
                return i;
            }
        }

        return 0;
    }

    private double Points(double value) => _perCustomer + (_valueWeight * (_valueScale == ValueScale.Log10 ? Math.Log10(1 + value) : value));

    /// <summary>The ranking score and the number of distinct customers, without allocating for the usual small sets.</summary>
    private (double Score, int Distinct) ScoreAndCount(FeedbackItem item, bool once)
    {
        var supporters = item.Supporters;
        var n = supporters.Count + 1;
        if (n == 1)
        {
            return (Points(item.CustomerValue), 1);
        }

        if (n > SmallSet)
        {
            return ScoreAndCountLarge(item, once);
        }

        double score = 0;
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            var (customer, value) = Mention(item, i);
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
            {
                seenBefore = Mention(item, j).Customer == customer;
            }

            if (!once)
            {
                score += Points(value);
            }

            if (seenBefore)
            {
                continue;
            }

            distinct++;
            if (once)
            {
                var best = value;
                for (var j = i + 1; j < n; j++)
                {
                    var other = Mention(item, j);
                    if (other.Customer == customer && other.Value > best)
                    {
                        best = other.Value;
                    }
                }

                score += Points(best);
            }
        }

        return (score, distinct);
    }

    private (double Score, int Distinct) ScoreAndCountLarge(FeedbackItem item, bool once)
    {
        var best = t_customers ??= [];
        best.Clear();
        double score = 0;
        for (var i = 0; i < item.Supporters.Count + 1; i++)
        {
            var (customer, value) = Mention(item, i);
            if (!once)
            {
                score += Points(value);
            }

            best[customer] = best.TryGetValue(customer, out var v) ? Math.Max(v, value) : value;
        }

        if (once)
        {
            foreach (var value in best.Values)
            {
                score += Points(value);
            }
        }

        var distinct = best.Count;
        best.Clear();
        return (score, distinct);
    }

    private static (CustomerId Customer, double Value) Mention(FeedbackItem item, int i)
        => i == 0 ? (item.Customer, item.CustomerValue) : (item.Supporters[i - 1].Customer, item.Supporters[i - 1].Value);
}
