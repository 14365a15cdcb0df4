using NodaTime;

namespace CustomerLifecycle.Health;

/// <content>The batch path: many customers, compact outputs, no allocation per customer.</content>
public sealed partial class HealthEngine
{
    // Above this many groups the per-call scratch space moves from the stack to one array per call (never per customer).
    private const int StackGroupLimit = 128;

    /// <summary>Scores many customers into compact summaries, allocating nothing per customer.</summary>
    /// <param name="inputs">The customers' factor values.</param>
    /// <param name="asOf">The instant of the evaluation; carry-forward ages are measured against it.</param>
    /// <param name="outputs">Receives one summary per input, at the same index; must be at least as long as <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/> (nothing is written).</exception>
    /// <remarks>Overrides are not applied here: they are per customer and explained, see <see cref="Evaluate(in HealthInput, Instant, HealthOverride?)"/>.</remarks>
    public void Evaluate(ReadOnlySpan<HealthInput> inputs, Instant asOf, Span<HealthScoreSummary> outputs)
    {
        if (outputs.Length < inputs.Length)
        {
            throw new ArgumentException($"The outputs span has {outputs.Length} elements but there are {inputs.Length} inputs; it must be at least as long.", nameof(outputs));
        }

        var groups = _policy.GroupCount;
        Span<double> scratch = groups <= StackGroupLimit ? stackalloc double[2 * groups] : new double[2 * groups];
        var num = scratch[..groups];
        var den = scratch[groups..];
        var asOfTicks = asOf.ToUnixTimeTicks();
        for (var c = 0; c < inputs.Length; c++)
        {
            scratch.Clear();
            var status = Score(inputs[c], asOfTicks, num, den, default, default, out var score, out var coverage);
            outputs[c] = status == HealthStatus.Scored
                ? new HealthScoreSummary(status, score, BandIndex(score), coverage)
                : new HealthScoreSummary(status, 0, -1, 0);
        }
    }
}
