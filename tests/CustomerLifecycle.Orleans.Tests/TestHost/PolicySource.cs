using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A lifecycle policy (the cluster's, or the tenant's named <paramref name="name"/>) a test changes while the silos
/// run, as a configuration reload would: register it as both the change-token source and a configuration of the options.</summary>
public sealed class PolicySource(string name) : IOptionsChangeTokenSource<LifecycleOptions>, IConfigureNamedOptions<LifecycleOptions>
{
    private Action<LifecycleOptions> _configure = _ => { };
    private CancellationTokenSource _changed = new();

    public PolicySource()
        : this(Options.DefaultName)
    {
    }

    public string Name => name;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Configure(string? optionsName, LifecycleOptions options)
    {
        if (optionsName == name)
        {
            _configure(options);
        }
    }

    public void Configure(LifecycleOptions options) => Configure(Options.DefaultName, options);

    /// <summary>Configures the policy anew with <paramref name="configure"/> and raises the change.</summary>
    public void Change(Action<LifecycleOptions> configure)
    {
        _configure = configure;
        var changed = _changed;
        _changed = new CancellationTokenSource();
        changed.Cancel();
    }
}
