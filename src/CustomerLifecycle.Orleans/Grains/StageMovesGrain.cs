using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>One silo's gathered stage moves for one stage-counts grain: changes per stage in memory, sent every
/// <see cref="CustomerGrainOptions.StageCountsBatchInterval"/> and when the activation deactivates. A batch that fails
/// as the activation deactivates is lost from the counts, logged with its changes (a warning while the silo shuts down,
/// when the counts grain may be gone with another silo, an error otherwise); deactivation goes on.</summary>
[StatelessWorker(1)]
internal sealed class StageMovesGrain(IOptions<CustomerGrainOptions> options, ILogger<StageMovesGrain> logger) : Grain, IStageMovesGrain
{
    private readonly TimeSpan _interval = options.Value.StageCountsBatchInterval;
    private Dictionary<string, long> _changes = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SendAsync, _interval, _interval);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The failed batch is back in _changes, which go with the activation: no next batch will carry them.
            StageCountsLog.ChangesNotSent(logger, StageCountsLog.LevelOf(reason), this.GetPrimaryKeyString(), reason.ReasonCode, StageCountsLog.Format(_changes.Where(c => c.Value != 0)), e);
        }
    }

    public Task MoveAsync(string? from, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (from is not null)
        {
            _changes[from] = _changes.GetValueOrDefault(from) - 1;
        }

        _changes[to] = _changes.GetValueOrDefault(to) + 1;
        return Task.CompletedTask;
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var changes = _changes.Where(c => c.Value != 0).ToDictionary(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return;
        }

        _changes = new(StringComparer.Ordinal);
        try
        {
            await GrainFactory.GetGrain<IStageCountsGrain>(this.GetPrimaryKeyString()).ChangeAsync(changes);
        }
        catch
        {
            // Sent again with the next batch: the moves gathered meanwhile are added to these.
            foreach (var (stage, change) in changes)
            {
                _changes[stage] = _changes.GetValueOrDefault(stage) + change;
            }

            throw;
        }
    }
}
