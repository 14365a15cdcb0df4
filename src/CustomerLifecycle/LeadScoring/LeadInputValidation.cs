using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>The checks on a <see cref="LeadInput"/>: a quick pass that allocates nothing, and the message naming every problem.</summary>
internal static class LeadInputValidation
{
    public static bool IsValid(LeadInput input)
    {
        if (input.Employees is { } employees && !(employees >= 0 && !double.IsInfinity(employees)))
        {
            return false;
        }

        if (input.Flags is not { } flags || input.Interactions is not { } interactions)
        {
            return false;
        }

        for (var i = 0; i < flags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(flags[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < interactions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(interactions[i].Kind) || interactions[i].At == default)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every problem of an invalid input as <c>{prefix}Property: message</c>, separated by spaces.</summary>
    public static string Problems(LeadInput input, string prefix)
    {
        var problems = new List<string>();
        if (input.Employees is { } employees && !(employees >= 0 && !double.IsInfinity(employees)))
        {
            problems.Add($"{prefix}Employees: must be a finite number >= 0 but was {Guard.Format(employees)}.");
        }

        if (input.Flags is null)
        {
            problems.Add($"{prefix}Flags: must not be null.");
        }
        else
        {
            for (var i = 0; i < input.Flags.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(input.Flags[i]))
                {
                    problems.Add($"{prefix}Flags[{i}]: must not be empty.");
                }
            }
        }

        if (input.Interactions is null)
        {
            problems.Add($"{prefix}Interactions: must not be null.");
            return string.Join(" ", problems);
        }

        for (var i = 0; i < input.Interactions.Count; i++)
        {
            var interaction = input.Interactions[i];
            if (string.IsNullOrWhiteSpace(interaction.Kind))
            {
                problems.Add($"{prefix}Interactions[{i}].Kind: must not be empty.");
            }

            if (interaction.At == default)
            {
                problems.Add($"{prefix}Interactions[{i}].At: must be set but was default(Instant) ({default(Instant)}).");
            }
        }

        return string.Join(" ", problems);
    }
}
