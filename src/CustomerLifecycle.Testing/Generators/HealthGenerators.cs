using CustomerLifecycle.Health;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the health engine: policies (factor trees of every normaliser kind) and the inputs a policy scores.</summary>
/// <remarks>
/// Inputs are drawn per factor from the range its normaliser reacts to, widened on both sides (see <see cref="ValueRange"/>),
/// on a grid of 1,001 points so that equal values and the normaliser's own bounds come up often; about one value in six is missing.
/// </remarks>
public static class HealthGenerators
{
    /// <summary>Gets a generator of valid health policies: 1–8 factors of every normaliser kind, direction and missing-data
    /// policy but Fail, some in a weighted group and some of those in a weighted group inside it, with the default bands
    /// and no usage-drop rules.</summary>
    public static Gen<HealthOptions> Policy { get; } =
        (from count in Gen.Choose(1, 8)
         from factors in Gen.CollectToList(Enumerable.Range(0, count), i => Factor($"f{i}"))
         from grouped in Gen.Choose(0, count - 1)
         from nested in Gen.Choose(0, grouped)
         from groupWeight in Gen.Choose(1, 5)
         from nestedWeight in Gen.Choose(1, 5)
         select Build(factors, grouped, nested, groupWeight, nestedWeight))
        .Where(IsValid);

    /// <summary>Gets a generator of a policy from <see cref="Policy"/> with an input for it from <see cref="Input"/>.</summary>
    public static Gen<(HealthOptions Policy, HealthInput Input)> PolicyAndInput { get; } =
        from policy in Policy
        from input in Input(policy)
        select (policy, input);

    /// <summary>A generator of one factor with the given id.</summary>
    /// <param name="id">The factor's id.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public static Gen<HealthFactorOptions> Factor(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return from kind in Gen.Elements(HealthNormalizerKind.Linear, HealthNormalizerKind.Logistic, HealthNormalizerKind.RatioToTarget, HealthNormalizerKind.StepGrid)
               from lower in Gen.Elements(false, true)
               from weight in Gen.Frequency((1, Gen.Constant(0.0)), (8, Gen.Choose(1, 10).Select(w => (double)w)))
               from a in Gen.Choose(-1000, 1000).Select(x => x / 100.0)
               from b in Gen.Choose(10, 1000).Select(x => x / 100.0)
               from points in Gen.ArrayOf(Gen.Choose(0, 100).Select(p => (double)p), 3).Select(p => p.Order().ToArray())
               from missing in Gen.Elements(HealthMissingDataPolicy.Exclude, HealthMissingDataPolicy.Exclude, HealthMissingDataPolicy.TreatAsZero)
               select new HealthFactorOptions
               {
                   Id = id,
                   Weight = weight,
                   Direction = lower ? HealthDirection.LowerIsBetter : HealthDirection.HigherIsBetter,
                   MissingData = missing,
                   Normalizer = kind switch
                   {
                       HealthNormalizerKind.Linear => new() { Kind = kind, Min = a, Max = a + b },
                       HealthNormalizerKind.Logistic => new() { Kind = kind, Midpoint = a, Steepness = b },
                       HealthNormalizerKind.RatioToTarget => new() { Kind = kind, Target = b },
                       _ => new()
                       {
                           Kind = kind,
                           Steps =
                           [
                               new() { To = a, Points = points[0] },
                               new() { From = a, To = a + b, Points = points[1] },
                               new() { From = a + b, Points = points[2] },
                           ],
                       },
                   },
               };
    }

    /// <summary>A generator of inputs for <paramref name="policy"/>: each factor's value from its <see cref="ValueRange"/>, about one in six missing.</summary>
    /// <param name="policy">The policy; validated once, here.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Gen<HealthInput> Input(HealthOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new HealthEngine(policy);
        var factors = FactorsOf(policy).Select(f => (Slot: engine.SlotOf(f.Id), Range: ValueRange(f))).ToArray();
        return Gen.CollectToList(factors, f => Gen.Frequency(
                (1, Gen.Constant<double?>(null)),
                (5, Gen.Choose(0, 1000).Select(k => (double?)(f.Range.Low + ((f.Range.High - f.Range.Low) * k / 1000))))))
            .Select(values =>
            {
                var input = default(HealthInput);
                for (var i = 0; i < factors.Length; i++)
                {
                    if (values[i] is { } value)
                    {
                        input.Set(factors[i].Slot, value);
                    }
                }

                return input;
            });
    }

    /// <summary>The raw values a factor's normaliser reacts to, widened on both sides so that clamping is exercised too.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The lowest and highest raw value worth generating.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factor"/> is null.</exception>
    public static (double Low, double High) ValueRange(HealthFactorOptions factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var n = factor.Normalizer;
        return n.Kind switch
        {
            HealthNormalizerKind.Linear => Widen(n.Min, n.Max),
            HealthNormalizerKind.Logistic => Widen(n.Midpoint - (3 / n.Steepness), n.Midpoint + (3 / n.Steepness)),
            HealthNormalizerKind.RatioToTarget => Widen(0, n.Target),
            _ => StepRange(n.Steps),
        };
    }

    /// <summary>Every factor of a policy's tree: the root's factors, then each group's, depth first.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The factors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static IEnumerable<HealthFactorOptions> FactorsOf(HealthOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Factors.Concat(policy.Groups.SelectMany(FactorsOf));
    }

    private static IEnumerable<HealthFactorOptions> FactorsOf(HealthGroupOptions group) => group.Factors.Concat(group.Groups.SelectMany(FactorsOf));

    private static (double Low, double High) StepRange(List<HealthStepOptions> steps)
    {
        var bounds = steps.SelectMany(s => new[] { s.From, s.To }).OfType<double>().ToArray();
        return bounds.Length == 0 ? (-10, 10) : Widen(bounds.Min(), bounds.Max() == bounds.Min() ? bounds.Min() + 1 : bounds.Max());
    }

    private static (double Low, double High) Widen(double low, double high)
    {
        var span = high - low;
        return (low - (span / 2), high + (span / 2));
    }

    private static HealthOptions Build(List<HealthFactorOptions> factors, int grouped, int nested, int groupWeight, int nestedWeight)
    {
        // The first `nested` factors go into a group inside the group of the first `grouped`; the rest stay at the root.
        var options = new HealthOptions { Factors = [.. factors.Skip(grouped)], Groups = [], Trend = new HealthTrendOptions { UsageDrops = [] } };
        if (grouped > 0)
        {
            var group = new HealthGroupOptions { Id = "group", Weight = groupWeight, Factors = [.. factors.Take(grouped).Skip(nested)] };
            if (nested > 0)
            {
                group.Groups.Add(new HealthGroupOptions { Id = "nested", Weight = nestedWeight, Factors = [.. factors.Take(nested)] });
            }

            options.Groups.Add(group);
        }

        return options;
    }

    private static bool IsValid(HealthOptions options) => new HealthOptionsValidator().Validate(null, options).Succeeded;
}
