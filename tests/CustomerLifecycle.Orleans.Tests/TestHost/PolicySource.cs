using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A policy (the cluster's, or the tenant's named <paramref name="name"/>) a test changes while the silos run, as a
/// configuration reload would: register it as both the change-token source and a configuration of the options.</summary>
public sealed class PolicySource<TOptions>(string name) : IOptionsChangeTokenSource<TOptions>, IConfigureNamedOptions<TOptions>
    where TOptions : class
{
    private Action<TOptions> _configure = _ => { };
    private CancellationTokenSource _changed = new();

    public PolicySource()
        : this(Options.DefaultName)
    {
    }

    public string Name => name;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Configure(string? optionsName, TOptions options)
    {
        if (optionsName == name)
        {
            _configure(options);
        }
    }

    public void Configure(TOptions options) => Configure(Options.DefaultName, options);

    /// <summary>Configures the policy anew with <paramref name="configure"/> and raises the change.</summary>
    public void Change(Action<TOptions> configure)
    {
        _configure = configure;
        var changed = _changed;
        _changed = new CancellationTokenSource();
        changed.Cancel();
    }
}
