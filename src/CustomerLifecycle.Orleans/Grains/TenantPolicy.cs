using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's engines of one policy, the cluster's and each tenant's, rebuilt when their options (named for a
/// tenant) change, so that a change reaches every customer grain without restarting the silo.</summary>
/// <remarks>
/// <para>A changed policy that fails validation is refused and logged; the engine of the last valid one stays, and a later
/// valid change applies.</para>
/// <para>It listens to the options' change-token sources itself and builds the changed options through the options
/// factory, rather than through <see cref="IOptionsMonitor{TOptions}.OnChange"/>: the monitor validates a change before it
/// tells its listeners, so an invalid one would throw where the change was raised and never reach them to be refused.</para>
/// </remarks>
/// <typeparam name="TOptions">The policy.</typeparam>
/// <typeparam name="TEngine">The engine a policy makes; its constructor validates the policy.</typeparam>
internal abstract class TenantPolicy<TOptions, TEngine> : IDisposable
    where TOptions : class
    where TEngine : class
{
    private readonly IOptionsFactory<TOptions> _factory;
    private readonly ILogger _logger;
    private readonly Func<TOptions, TEngine> _create;
    private readonly Dictionary<string, TEngine> _engines;
    private readonly IDisposable[] _subscriptions;
    private readonly Lock _lock = new();
    private volatile TEngine _cluster;

    protected TenantPolicy(
        IOptionsFactory<TOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<TOptions>> sources,
        PolicyTenants<TOptions> tenants,
        Func<TOptions, TEngine> create,
        ILogger logger)
    {
        _factory = factory;
        _logger = logger;
        _create = create;
        _cluster = create(factory.Create(Options.DefaultName));
        _engines = tenants.Names.ToDictionary(t => t, t => create(factory.Create(t)), StringComparer.Ordinal);
        _subscriptions = [.. sources.Select(source => ChangeToken.OnChange(source.GetChangeToken, Change, source.Name ?? Options.DefaultName))];
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

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Change(string name)
    {
        var cluster = name.Length == 0;
        lock (_lock)
        {
            if (!cluster && !_engines.ContainsKey(name))
            {
                return;
            }
        }

        TEngine engine;
        try
        {
            engine = _create(_factory.Create(name));
        }
        catch (OptionsValidationException e)
        {
            PolicyLog.Refused(_logger, typeof(TOptions).Name, name, e.Message);
            return;
        }

        if (cluster)
        {
            _cluster = engine;
        }
        else
        {
            lock (_lock)
            {
                _engines[name] = engine;
            }
        }

        PolicyLog.Changed(_logger, typeof(TOptions).Name, name);
    }
}
