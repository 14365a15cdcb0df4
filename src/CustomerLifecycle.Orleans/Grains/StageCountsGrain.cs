using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The stage counts: moves counted in memory as they arrive, saved on a timer when they changed and when the
/// grain deactivates. A save that fails as the grain deactivates loses the moves counted since the last one, logged with
/// the counts (a warning while the silo shuts down, an error otherwise); deactivation goes on.</summary>
internal sealed class StageCountsGrain : Grain, IStageCountsGrain
{
    private readonly IPersistentState<StageCountsState> _state;
    private readonly TimeSpan _saveInterval;
    private readonly ILogger _logger;
    private bool _changed;

    public StageCountsGrain(
        [PersistentState("stage-counts", CustomerGrainOptions.StorageName)] IPersistentState<StageCountsState> state,
        IOptions<CustomerGrainOptions> options,
        ILogger<StageCountsGrain> logger)
    {
        _state = state;
        _saveInterval = options.Value.StageCountsSaveInterval;
        _logger = logger;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SaveAsync, _saveInterval, _saveInterval);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Tried at shutdown too: a database outlives the silo's grains (Orleans stops storage after them), so a rolling
        // restart keeps the counts; a storage that is itself grains, as Orleans' memory storage is, may be gone first.
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Nothing is left to retry the save: the activation goes whatever this does, and its counts with it.
            StageCountsLog.CountsNotSaved(_logger, StageCountsLog.LevelOf(reason), this.GetPrimaryKeyString(), reason.ReasonCode, StageCountsLog.Format(_state.State.Counts), e);
        }
    }

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
