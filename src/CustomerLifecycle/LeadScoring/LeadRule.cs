using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>A fit or negative rule compiled for matching: its values in a set that ignores case, its bounds as numbers.</summary>
internal sealed class LeadRule
{
    /// <summary>The latest activity of a prospect with no counted interaction.</summary>
    public const long NoActivity = long.MinValue;

    private readonly HashSet<string> _values;
    private readonly double _minEmployees;
    private readonly double _maxEmployees;
    private readonly long _quietTicks;

    public LeadRule(LeadRuleOptions options)
    {
        Id = options.Id;
        Kind = options.Kind;
        Points = options.Points;
        _values = new HashSet<string>(options.Values ?? [], StringComparer.OrdinalIgnoreCase);
        _minEmployees = options.MinEmployees ?? 0;
        _maxEmployees = options.MaxEmployees ?? double.PositiveInfinity;
        _quietTicks = options.Days * NodaConstants.TicksPerDay;
    }

    public string Id { get; }

    public LeadRuleKind Kind { get; }

    public double Points { get; }

    /// <summary>Whether the rule holds for a prospect whose latest counted interaction was at <paramref name="latestTicks"/>
    /// (<see cref="NoActivity"/> for none).</summary>
    public bool Matches(LeadInput input, long asOfTicks, long latestTicks) => Kind switch
    {
        LeadRuleKind.IndustryIn => In(input.Industry),
        LeadRuleKind.RegionIn => In(input.Region),
        LeadRuleKind.EmailDomainIn => In(input.EmailDomain),
        LeadRuleKind.EmployeesBetween => input.Employees is { } employees && employees >= _minEmployees && employees <= _maxEmployees,
        LeadRuleKind.HasFlag => MatchingFlag(input) is not null,
        _ => latestTicks == NoActivity || asOfTicks - latestTicks >= _quietTicks,
    };

    /// <summary>What matched, for the explanation: the attribute's value, the flag, or the time since the latest interaction.</summary>
    public string Describe(LeadInput input, long asOfTicks, long latestTicks) => Kind switch
    {
        LeadRuleKind.IndustryIn => input.Industry!,
        LeadRuleKind.RegionIn => input.Region!,
        LeadRuleKind.EmailDomainIn => input.EmailDomain!,
        LeadRuleKind.EmployeesBetween => Guard.Format(input.Employees!.Value),
        LeadRuleKind.HasFlag => MatchingFlag(input)!,
        _ => latestTicks == NoActivity
            ? "no interaction"
            : $"{Guard.Format(Math.Round((double)(asOfTicks - latestTicks) / NodaConstants.TicksPerDay, 2))} days since the latest interaction",
    };

    private bool In(string? value) => value is not null && _values.Contains(value);

    private string? MatchingFlag(LeadInput input)
    {
        var flags = input.Flags;
        for (var i = 0; i < flags.Count; i++)
        {
            if (_values.Contains(flags[i]))
            {
                return flags[i];
            }
        }

        return null;
    }
}
