using System.Collections.Frozen;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>A validated policy turned into arrays indexed by stage, so evaluation does lookups instead of searches.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(LifecycleOptions options)
    {
        Fingerprint = FingerprintOf(System.Text.Json.JsonSerializer.Serialize(options, FingerprintJsonContext.Default.LifecycleOptions));
        Stages = [.. options.Stages.Select(s => s.Name)];
        Kinds = [.. options.Stages.Select(s => s.Kind)];
        StageIndex = Stages.Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        InitialStage = StageIndex[options.InitialStage];
        Zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        WorkingDays = new bool[8];
        foreach (var day in options.WorkingDays)
        {
            WorkingDays[(int)NodaTime.Utility.BclConversions.ToIsoDayOfWeek(day)] = true;
        }

        Holidays = (options.Holidays ?? []).Select(h => LocalDatePattern.Iso.Parse(h).Value).ToFrozenSet();
        Months = new ZoneMonths(Zone);
        DuplicateWindow = options.DuplicateWindow;
        RecentIdsCapacity = Math.Max(1, (int)Math.Sqrt(2 * DuplicateWindow));
        Playbooks = [.. options.Stages.Select(s => (s.Playbook ?? []).Select(p => new PlaybookStep(p.Kind, p.Description, p.BusinessDays, p.Days, p.Hours)).ToArray())];
        TenureStages = [.. options.Stages.Select((s, i) => (s.TenureMonths, Index: i)).Where(p => p.TenureMonths is not null)
            .OrderByDescending(p => p.TenureMonths).Select(p => (p.TenureMonths!.Value, p.Index))];

        var rules = options.Rules.Select(r => new CompiledRule(
            r.Id,
            r.ToTenureStage ? CompiledRule.TenureTarget : StageIndex[r.To!],
            [.. r.On],
            [.. r.When.Select(Condition.From)])).ToList();
        var fromLists = options.Rules.Select(r => r.From).ToList();
        TimeRulesFrom = new CompiledRule[Stages.Length][];
        EventRulesFrom = new CompiledRule[Stages.Length][];
        for (var s = 0; s < Stages.Length; s++)
        {
            var name = Stages[s];
            var from = rules.Where((r, i) => fromLists[i].Contains(name)).ToList();
            TimeRulesFrom[s] = [.. from.Where(r => r.IsTimeBased)];
            EventRulesFrom[s] = [.. from.Where(r => !r.IsTimeBased)];
        }

        TriggersIn = [.. Stages.Select(name => options.Triggers
            .Where(t => t.Stages.Contains(name))
            .Select(t => new CompiledTrigger(t.Id, [.. t.When.Select(Condition.From)], t.ActionKind, t.Description))
            .ToArray())];

        var allConditions = Flatten(rules.SelectMany(r => r.When).Concat(TriggersIn.SelectMany(t => t).SelectMany(t => t.When))).ToList();
        ComparisonMonths = allConditions.Where(c => c.Kind is ConditionKind.ActivityRatioBelow or ConditionKind.ActivityRecovered)
            .Select(c => c.Months).DefaultIfEmpty(1).Max();
        ActivityMonths = (2 * ComparisonMonths) + 1;
        PurchaseCapacity = allConditions.Where(c => c.Kind == ConditionKind.PurchasesInMonthsAtLeast).Select(c => c.Count).DefaultIfEmpty(0).Max();
    }

    /// <summary>Gets a stable hash of the policy's JSON: records remember it so that a changed policy re-evaluates them in full.</summary>
    public int Fingerprint { get; }

    public string[] Stages { get; }

    public StageKind[] Kinds { get; }

    public FrozenDictionary<string, int> StageIndex { get; }

    public int InitialStage { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Gets whether each ISO day of the week (1 = Monday … 7 = Sunday) is a working day.</summary>
    public bool[] WorkingDays { get; }

    /// <summary>Gets the policy's holidays, local dates that playbook business days skip.</summary>
    public FrozenSet<LocalDate> Holidays { get; }

    /// <summary>Gets the month arithmetic in the policy's zone.</summary>
    public ZoneMonths Months { get; }

    /// <summary>Gets how many of the latest event ids are checked for duplicates.</summary>
    public int DuplicateWindow { get; }

    /// <summary>
    /// Gets how many ids a record's recent ids hold before they move to its earlier ids. An event copies the recent ids, and
    /// once in this many events the whole window: √(2 × window) makes that the fewest ids copied per event (8 for 32).
    /// </summary>
    public int RecentIdsCapacity { get; }

    public PlaybookStep[][] Playbooks { get; }

    /// <summary>Gets the tenure stages, longest tenure first.</summary>
    public (int Months, int Stage)[] TenureStages { get; }

    public CompiledRule[][] TimeRulesFrom { get; }

    public CompiledRule[][] EventRulesFrom { get; }

    public CompiledTrigger[][] TriggersIn { get; }

    /// <summary>Gets the span, in months, of the activity comparisons (the longest any condition uses).</summary>
    public int ComparisonMonths { get; }

    /// <summary>Gets how many monthly activity counts a record keeps: two comparison spans and the current month.</summary>
    public int ActivityMonths { get; }

    /// <summary>Gets how many recent purchase instants a record keeps: the largest count any condition asks for.</summary>
    public int PurchaseCapacity { get; }

    /// <summary>The index of a stage name; records this policy wrote share its name strings, so a reference check finds them first.</summary>
    public bool TryGetStage(string name, out int stage)
    {
        for (stage = 0; stage < Stages.Length; stage++)
        {
            if (ReferenceEquals(Stages[stage], name))
            {
                return true;
            }
        }

        return StageIndex.TryGetValue(name, out stage);
    }

    /// <summary>Business days (working days that are not holidays), then calendar days, then hours, in local time so that
    /// days stay days across DST changes.</summary>
    public Instant AddPlaybookDelay(Instant instant, PlaybookStep step)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        var date = local.Date;
        for (var remaining = step.BusinessDays; remaining > 0;)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                remaining--;
            }
        }

        return (date + local.TimeOfDay).PlusDays(step.Days).InZoneLeniently(Zone).ToInstant() + Duration.FromHours(step.Hours);
    }

    private bool IsBusinessDay(LocalDate date) => WorkingDays[(int)date.DayOfWeek] && !Holidays.Contains(date);

    /// <summary>FNV-1a over the UTF-16 text: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static int FingerprintOf(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private static IEnumerable<Condition> Flatten(IEnumerable<Condition> conditions)
        => conditions.SelectMany(c => Flatten(c.AnyOf).Prepend(c));
}

/// <summary>A playbook step, copied from its options.</summary>
internal sealed record PlaybookStep(string Kind, string Description, int BusinessDays, int Days, int Hours);
