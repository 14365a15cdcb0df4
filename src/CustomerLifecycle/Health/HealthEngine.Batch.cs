using CustomerLifecycle.Internal;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <content>The batch path: many customers, compact outputs, no allocation per customer.</content>
public sealed partial class HealthEngine
{
    // Above this many groups the per-call scratch space moves from the stack to one array per call (never per customer).
    private const int StackGroupLimit = 128;

    // How many customers ahead the batch asks for memory. Measured on the benchmark machine: without it the loop waits on
    // memory most of the time (the hardware prefetcher does not keep up with 264-byte strides); 8 to 16 ahead hides it.
    private const int PrefetchDistance = 16;

    /// <summary>Scores many customers into compact summaries, allocating nothing per customer.</summary>
    /// <param name="inputs">The customers' factor values.</param>
    /// <param name="asOf">The instant of the evaluation; carry-forward ages are measured against it.</param>
    /// <param name="outputs">Receives one summary per input, at the same index; must be at least as long as <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/> (nothing is written).</exception>
    /// <remarks>Overrides are not applied here: they are per customer and explained, see <see cref="Evaluate(in HealthInput, Instant, HealthOverride?)"/>.</remarks>
    public void Evaluate(ReadOnlySpan<HealthInput> inputs, Instant asOf, Span<HealthScoreSummary> outputs)
    {
        Guard.LongEnough(outputs.Length, inputs.Length);

        var asOfTicks = asOf.ToUnixTimeTicks();
        if (_policy.IsFlat && _policy.IsLinear)
        {
            for (var c = 0; c < inputs.Length; c++)
            {
                Prefetch(inputs, c + PrefetchDistance);
                outputs[c] = ScoreFlatLinear(inputs[c], asOfTicks);
            }

            return;
        }

        if (_policy.IsFlat)
        {
            for (var c = 0; c < inputs.Length; c++)
            {
                Prefetch(inputs, c + PrefetchDistance);
                outputs[c] = ScoreFlat(inputs[c], asOfTicks);
            }

            return;
        }

        var groups = _policy.GroupCount;
        Span<double> scratch = groups <= StackGroupLimit ? stackalloc double[2 * groups] : new double[2 * groups];
        var num = scratch[..groups];
        var den = scratch[groups..];
        for (var c = 0; c < inputs.Length; c++)
        {
            Prefetch(inputs, c + PrefetchDistance);
            scratch.Clear();
            var status = Score(inputs[c], asOfTicks, num, den, default, default, out var score, out var coverage);
            outputs[c] = Summary(status, score, coverage);
        }
    }

    /// <summary>The batch kernel for a policy without groups: one pass over the leaf plans, sums kept in registers.</summary>
    /// <remarks>Computes exactly what <c>Score</c> computes for a flat tree, in the same order, so batch and single agree to the bit.</remarks>
    private HealthScoreSummary ScoreFlat(in HealthInput input, long asOfTicks)
    {
        var policy = _policy;
        ReadOnlySpan<LeafPlan> plans = policy.Plans;
        var present = input.PresentMask;
        var observed = input.ObservedAtMask;
        double num = 0, den = 0, coverage = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            ref readonly var plan = ref plans[i];
            var bit = 1 << i;
            var value = input.RawValueAt(i);
            var usable = (present & bit) != 0 && double.IsFinite(value)
                && ((observed & bit) == 0 || plan.Policy != HealthMissingDataPolicy.CarryForward || asOfTicks - input.ObservedAtTicksAt(i) <= plan.CarryForwardTicks);
            double points;
            if (usable)
            {
                points = policy.Normalize(plan, i, value);
                coverage += plan.FullShare;
            }
            else if (plan.Policy == HealthMissingDataPolicy.TreatAsZero)
            {
                points = 0;
            }
            else if (plan.Policy == HealthMissingDataPolicy.Fail)
            {
                return new HealthScoreSummary(HealthStatus.MissingRequiredFactor, 0, -1, 0);
            }
            else
            {
                continue;
            }

            num += plan.Weight * points;
            den += plan.Weight;
        }

        var status = Finish(num, den, ref coverage, out var score);
        return Summary(status, score, coverage);
    }

    /// <summary>The batch kernel for a flat policy of linear factors: no calls in the loop, so the sums stay in registers.</summary>
    /// <remarks>Same arithmetic, in the same order, as <c>Score</c> with <c>CompiledHealthPolicy.Normalize</c>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private HealthScoreSummary ScoreFlatLinear(in HealthInput input, long asOfTicks)
    {
        ReadOnlySpan<LeafPlan> plans = _policy.Plans;
        var present = input.PresentMask;
        var observed = input.ObservedAtMask;
        double num = 0, den = 0, coverage = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            ref readonly var plan = ref plans[i];
            var bit = 1 << i;
            var value = input.RawValueAt(i);
            if ((present & bit) != 0 && double.IsFinite(value)
                && ((observed & bit) == 0 || plan.Policy != HealthMissingDataPolicy.CarryForward || asOfTicks - input.ObservedAtTicksAt(i) <= plan.CarryForwardTicks))
            {
                var points = plan.Offset + (plan.Sign * CompiledHealthPolicy.Linear(value, plan.A, plan.B));
                coverage += plan.FullShare;
                num += plan.Weight * points;
                den += plan.Weight;
            }
            else if (plan.Policy == HealthMissingDataPolicy.TreatAsZero)
            {
                num += plan.Weight * 0.0;
                den += plan.Weight;
            }
            else if (plan.Policy == HealthMissingDataPolicy.Fail)
            {
                return new HealthScoreSummary(HealthStatus.MissingRequiredFactor, 0, -1, 0);
            }
        }

        var status = Finish(num, den, ref coverage, out var score);
        return Summary(status, score, coverage);
    }

    /// <summary>Asks the CPU to start loading the masks and values (the first 136 bytes) of a later input.</summary>
    /// <remarks>
    /// A prefetch is only a hint: it never faults and changes no result. The element is pinned just for taking its address;
    /// should the array move afterwards, the hint merely fetches the wrong line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ReadOnlySpan<HealthInput> inputs, int index)
    {
        if (Sse.IsSupported && (uint)index < (uint)inputs.Length)
        {
            fixed (HealthInput* element = &inputs[index])
            {
                var address = (byte*)element;
                Sse.Prefetch0(address);
                Sse.Prefetch0(address + 64);
                Sse.Prefetch0(address + 128);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private HealthScoreSummary Summary(HealthStatus status, double score, double coverage)
        => status == HealthStatus.Scored
            ? new HealthScoreSummary(status, score, BandIndex(score), coverage)
            : new HealthScoreSummary(status, 0, -1, 0);
}
