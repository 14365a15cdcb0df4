using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Orleans.Grains;

internal sealed partial class CustomerGrain
{
    /// <summary>The engine of the member's loyalty policy: the silo's loyalty policy, or else the programme of its profile policy.</summary>
    /// <exception cref="InvalidOperationException">The silo hosts no loyalty accounts.</exception>
    private LoyaltyEngine LoyaltyEngine => _loyaltyPolicy?.Engine(_tenant)
        ?? _profilePolicy?.Engine(_tenant).Loyalty
        ?? throw new InvalidOperationException(
            "This silo hosts no loyalty accounts: the silo builder calls AddCustomerLoyalty to keep them, or AddCustomerProfile with a policy that has a programme (ProfileOptions.Loyalty).");

    public async Task<LoyaltyOutcome> ApplyLoyaltyAsync(LoyaltyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CheckCustomer("command", command.Key, command.Member, nameof(command));
        var outcome = LoyaltyEngine.TryApply(_loyalty, command);
        if (outcome.Changed)
        {
            await SaveAsync(loyalty: outcome.Record);
        }

        return outcome;
    }

    public Task<LoyaltyStatement?> EvaluateLoyaltyAsync(Instant asOf)
    {
        var engine = LoyaltyEngine;
        return Task.FromResult(_loyalty is null ? null : engine.Evaluate(_loyalty, asOf));
    }

    public Task<LoyaltyRecord?> GetLoyaltyAsync() => Task.FromResult(_loyalty);
}
