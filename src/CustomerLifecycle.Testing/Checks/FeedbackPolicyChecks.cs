using System.Globalization;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own feedback policy.</summary>
/// <remarks>
/// Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line with <c>.QuickCheckThrowOnFailure()</c>.
/// </remarks>
public static class FeedbackPolicyChecks
{
    /// <summary>
    /// Checks that the SLA deadlines of every category, priority and clock fall in working hours as the policy's calendar states
    /// them, for items submitted at any instant in the calendar's covered years but the last.
    /// </summary>
    /// <remarks>
    /// Targets in calendar time (minutes, hours, days) run around the clock, so their deadlines fall outside working hours
    /// whenever the target does not happen to end inside them; by default only business-time targets are checked. Pass
    /// <paramref name="includeCalendarTimeTargets"/> to require every deadline in working hours: the default policy fails
    /// that, by design (complaints are resolved within 24 hours of calendar time).
    /// </remarks>
    /// <param name="policy">The policy to check.</param>
    /// <param name="includeCalendarTimeTargets">Whether targets in calendar time must yield deadlines in working hours too.</param>
    /// <returns>The property; submissions are drawn with <see cref="CalendarGenerators.InstantIn"/> over the policy's calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property SlaDeadlinesFallInWorkingHours(FeedbackOptions policy, bool includeCalendarTimeTargets = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new FeedbackEngine(policy);
        var sla = engine.Sla;
        var stated = new StatedWorkingHours(policy.Calendar);
        var cases = from start in CalendarGenerators.InstantIn(sla.Calendar)
                    from category in Gen.Elements(policy.Categories.Select(c => c.Name).ToArray())
                    from priority in Gen.Elements(engine.Priorities.ToArray())
                    from kind in Gen.Elements(SlaTargetKind.Acknowledge, SlaTargetKind.FirstResponse, SlaTargetKind.Resolution, SlaTargetKind.FollowUp)
                    select (Start: start, Category: category, Priority: priority, Kind: kind);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var target = sla.TargetOf(c.Kind, c.Category, c.Priority);
            if (!includeCalendarTimeTargets && !target.Contains(" business ", StringComparison.Ordinal))
            {
                return true.ToProperty();
            }

            var due = sla.Measure(c.Kind, c.Category, c.Priority, c.Start, null, [], c.Start).DueAt;
            var problem = due is { } deadline ? stated.Describe(sla.Calendar, deadline) : null;
            return (problem is null).Label(string.Create(CultureInfo.InvariantCulture, $"{c.Kind} of a {c.Priority} {c.Category} item submitted at {c.Start} ({target}) is due at {due}: {problem}"));
        });
    }
}
