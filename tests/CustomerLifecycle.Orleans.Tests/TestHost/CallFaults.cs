namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>Fails the grain calls a test chooses, as a cluster failure or a broken grain would: registered on every silo of
/// a test cluster (<c>silo.AddIncomingGrainCallFilter(faults)</c>), it does nothing until a test asks.</summary>
public sealed class CallFaults : IIncomingGrainCallFilter
{
    private readonly Lock _lock = new();
    private (GrainId Target, string Method, int Times, Func<Exception> Exception)? _fault;

    /// <summary>Gets how many calls were failed since the last <see cref="Fail"/>.</summary>
    public int Failed { get; private set; }

    /// <summary>Fails the next <paramref name="times"/> calls of <paramref name="method"/> on the grain
    /// <paramref name="target"/> with <paramref name="exception"/>'s exception.</summary>
    public void Fail(GrainId target, string method, int times, Func<Exception> exception)
    {
        lock (_lock)
        {
            _fault = (target, method, times, exception);
            Failed = 0;
        }
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        lock (_lock)
        {
            if (_fault is { } fault && fault.Target == context.TargetId && fault.Method == context.MethodName && fault.Times > 0)
            {
                _fault = fault with { Times = fault.Times - 1 };
                Failed++;
                return Task.FromException(fault.Exception());
            }
        }

        return context.Invoke();
    }
}
