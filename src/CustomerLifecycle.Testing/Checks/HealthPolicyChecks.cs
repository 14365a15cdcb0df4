using System.Globalization;
using CustomerLifecycle.Health;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own health policy.</summary>
/// <remarks>
/// Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line inside any test with <c>.QuickCheckThrowOnFailure()</c>, which throws with the counter-example when the policy
/// breaks the property.
/// </remarks>
public static class HealthPolicyChecks
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    /// <summary>
    /// Checks that every score is within [0, 100] with contributions that sum to it, and that moving any factor's raw value in
    /// its better direction (up for <see cref="HealthDirection.HigherIsBetter"/>, down for <see cref="HealthDirection.LowerIsBetter"/>)
    /// never lowers the score.
    /// </summary>
    /// <remarks>A step grid whose points fall as the value rises, under <see cref="HealthDirection.HigherIsBetter"/>, breaks monotonicity.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property; inputs are drawn with <see cref="HealthGenerators.Input"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property ScoreIsBoundedAndMonotone(HealthOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new HealthEngine(policy);
        var factors = HealthGenerators.FactorsOf(policy).ToArray();
        var cases = from input in HealthGenerators.Input(policy)
                    from factor in Gen.Choose(0, factors.Length - 1)
                    from step in Gen.Choose(1, 1000)
                    select new HealthCase(input, factors[factor], step);
        return Prop.ForAll(cases.ToArbitrary(), c => Check(engine, c));
    }

    private static Property Check(HealthEngine engine, HealthCase c)
    {
        var before = engine.Evaluate(c.Input, AsOf);
        if (before.Status == HealthStatus.Scored)
        {
            var score = before.ComputedScore!.Value.Value;
            if (!(score >= 0 && score <= 100))
            {
                return false.Label(Text($"The score {score} is outside [0, 100] for {c}."));
            }

            var sum = before.Factors.Sum(f => f.Points);
            if (Math.Abs(sum - score) > 1e-6)
            {
                return false.Label(Text($"The factors' points sum to {sum}, not to the score {score}, for {c}."));
            }
        }

        var slot = engine.SlotOf(c.Factor.Id);
        if (!c.Input.HasValue(slot))
        {
            return true.ToProperty();
        }

        var (low, high) = HealthGenerators.ValueRange(c.Factor);
        var delta = (high - low) * c.Step / 1000;
        var value = c.Input.GetValue(slot);
        var better = c.Factor.Direction == HealthDirection.HigherIsBetter ? value + delta : value - delta;
        var improved = c.Input;
        improved.Set(slot, better);
        var after = engine.Evaluate(improved, AsOf);
        if (before.Status != HealthStatus.Scored || after.Status != HealthStatus.Scored)
        {
            return true.ToProperty();
        }

        var from = before.ComputedScore!.Value.Value;
        var to = after.ComputedScore!.Value.Value;
        return (to >= from - 1e-9).Label(Text($"Moving {c.Factor.Id} ({c.Factor.Direction}) from {value} to {better} lowered the score from {from} to {to}, for {c}."));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One generated input, the factor to improve and by how much (in thousandths of its value range).</summary>
    private sealed record HealthCase(HealthInput Input, HealthFactorOptions Factor, int Step)
    {
        public override string ToString()
        {
            var values = new List<string>();
            for (var slot = 0; slot < HealthInput.MaxFactors; slot++)
            {
                if (Input.HasValue(slot))
                {
                    values.Add(string.Create(CultureInfo.InvariantCulture, $"slot {slot} = {Input.GetValue(slot)}"));
                }
            }

            return $"input [{string.Join(", ", values)}]";
        }
    }
}
