using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Item validation: a cheap check for the batch path, and the messages naming every bad field.</summary>
public sealed partial class FeedbackEngine
{
    /// <summary>Checks every field but the category and urgency names (the caller looks those up anyway).</summary>
    private bool IsValid(FeedbackItem item, Instant asOf)
    {
        if (string.IsNullOrWhiteSpace(item.Id) || item.Customer.IsDefault || string.IsNullOrWhiteSpace(item.Channel) || item.Text is null
            || item.Tags is null || item.Supporters is null
            || item.AffectedCustomers < 1 || item.TotalCustomers < 0
            || (item.TotalCustomers > 0 && item.AffectedCustomers > item.TotalCustomers)
            || !IsValue(item.CustomerValue)
            || item.Submitted < _rangeStart || item.Submitted >= _rangeEnd || item.Submitted > asOf)
        {
            return false;
        }

        for (var i = 0; i < item.Supporters.Count; i++)
        {
            if (item.Supporters[i].Customer.IsDefault || !IsValue(item.Supporters[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private void ThrowIfInvalid(FeedbackItem item, Instant asOf, string name)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(item.Id))
        {
            problems.Add($"{name}.Id: must not be empty.");
        }

        if (item.Customer.IsDefault)
        {
            problems.Add($"{name}.Customer: is default(CustomerId); create one with CustomerId.From(value).");
        }

        if (string.IsNullOrWhiteSpace(item.Channel))
        {
            problems.Add($"{name}.Channel: must not be empty.");
        }

        if (item.Text is null)
        {
            problems.Add($"{name}.Text: must not be null.");
        }

        if (item.Tags is null)
        {
            problems.Add($"{name}.Tags: must not be null.");
        }

        if (item.Category is { } c && Array.IndexOf(_categories, c) < 0)
        {
            problems.Add($"{name}.Category: '{c}' is not one of the Categories ({string.Join(", ", _categories)}).");
        }

        if (item.Urgency is { } u && Array.IndexOf(_urgencies, u) < 0)
        {
            problems.Add($"{name}.Urgency: '{u}' is not one of the UrgencyLevels ({string.Join(", ", _urgencies)}).");
        }

        if (item.AffectedCustomers < 1)
        {
            problems.Add($"{name}.AffectedCustomers: must be >= 1 but was {item.AffectedCustomers}.");
        }

        if (item.TotalCustomers < 0)
        {
            problems.Add($"{name}.TotalCustomers: must be >= 0 but was {item.TotalCustomers}.");
        }
        else if (item.TotalCustomers > 0 && item.AffectedCustomers > item.TotalCustomers)
        {
            problems.Add($"{name}.AffectedCustomers: {item.AffectedCustomers} is more than TotalCustomers ({item.TotalCustomers}).");
        }

        if (!IsValue(item.CustomerValue))
        {
            problems.Add($"{name}.CustomerValue: must be a finite number >= 0 but was {Guard.Format(item.CustomerValue)}.");
        }

        if (item.Supporters is null)
        {
            problems.Add($"{name}.Supporters: must not be null.");
        }
        else
        {
            for (var i = 0; i < item.Supporters.Count; i++)
            {
                if (item.Supporters[i].Customer.IsDefault)
                {
                    problems.Add($"{name}.Supporters[{i}].Customer: is default(CustomerId); create one with CustomerId.From(value).");
                }

                if (!IsValue(item.Supporters[i].Value))
                {
                    problems.Add($"{name}.Supporters[{i}].Value: must be a finite number >= 0 but was {Guard.Format(item.Supporters[i].Value)}.");
                }
            }
        }

        if (item.Submitted < Sla.Calendar.RangeStart || item.Submitted >= Sla.Calendar.RangeEnd)
        {
            problems.Add($"{name}.Submitted: {item.Submitted} is outside the calendar's years {Sla.Calendar.FirstYear}-{Sla.Calendar.LastYear}.");
        }
        else if (item.Submitted > asOf)
        {
            problems.Add($"{name}.Submitted: {item.Submitted} is after the evaluation instant {asOf}.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), name.Contains('[', StringComparison.Ordinal) ? "items" : name.Split('.')[0]);
        }
    }

    private static bool IsValue(double value) => value >= 0 && double.IsFinite(value);
}
