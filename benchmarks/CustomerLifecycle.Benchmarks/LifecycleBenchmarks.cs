using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Applying one event to one customer. The baseline models the same default graph in Stateless the way a host would use it
/// per customer: build the machine in the customer's stage, fire the event, read the state. The engine applies the event to a
/// young Growing customer (6 events), to a Growing customer of long standing (200 events: a full window of recent ids and of
/// monthly counts), and starts a record with a first purchase (a transition, its reasons and playbook actions).
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private static readonly CustomerId Customer = CustomerId.From("c-1");
    private readonly LifecycleEngine _engine = new(new LifecycleOptions());
    private LifecycleRecord _growing = null!;
    private LifecycleEvent _activity = null!;
    private LifecycleRecord _longHistory = null!;
    private LifecycleEvent _longHistoryActivity = null!;
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
        // A customer of long standing: 200 days of daily activity under GUID ids, so the record holds a full window of
        // recent ids (32, of one length) and a full year of monthly counts.
        var random = new Random(7);
        var history = new List<LifecycleEvent> { LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Purchase, start) };
        for (var day = 1; day < 200; day++)
        {
            history.Add(LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Activity, start + Duration.FromDays(day)));
        }

        _longHistory = _engine.Replay(Customer, history).Record!;
        _longHistoryActivity = LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Activity, _longHistory.LastEventAt + Duration.FromDays(1));
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
    public LifecycleRecord? Engine_ApplyOneEvent_LongHistory() => _engine.TryApply(_longHistory, _longHistoryActivity).Record;

    [Benchmark]
    public LifecycleRecord? Engine_FirstEvent_NewRecord() => _engine.TryApply(null, _firstPurchase).Record;

    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
