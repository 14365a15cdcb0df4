using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>Validates <see cref="CustomerGrainOptions.MaxReminderWait"/> against the silo's reminder service: it is the period
/// of every customer's reminder, and Orleans refuses a reminder whose period is below
/// <see cref="ReminderOptions.MinimumReminderPeriod"/> (1 minute by default), so a shorter wait would fail every write that
/// arms one.</summary>
internal sealed class ReminderPeriodValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<CustomerGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerGrainOptions options)
    {
        var minimum = reminders.Value.MinimumReminderPeriod;

        // Below 1 second CustomerGrainOptionsValidator already says so.
        return options.MaxReminderWait >= TimeSpan.FromSeconds(1) && options.MaxReminderWait < minimum
            ? ValidateOptionsResult.Fail(
                $"{nameof(CustomerGrainOptions.MaxReminderWait)}: must be at least the reminder service's minimum period "
                + $"(Orleans' {nameof(ReminderOptions)}.{nameof(ReminderOptions.MinimumReminderPeriod)}), {minimum}, but was {options.MaxReminderWait}.")
            : ValidateOptionsResult.Success;
    }
}
