using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's engines of one policy, the cluster's and each tenant's, rebuilt when their options (named for a
/// tenant) change, so that a change reaches every customer grain without restarting the silo.</summary>
/// <remarks>A changed policy that fails validation is refused and logged; the engine of the last valid one stays.</remarks>
/// <typeparam name="TOptions">The policy.</typeparam>
/// <typeparam name="TEngine">The engine a policy makes; its constructor validates the policy.</typeparam>
internal abstract class TenantPolicy<TOptions, TEngine> : IDisposable
    where TEngine : class
{
    private readonly IDisposable? _subscription;
    private readonly ILogger _logger;
    private readonly Func<TOptions, TEngine> _create;
    private readonly Dictionary<string, TEngine> _engines;
    private readonly Lock _lock = new();
    private volatile TEngine _cluster;

    protected TenantPolicy(IOptionsMonitor<TOptions> options, PolicyTenants<TOptions> tenants, Func<TOptions, TEngine> create, ILogger logger)
    {
        _logger = logger;
        _create = create;
        _cluster = create(options.CurrentValue);
        _engines = tenants.Names.ToDictionary(t => t, t => create(options.Get(t)), StringComparer.Ordinal);
        _subscription = options.OnChange(Change);
    }

    /// <summary>Gets the engine of a tenant's policy; the cluster's for no tenant or one without its own.</summary>
    public TEngine Engine(string? tenant)
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

    private void Change(TOptions options, string? name)
    {
        try
        {
            var engine = _create(options);
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

            PolicyLog.Changed(_logger, typeof(TOptions).Name, name ?? "");
        }
        catch (OptionsValidationException e)
        {
            PolicyLog.Refused(_logger, typeof(TOptions).Name, name ?? "", e.Message);
        }
    }
}
