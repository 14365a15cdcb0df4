using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Serialization;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>One customer's lifecycle record: applies events, fires time rules from a reminder, saves with an ETag, and
/// reports stage moves to the stage counts.</summary>
internal sealed class CustomerGrain : Grain, ICustomerGrain, IRemindable
{
    /// <summary>The name of the reminder that wakes a customer for its record's next check.</summary>
    internal const string NextCheckReminder = "lifecycle-next-check";

    private readonly IPersistentState<CustomerGrainState> _state;
    private readonly LifecyclePolicy _policy;
    private readonly IClock _clock;
    private readonly Serializer<LifecycleRecord> _serializer;
    private readonly CustomerGrainOptions _options;
    private LifecycleRecord? _record;
    private string? _tenant;

    // When the registered reminder next fires, as far as this activation knows (null: unknown or none). An activation
    // re-registers on its first save that needs a check, so a reminder is never missing for a customer with a next check.
    private Instant? _reminderDueAt;

    public CustomerGrain(
        [PersistentState("customer", CustomerGrainOptions.StorageName)] IPersistentState<CustomerGrainState> state,
        LifecyclePolicy policy,
        IClock clock,
        Serializer<LifecycleRecord> serializer,
        IOptions<CustomerGrainOptions> options)
    {
        _state = state;
        _policy = policy;
        _clock = clock;
        _serializer = serializer;
        _options = options.Value;
    }

    private CustomerId Customer => CustomerId.From(this.GetPrimaryKeyString());

    private LifecycleEngine Engine => _policy.Engine(_tenant);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Tenant.Of(this.GetPrimaryKeyString(), _options.TenantSeparator);
        _record = _state.State.Lifecycle is { } payload ? _serializer.Deserialize(payload) : null;
        return Task.CompletedTask;
    }

    public async Task<LifecycleOutcome> ApplyAsync(LifecycleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Customer != Customer)
        {
            throw new ArgumentException(
                $"The event {@event.Id} is for customer '{@event.Customer}', not '{Customer}'; send it to its own customer's grain.", nameof(@event));
        }

        var outcome = Engine.TryApply(_record, @event);
        await SaveAsync(outcome);
        return outcome;
    }

    public async Task<LifecycleOutcome?> EvaluateAsync(Instant asOf)
    {
        if (_record is null)
        {
            return null;
        }

        var outcome = Engine.Evaluate(_record, asOf);
        await SaveAsync(outcome);
        return outcome;
    }

    public Task<Explanation<LifecycleOutcome>?> ExplainAsync(Instant asOf)
        => Task.FromResult(_record is null ? null : Engine.Explain(_record, asOf));

    public Task<LifecycleRecord?> GetLifecycleAsync() => Task.FromResult(_record);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != NextCheckReminder)
        {
            return;
        }

        var now = _clock.GetCurrentInstant();
        _reminderDueAt = now + Duration.FromTimeSpan(_options.MaxReminderWait);
        if (_record is null || _record.NextCheckAt == Instant.MaxValue)
        {
            await UnregisterReminderAsync();
            return;
        }

        // Evaluated at every wake-up, not only when the check is due: a changed policy may have brought it forward.
        if (now >= _record.LastEventAt)
        {
            await SaveAsync(Engine.Evaluate(_record, now));
        }

        // A check the evaluation left due (a policy whose rule did not fire after all) waits for the next period rather
        // than waking the grain again at once.
        if (_record.NextCheckAt > now)
        {
            await ArmReminderAsync(_record.NextCheckAt);
        }
    }

    private async Task SaveAsync(LifecycleOutcome outcome)
    {
        if (!outcome.Changed || outcome.Record is not { } after)
        {
            return;
        }

        // The reminder is armed before the save: a failure in between leaves a spare wake-up (harmless), never a customer
        // whose check is due without one.
        await ArmReminderAsync(after.NextCheckAt);
        var before = _record;
        var saved = _state.State.Lifecycle;
        _state.State.Lifecycle = _serializer.SerializeToArray(after);
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Another activation may have written (its ETag won): start again from storage on the next call.
            _state.State.Lifecycle = saved;
            DeactivateOnIdle();
            throw;
        }

        _record = after;
        if (before?.Stage != after.Stage)
        {
            await GrainFactory.GetGrain<IStageCountsGrain>(Tenant.StageCountsKey(_tenant)).MoveAsync(before?.Stage, after.Stage);
        }

        if (after.NextCheckAt == Instant.MaxValue && before is not null && before.NextCheckAt != Instant.MaxValue)
        {
            await UnregisterReminderAsync();
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
