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
        var counts = _state.State.Counts;
        if (from is not null && counts.TryGetValue(from, out var left))
        {
            if (left <= 1)
            {
                counts.Remove(from);
            }
            else
            {
                counts[from] = left - 1;
            }
        }

        counts[to] = counts.GetValueOrDefault(to) + 1;
        _changed = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> GetCountsAsync()
        => Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>(_state.State.Counts, StringComparer.Ordinal));

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
