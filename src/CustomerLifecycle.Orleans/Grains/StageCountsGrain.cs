using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The stage counts: moves counted in memory as they arrive, saved on a timer when they changed and when the
/// grain deactivates.</summary>
internal sealed class StageCountsGrain : Grain, IStageCountsGrain
{
    private readonly IPersistentState<StageCountsState> _state;
    private readonly TimeSpan _saveInterval;
    private bool _changed;

    public StageCountsGrain(
        [PersistentState("stage-counts", CustomerGrainOptions.StorageName)] IPersistentState<StageCountsState> state,
        IOptions<CustomerGrainOptions> options)
    {
        _state = state;
        _saveInterval = options.Value.StageCountsSaveInterval;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SaveAsync, _saveInterval, _saveInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveAsync(cancellationToken);

    public Task MoveAsync(string? from, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (from is not null)
        {
            Change(from, -1);
        }

        Change(to, 1);
        return Task.CompletedTask;
    }

    public Task ChangeAsync(Dictionary<string, long> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (stage, change) in changes)
        {
            Change(stage, change);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> GetCountsAsync()
        => Task.FromResult<IReadOnlyDictionary<string, long>>(_state.State.Counts.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal));

    /// <summary>Adds <paramref name="change"/> to a stage's count; a stage at 0 is not kept.</summary>
    /// <remarks>A count may go below 0 for a while: silos send their batches independently, so a customer's move out of a
    /// stage can arrive before its move in, gathered on another silo.</remarks>
    private void Change(string stage, long change)
    {
        var counts = _state.State.Counts;
        var count = counts.GetValueOrDefault(stage) + change;
        if (count != 0)
        {
            counts[stage] = count;
        }
        else
        {
            counts.Remove(stage);
        }

        _changed = true;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_changed)
        {
            return;
        }

        _changed = false;
        try
        {
            await _state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _changed = true;
            throw;
        }
    }
}
