using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Applying one event to one customer. The baseline models the same default graph in Stateless the way a host would use it
/// per customer: build the machine in the customer's stage, fire the event, read the state.
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private static readonly CustomerId Customer = CustomerId.From("c-1");
    private readonly LifecycleEngine _engine = new(new LifecycleOptions());
    private LifecycleRecord _growing = null!;
    private LifecycleEvent _activity = null!;
    private LifecycleEvent _firstPurchase = null!;
    private CustomerFacts _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = Instant.FromUtc(2026, 1, 5, 9, 0);
        var events = new List<LifecycleEvent> { LifecycleEvent.Create("e-0", Customer, LifecycleEventKind.Purchase, start) };
        for (var month = 1; month < 6; month++)
        {
            events.Add(LifecycleEvent.Create($"e-{month}", Customer, LifecycleEventKind.Activity, start.InUtc().LocalDateTime.PlusMonths(month).InUtc().ToInstant()));
        }

        _growing = _engine.Replay(Customer, events).Record!;
        _activity = LifecycleEvent.Create("e-new", Customer, LifecycleEventKind.Activity, _growing.LastEventAt + Duration.FromDays(3));
        _firstPurchase = LifecycleEvent.Create("e-first", Customer, LifecycleEventKind.Purchase, start);
        _facts = new CustomerFacts { Stage = _growing.Stage, FirstPurchaseAt = start, LastActivityAt = _growing.LastActivityAt!.Value, Now = _activity.OccurredAt };
    }

    [Benchmark(Baseline = true)]
    public string Stateless_BuildFireRead()
    {
        var machine = StatelessLifecycle.Build(_facts);
        machine.Fire(StatelessLifecycle.Activity);
        return machine.State;
    }

    [Benchmark]
    public LifecycleRecord? Engine_ApplyOneEvent() => _engine.TryApply(_growing, _activity).Record;

    [Benchmark]
    public LifecycleRecord? Engine_FirstEvent_NewRecord() => _engine.TryApply(null, _firstPurchase).Record;
}
