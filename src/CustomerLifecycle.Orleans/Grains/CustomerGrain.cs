using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Serialization;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>One customer's records: the lifecycle record (in the profile when the silo hosts profiles), the profile and
/// the loyalty ledger. Applies events, facts and commands, fires time rules from a reminder, saves with an ETag, and
/// reports stage moves to the stage counts.</summary>
internal sealed partial class CustomerGrain : Grain, ICustomerGrain, IRemindable
{
    /// <summary>The name of the reminder that wakes a customer for its lifecycle record's next check.</summary>
    internal const string NextCheckReminder = "lifecycle-next-check";

    private readonly IPersistentState<CustomerGrainState> _state;
    private readonly LifecyclePolicy _lifecyclePolicy;
    private readonly ProfilePolicy? _profilePolicy;
    private readonly ProfilePopulations? _populations;
    private readonly LoyaltyPolicy? _loyaltyPolicy;
    private readonly IClock _clock;
    private readonly Serializer _serializer;
    private readonly CustomerGrainOptions _options;
    private readonly ILogger _logger;
    private LifecycleRecord? _record;
    private ProfileRecord? _profile;
    private LoyaltyRecord? _loyalty;
    private string? _tenant;

    // When the registered reminder next fires, as far as this activation knows (null: unknown or none). An activation
    // re-registers on its first save that needs a check, so a reminder is never missing for a customer with a next check.
    private Instant? _reminderDueAt;

    public CustomerGrain(
        [PersistentState("customer", CustomerGrainOptions.StorageName)] IPersistentState<CustomerGrainState> state,
        IServiceProvider services,
        IClock clock,
        Serializer serializer,
        IOptions<CustomerGrainOptions> options,
        ILogger<CustomerGrain> logger)
    {
        _state = state;
        _lifecyclePolicy = services.GetRequiredService<LifecyclePolicy>();
        _profilePolicy = services.GetService<ProfilePolicy>();
        _populations = services.GetService<ProfilePopulations>();
        _loyaltyPolicy = services.GetService<LoyaltyPolicy>();
        _clock = clock;
        _serializer = serializer;
        _options = options.Value;
        _logger = logger;
    }

    private CustomerId Customer => CustomerId.From(this.GetPrimaryKeyString());

    /// <summary>The customer's lifecycle record, wherever it lives: in the profile when there is one.</summary>
    private LifecycleRecord? Lifecycle => _profile?.Lifecycle ?? _record;

    /// <summary>The engine of the lifecycle record: the profile policy's when the silo hosts profiles (the lifecycle record
    /// lives in the profile then), the lifecycle policy's otherwise.</summary>
    private LifecycleEngine LifecycleEngine => _profilePolicy is not null && _record is null ? ProfileEngine.Lifecycle : _lifecyclePolicy.Engine(_tenant);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Tenant.Of(this.GetPrimaryKeyString(), _options.TenantSeparator);
        var state = _state.State;
        _record = state.Lifecycle is { } record ? _serializer.Deserialize<LifecycleRecord>(record) : null;
        _profile = state.Profile is { } profile ? _serializer.Deserialize<ProfileRecord>(profile) : null;
        _loyalty = state.Loyalty is { } loyalty ? _serializer.Deserialize<LoyaltyRecord>(loyalty) : null;
        return Task.CompletedTask;
    }

    public async Task<LifecycleOutcome> ApplyAsync(LifecycleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        CheckCustomer("event", @event.Id, @event.Customer, nameof(@event));
        if (_profilePolicy is not null)
        {
            // One source of truth: an event applied beside the profile would be undone by the next fact's fold.
            throw new InvalidOperationException(
                $"Customer '{Customer}': this cluster keeps the lifecycle record in the profile, so events are derived from facts; send the event {@event.Id} as a CustomerFact instead.");
        }

        var outcome = LifecycleEngine.TryApply(_record, @event);
        if (outcome.Changed && outcome.Record is { } after)
        {
            await SaveAsync(record: after);
        }

        return outcome;
    }

    public async Task<LifecycleOutcome?> EvaluateAsync(Instant asOf)
    {
        if (Lifecycle is not { } record)
        {
            return null;
        }

        if (_profile is not null && asOf < _profile.LastFactAt)
        {
            // As the profile engine has it: a profile is evaluated at an instant after everything it has folded.
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"asOf: must not be before the profile's latest fact at {_profile.LastFactAt} but was {asOf}.");
        }

        var outcome = LifecycleEngine.Evaluate(record, asOf);
        await SaveLifecycleAsync(outcome);
        return outcome;
    }

    public Task<Explanation<LifecycleOutcome>?> ExplainAsync(Instant asOf)
        => Task.FromResult(Lifecycle is { } record ? LifecycleEngine.Explain(record, asOf) : null);

    public Task<LifecycleRecord?> GetLifecycleAsync() => Task.FromResult(Lifecycle);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != NextCheckReminder)
        {
            return;
        }

        var now = _clock.GetCurrentInstant();
        _reminderDueAt = now + Duration.FromTimeSpan(_options.MaxReminderWait);
        if (Lifecycle is not { } record || record.NextCheckAt == Instant.MaxValue)
        {
            await UnregisterReminderAsync();
            return;
        }

        // Evaluated at every wake-up, not only when the check is due: a changed policy may have brought it forward.
        if (now >= record.LastEventAt && now >= (_profile?.LastFactAt ?? Instant.MinValue))
        {
            await SaveLifecycleAsync(LifecycleEngine.Evaluate(record, now));
        }

        // A check the evaluation left due (a policy whose rule did not fire after all) waits for the next period rather
        // than waking the grain again at once.
        if (Lifecycle!.NextCheckAt > now)
        {
            await ArmReminderAsync(Lifecycle.NextCheckAt);
        }
    }

    /// <summary>Refuses an input for another customer: nothing is applied or saved.</summary>
    private void CheckCustomer(string what, string id, CustomerId customer, string paramName)
    {
        if (customer != Customer)
        {
            throw new ArgumentException($"The {what} {id} is for customer '{customer}', not '{Customer}'; send it to its own customer's grain.", paramName);
        }
    }

    /// <summary>Saves a lifecycle outcome that changed the record, where the record lives.</summary>
    private Task SaveLifecycleAsync(LifecycleOutcome outcome)
        => !outcome.Changed || outcome.Record is not { } after ? Task.CompletedTask
            : _profile is { } profile ? SaveAsync(profile: profile with { Lifecycle = after })
            : SaveAsync(record: after);

    /// <summary>Saves the customer's state with the records given changed (null: unchanged), in one write with the state's
    /// ETag; then follows the lifecycle record's move: the stage counts and the reminder.</summary>
    private async Task SaveAsync(LifecycleRecord? record = null, ProfileRecord? profile = null, LoyaltyRecord? loyalty = null)
    {
        var before = Lifecycle;
        var after = profile?.Lifecycle ?? record ?? before;

        // The reminder is armed before the save: a failure in between leaves a spare wake-up (harmless), never a customer
        // whose check is due without one.
        if (after is not null)
        {
            await ArmReminderAsync(after.NextCheckAt);
        }

        var state = _state.State;
        var saved = (state.Lifecycle, state.Profile, state.Loyalty);
        state.Lifecycle = record is null ? state.Lifecycle : _serializer.SerializeToArray(record);
        state.Profile = profile is null ? state.Profile : _serializer.SerializeToArray(profile);
        state.Loyalty = loyalty is null ? state.Loyalty : _serializer.SerializeToArray(loyalty);
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Another activation may have written (its ETag won): start again from storage on the next call.
            (state.Lifecycle, state.Profile, state.Loyalty) = saved;
            DeactivateOnIdle();
            throw;
        }

        _record = record ?? _record;
        _profile = profile ?? _profile;
        _loyalty = loyalty ?? _loyalty;
        if (after is not null && before?.Stage != after.Stage)
        {
            await ReportMoveAsync(before?.Stage, after.Stage);
        }

        if (after is not null && after.NextCheckAt == Instant.MaxValue && before is not null && before.NextCheckAt != Instant.MaxValue)
        {
            await UnregisterReminderAsync();
        }
    }

    /// <summary>Reports a saved stage move to the stage counts (or to the silo's gathering of moves). A report that fails
    /// does not fail the call: the customer's record is saved, so a retry would find its input a Duplicate and report
    /// nothing, and its caller would have seen an error for an apply that succeeded. The move is lost from the counts, as
    /// when a silo fails between the save and the report, and logged.</summary>
    private async Task ReportMoveAsync(string? from, string to)
    {
        var counts = Tenant.StageCountsKey(_tenant);
        try
        {
            await (_options.StageCountsBatchInterval > TimeSpan.Zero
                ? GrainFactory.GetGrain<IStageMovesGrain>(counts).MoveAsync(from, to)
                : GrainFactory.GetGrain<IStageCountsGrain>(counts).MoveAsync(from, to));
        }
        catch (Exception e)
        {
            StageCountsLog.MoveNotCounted(_logger, Customer.Value!, from ?? "none", to, counts, e);
        }
    }

    private async Task ArmReminderAsync(Instant nextCheckAt)
    {
        var now = _clock.GetCurrentInstant();
        if (NextCheckSchedule.DueIn(nextCheckAt, now, _options.MaxReminderWait) is not { } dueIn)
        {
            return;
        }

        var dueAt = now + Duration.FromTimeSpan(dueIn);
        if (_reminderDueAt is { } armed && armed <= dueAt)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(NextCheckReminder, dueIn, _options.MaxReminderWait);
        _reminderDueAt = dueAt;
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(NextCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderDueAt = null;
    }
}
