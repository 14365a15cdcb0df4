using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The nightly as-of sweep over 1,000,000 records of which few change (one in a thousand crosses the 180-day inactivity
/// line). Baseline: the explained single-record Evaluate called per record.
/// </summary>
[MemoryDiagnoser]
public class LifecycleSweepBenchmarks
{
    private const int Count = 1_000_000;
    private readonly LifecycleEngine _engine = new(new LifecycleOptions());
    private LifecycleRecord[] _records = null!;
    private LifecycleSweepResult[] _results = null!;
    private Instant _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var start = Instant.FromUtc(2025, 1, 6, 9, 0);
        _asOf = Instant.FromUtc(2026, 6, 1, 2, 0);
        var templates = new LifecycleRecord[1000];
        for (var t = 0; t < templates.Length; t++)
        {
            var customer = CustomerId.From($"c-{t}");
            var events = new List<LifecycleEvent> { LifecycleEvent.Create("p", customer, LifecycleEventKind.Purchase, start + Duration.FromDays(t % 200)) };
            // Weekly activity and a last one hours before the sweep; template 0 stopped 181 days before it and churns.
            var last = t == 0 ? _asOf - Duration.FromDays(181) : _asOf - Duration.FromHours(1 + (t % 20));
            var i = 0;
            for (var at = start + Duration.FromDays((t % 200) + 7); at <= last; at += Duration.FromDays(7))
            {
                events.Add(LifecycleEvent.Create($"a-{i++}", customer, LifecycleEventKind.Activity, at));
            }

            events.Add(LifecycleEvent.Create("a-last", customer, LifecycleEventKind.Activity, last));

            templates[t] = _engine.Replay(customer, events).Record!;
        }

        _records = [.. Enumerable.Range(0, Count).Select(i => templates[i % templates.Length])];
        _results = new LifecycleSweepResult[Count];
    }

    [Benchmark(Baseline = true)]
    public int SingleRecordEvaluate_PerRecord()
    {
        var changed = 0;
        foreach (var record in _records)
        {
            if (_engine.Evaluate(record, _asOf).Changed)
            {
                changed++;
            }
        }

        return changed;
    }

    [Benchmark]
    public int BatchSweep() => _engine.Evaluate(_records, _asOf, _results);
}
