using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's lifecycle engines, the cluster's and each tenant's, rebuilt when their policy
/// (<see cref="LifecycleOptions"/>, named for a tenant) changes, so that a change reaches every customer grain without
/// restarting the silo.</summary>
/// <remarks>A changed policy that fails validation is refused and logged; the engine of the last valid one stays.</remarks>
internal sealed partial class LifecyclePolicy : IDisposable
{
    private readonly IDisposable? _subscription;
    private readonly ILogger<LifecyclePolicy> _logger;
    private readonly Dictionary<string, LifecycleEngine> _engines;
    private readonly Lock _lock = new();
    private volatile LifecycleEngine _cluster;

    public LifecyclePolicy(IOptionsMonitor<LifecycleOptions> options, LifecycleTenants tenants, ILogger<LifecyclePolicy> logger)
    {
        _logger = logger;
        _cluster = new LifecycleEngine(options.CurrentValue);
        _engines = tenants.Names.ToDictionary(t => t, t => new LifecycleEngine(options.Get(t)), StringComparer.Ordinal);
        _subscription = options.OnChange(Change);
    }

    /// <summary>Gets the engine of a tenant's policy; the cluster's for no tenant or one without its own.</summary>
    public LifecycleEngine Engine(string? tenant)
    {
        if (tenant is null)
        {
            return _cluster;
        }

        lock (_lock)
        {
            return _engines.GetValueOrDefault(tenant) ?? _cluster;
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private void Change(LifecycleOptions options, string? name)
    {
        try
        {
            var engine = new LifecycleEngine(options);
            if (string.IsNullOrEmpty(name))
            {
                _cluster = engine;
            }
            else
            {
                lock (_lock)
                {
                    if (!_engines.ContainsKey(name))
                    {
                        return;
                    }

                    _engines[name] = engine;
                }
            }

            LogChanged(_logger, name ?? "");
        }
        catch (OptionsValidationException e)
        {
            LogRefused(_logger, name ?? "", e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The lifecycle policy '{Name}' changed; customer grains use it from their next call.")]
    private static partial void LogChanged(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "A changed lifecycle policy '{Name}' was refused, the previous one stays: {Problems}")]
    private static partial void LogRefused(ILogger logger, string name, string problems);
}
