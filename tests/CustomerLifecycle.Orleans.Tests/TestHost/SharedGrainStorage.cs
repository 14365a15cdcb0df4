using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>The rows a database would hold, shared by every silo of an in-process cluster and outliving any of them.</summary>
public sealed class SharedRows
{
    public ConcurrentDictionary<string, (string ETag, byte[] Payload)> States { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> Reminders { get; } = new();

    public int Writes;

    /// <summary>The name of a state whose writes fail (a database refusing them), or null.</summary>
    public volatile string? RefusedState;
}

/// <summary>Grain storage over <see cref="SharedRows"/> with the ETag check a database does: a silo killed in a test loses
/// its activations, not the states they saved (Orleans' memory storage keeps them in grains, which a killed silo takes along).</summary>
public sealed class SharedGrainStorage(SharedRows rows, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (rows.States.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Payload);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName == rows.RefusedState)
        {
            throw new InvalidOperationException($"The test refuses writes of {stateName}.");
        }

        var key = Key(stateName, grainId);
        lock (rows)
        {
            var stored = rows.States.TryGetValue(key, out var row) ? row.ETag : null;
            if (stored != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch writing {key}", stored, grainState.ETag);
            }

            var etag = Guid.NewGuid().ToString("N");
            rows.States[key] = (etag, serializer.SerializeToArray(grainState.State));
            grainState.ETag = etag;
            grainState.RecordExists = true;
            rows.Writes++;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        rows.States.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
