using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Why a command is refused: one reason whose message starts with the field and whose data names the field and its value.</summary>
internal static class LoyaltyRefusals
{
    public const string InvalidCode = "loyalty.invalid-command";

    public static Reason Refuse(string code, string field, object? value, string message)
        => new(code, $"{field}: {message}", new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    public static Reason Invalid(string field, object? value, string message) => Refuse(InvalidCode, field, value, message);

    public static Reason? Identity(LoyaltyRecord? account, LoyaltyCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Key))
        {
            return Invalid("Key", command.Key, "must not be empty.");
        }

        if (command.Member.IsDefault)
        {
            return Invalid("Member", command.Member.Value, "must not be default(CustomerId).");
        }

        return account is not null && account.Member != command.Member
            ? Refuse("loyalty.other-member", "Member", command.Member.Value, $"'{command.Member}' is not the account's member '{account.Member}'.")
            : null;
    }

    public static Reason? Timing(ImmutableArray<LoyaltyEntry> entries, LoyaltyCommand command, Instant earliest, Instant latest, Duration maxBackdating)
    {
        if (command.At < earliest || command.At > latest)
        {
            return Invalid("At", command.At, $"{command.At} is outside [{earliest}, {latest}].");
        }

        var newest = entries.IsEmpty ? command.At : entries.Max(e => e.At);
        return command.At < newest - maxBackdating
            ? Refuse("loyalty.backdated", "At", command.At, string.Create(CultureInfo.InvariantCulture, $"{command.At} is more than {maxBackdating.Days} days before the ledger's latest entry ({newest}); the policy's MaxBackdatingDays is {maxBackdating.Days}."))
            : null;
    }

    public static Reason? Amount(decimal amount, decimal max)
        => amount <= 0 || amount > max
            ? Invalid("Amount", amount, string.Create(CultureInfo.InvariantCulture, $"must be in (0, {max}] but was {amount}."))
            : null;

    public static Reason? NotEmpty(string field, string? value)
        => string.IsNullOrWhiteSpace(value) ? Invalid(field, value, "must not be empty.") : null;
}
