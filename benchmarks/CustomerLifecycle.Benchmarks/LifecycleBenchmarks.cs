using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// Applying one event to one customer. The baseline models the same default graph in Stateless the way a host would use it
/// per customer: build the machine in the customer's stage, fire the event, read the state. The engine applies the event to a
/// young Growing customer (6 events), to Growing customers of long standing (200–207 events: a full duplicate window and a
/// full year of monthly counts), and starts a record with a first purchase (a transition, its reasons and playbook actions).
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private const int LongStanding = 8;
    private static readonly CustomerId Customer = CustomerId.From("c-1");
    private readonly LifecycleEngine _engine = new(new LifecycleOptions());
    private LifecycleRecord _growing = null!;
    private LifecycleEvent _activity = null!;
    private readonly LifecycleRecord[] _longHistory = new LifecycleRecord[LongStanding];
    private readonly LifecycleEvent[] _longHistoryActivity = new LifecycleEvent[LongStanding];
    private int _idsMove;
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
        // Customers of long standing: 200 days of daily activity under GUID ids, so each record holds a full duplicate window
        // (32 ids of one length) and a full year of monthly counts; then 0–7 events more, one customer per phase of the
        // engine's two-part window: the newest ids, which an event copies, and the earlier ones, where every eighth event
        // moves the newest.
        var random = new Random(7);
        var history = new List<LifecycleEvent> { LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Purchase, start) };
        for (var day = 1; day < 200; day++)
        {
            history.Add(LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Activity, start + Duration.FromDays(day)));
        }

        for (var i = 0; i < LongStanding; i++)
        {
            _longHistory[i] = _engine.Replay(Customer, history).Record!;
            _longHistoryActivity[i] = LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Activity, _longHistory[i].LastEventAt + Duration.FromDays(1));
            history.Add(LifecycleEvent.Create(NewId(random), Customer, LifecycleEventKind.Activity, start + Duration.FromDays(200) + Duration.FromHours(i)));
        }

        // The phase whose event leaves one recent id: the others have moved.
        _idsMove = Enumerable.Range(0, LongStanding).Single(i => _engine.TryApply(_longHistory[i], _longHistoryActivity[i]).Record!.NewestEventIdsPart.Length == 1);
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

    /// <summary>One event to each customer of long standing: the average over the phases of the newest ids.</summary>
    [Benchmark(OperationsPerInvoke = LongStanding)]
    public LifecycleRecord? Engine_ApplyOneEvent_LongHistory()
    {
        LifecycleRecord? record = null;
        for (var i = 0; i < LongStanding; i++)
        {
            record = _engine.TryApply(_longHistory[i], _longHistoryActivity[i]).Record;
        }

        return record;
    }

    /// <summary>The one event in eight to a customer of long standing that moves the newest ids to the earlier ones: the most expensive phase.</summary>
    [Benchmark]
    public LifecycleRecord? Engine_ApplyOneEvent_LongHistory_IdsMove() => _engine.TryApply(_longHistory[_idsMove], _longHistoryActivity[_idsMove]).Record;

    [Benchmark]
    public LifecycleRecord? Engine_FirstEvent_NewRecord() => _engine.TryApply(null, _firstPurchase).Record;

    private static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
