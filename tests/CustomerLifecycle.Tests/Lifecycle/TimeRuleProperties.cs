using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Lifecycle.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Shared = CustomerLifecycle.Testing.Generators.LifecycleGenerators;

namespace CustomerLifecycle.Tests.Lifecycle;

/// <summary>
/// The engine finds when a time-based rule fires by reasoning about bounds, deadlines and month starts instead of trying
/// every instant. These properties check that reasoning against trying every hour: with events on whole hours, whole-day and
/// whole-month conditions and zones with whole-hour offsets, every instant at which a condition can change is on a whole hour.
/// </summary>
public sealed class TimeRuleProperties
{
    private static readonly Duration Horizon = Duration.FromDays(400);

    [Property(MaxTest = 300)]
    public Property TheFirstTransition_IsAtTheFirstHourAtWhichARuleHolds()
        => Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var (engine, policy, record) = c;
            var state = new LifecycleState(record, policy.StageIndex[record.Stage]);
            var from = state.StageEnteredAt > state.LastEventAt ? state.StageEnteredAt : state.LastEventAt;
            var end = from + Horizon;
            var (expectedAt, expectedRule) = FirstHourHolding(policy, state, from, end);

            var outcome = engine.Evaluate(record, end);
            var actual = outcome.Transitions.Count > 0 ? outcome.Transitions[0] : null;
            // The replayed record's own NextCheckAt, worked out when its last event was applied, must name the same instant.
            var nextCheckIsRight = expectedAt is { } due ? record.NextCheckAt == due : record.NextCheckAt > end;
            return (actual?.At == expectedAt && actual?.RuleId == expectedRule && nextCheckIsRight)
                .Label($"{record.Stage} from {from}: expected {expectedRule} at {expectedAt}, got {actual?.RuleId} at {actual?.At}; next check {record.NextCheckAt}");
        });

    /// <summary>Tries every hour: the first at which a time-based rule from the record's stage holds, and the first such rule in policy order.</summary>
    private static (Instant? At, string? Rule) FirstHourHolding(CompiledPolicy policy, in LifecycleState state, Instant from, Instant end)
    {
        var rules = policy.TimeRulesFrom[state.Stage];
        for (var at = from; at <= end; at += Duration.FromHours(1))
        {
            foreach (var rule in rules)
            {
                if (Conditions.AllHold(policy, state, rule.When, at))
                {
                    return (at, rule.Id);
                }
            }
        }

        return (null, null);
    }

    private static Gen<(LifecycleEngine Engine, CompiledPolicy Policy, LifecycleRecord Record)> Cases()
        => from options in Shared.Policy
           from scanned in Gen.Elements(false, true)
           let policy = scanned ? WithScannedRules(options) : options
           from record in Shared.Record(policy)
           select (new LifecycleEngine(policy), new CompiledPolicy(policy), record);

    /// <summary>
    /// The default rules have one activity comparison at most and no alternatives with bounds; these two rules take the
    /// other paths of the search: two comparisons at once, and alternatives each with its own bound.
    /// </summary>
    private static LifecycleOptions WithScannedRules(LifecycleOptions options)
    {
        options.Rules.Add(new TransitionRuleOptions
        {
            Id = "uneven-activity",
            From = [LifecycleDefaults.Growing, LifecycleDefaults.Mature],
            To = LifecycleDefaults.Declining,
            When =
            [
                new ConditionOptions { Kind = ConditionKind.ActivityRatioBelow, Months = 2, Ratio = 0.6 },
                new ConditionOptions { Kind = ConditionKind.ActivityRatioBelow, Months = 5, Ratio = 0.9 },
            ],
        });
        options.Rules.Add(new TransitionRuleOptions
        {
            Id = "onboarding-stalled",
            From = [LifecycleDefaults.Onboarding],
            To = LifecycleDefaults.Declining,
            When =
            [
                new ConditionOptions
                {
                    Kind = ConditionKind.Any,
                    AnyOf =
                    [
                        new ConditionOptions { Kind = ConditionKind.NoActivityForDays, Days = 40 },
                        new ConditionOptions { Kind = ConditionKind.MonthsSinceFirstPurchaseAtLeast, Months = 2 },
                    ],
                },
                new ConditionOptions { Kind = ConditionKind.HealthBandIs, Band = "Warning" },
            ],
        });
        return options;
    }
}
