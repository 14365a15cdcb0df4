using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>
/// The factor tree flattened into arrays, so that scoring a customer is a loop over leaf slots and then over groups.
/// </summary>
/// <remarks>
/// Groups are numbered in pre-order with the root at 0, so every group's index is greater than its parent's: walking the
/// groups from the last index down to 1 folds each group into its parent after all its children were folded into it.
/// </remarks>
internal sealed class CompiledHealthPolicy
{
    private readonly int[] _stepStart;
    private readonly int[] _stepCount;
    private readonly double[] _stepTo;
    private readonly bool[] _stepToInclusive;
    private readonly double[] _stepPoints;

    public CompiledHealthPolicy(HealthOptions options)
    {
        var leaves = new List<(HealthFactorOptions Factor, int Parent)>();
        var groups = new List<(string Id, double Weight, int Parent)> { ("(root)", 1, -1) };
        Flatten(options.Factors, options.Groups, 0, leaves, groups);

        LeafCount = leaves.Count;
        GroupCount = groups.Count;
        FactorIds = leaves.Select(l => l.Factor.Id).ToArray();
        LeafWeight = leaves.Select(l => l.Factor.Weight).ToArray();
        LeafParent = leaves.Select(l => l.Parent).ToArray();
        Policy = leaves.Select(l => l.Factor.MissingData).ToArray();
        CarryForwardTicks = leaves.Select(l => Duration.FromDays(l.Factor.CarryForwardDays).BclCompatibleTicks).ToArray();
        GroupWeight = groups.Select(g => g.Weight).ToArray();
        GroupParent = groups.Select(g => g.Parent).ToArray();
        GroupIds = groups.Select(g => g.Id).ToArray();

        var kind = leaves.Select(l => l.Factor.Normalizer.Kind).ToArray();
        var mirror = leaves.Select(l => l.Factor.Direction == HealthDirection.LowerIsBetter).ToArray();
        var p0 = new double[LeafCount];
        var p1 = new double[LeafCount];
        _stepStart = new int[LeafCount];
        _stepCount = new int[LeafCount];
        var stepTo = new List<double>();
        var stepToInclusive = new List<bool>();
        var stepPoints = new List<double>();
        for (var i = 0; i < LeafCount; i++)
        {
            var n = leaves[i].Factor.Normalizer;
            switch (n.Kind)
            {
                case HealthNormalizerKind.Linear:
                    p0[i] = n.Min;
                    p1[i] = n.Max - n.Min;
                    break;
                case HealthNormalizerKind.Logistic:
                    p0[i] = n.Midpoint;
                    p1[i] = n.Steepness;
                    break;
                case HealthNormalizerKind.RatioToTarget:
                    // value / Target is the linear map from 0 to Target, to the bit ((value − 0) / Target), so it shares the fast path.
                    kind[i] = HealthNormalizerKind.Linear;
                    p0[i] = 0;
                    p1[i] = n.Target;
                    break;
                default:
                    _stepStart[i] = stepTo.Count;
                    _stepCount[i] = n.Steps.Count;
                    foreach (var step in n.Steps)
                    {
                        stepTo.Add(step.To ?? double.PositiveInfinity);
                        stepToInclusive.Add(step.ToInclusive);
                        stepPoints.Add(step.Points);
                    }

                    break;
            }
        }

        _stepTo = [.. stepTo];
        _stepToInclusive = [.. stepToInclusive];
        _stepPoints = [.. stepPoints];

        // A leaf's share of the score when every factor has data: the product of its weight shares up the tree.
        var groupShare = new double[GroupCount];
        groupShare[0] = 1;
        for (var g = 1; g < GroupCount; g++)
        {
            groupShare[g] = groupShare[GroupParent[g]] * Share(GroupWeight[g], SiblingWeight(GroupParent[g]));
        }

        FullShare = new double[LeafCount];
        for (var i = 0; i < LeafCount; i++)
        {
            FullShare[i] = groupShare[LeafParent[i]] * Share(LeafWeight[i], SiblingWeight(LeafParent[i]));
        }

        Plans = new LeafPlan[LeafCount];
        for (var i = 0; i < LeafCount; i++)
        {
            Plans[i] = new LeafPlan(p0[i], p1[i], LeafWeight[i], CarryForwardTicks[i], LeafParent[i], kind[i], mirror[i], Policy[i], FullShare[i]);
        }

        IsFlat = GroupCount == 1;
        IsLinear = Plans.All(p => p.Kind == HealthNormalizerKind.Linear);
    }

    /// <summary>Gets everything the hot loop needs about each leaf, contiguous in one array.</summary>
    public LeafPlan[] Plans { get; }

    /// <summary>Gets a value indicating whether every factor sits at the root (no groups), so scoring needs no group scratch.</summary>
    public bool IsFlat { get; }

    /// <summary>Gets a value indicating whether every normaliser is linear (or a ratio, which is linear), so scoring needs no calls.</summary>
    public bool IsLinear { get; }

    public int LeafCount { get; }

    public int GroupCount { get; }

    public string[] FactorIds { get; }

    public double[] LeafWeight { get; }

    public int[] LeafParent { get; }

    public HealthMissingDataPolicy[] Policy { get; }

    public long[] CarryForwardTicks { get; }

    public double[] GroupWeight { get; }

    public int[] GroupParent { get; }

    /// <summary>Gets the group ids by index; index 0 is the root.</summary>
    public string[] GroupIds { get; }

    /// <summary>Gets each leaf's share of the score when every factor has data; coverage sums these.</summary>
    public double[] FullShare { get; }

    /// <summary>Maps a finite raw value onto 0–100 in the factor's direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normalize(int leaf, double value) => Normalize(Plans[leaf], leaf, value);

    /// <summary>Maps a finite raw value onto 0–100 in the factor's direction, from the leaf's plan.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normalize(in LeafPlan plan, int leaf, double value)
    {
        double points;
        switch (plan.Kind)
        {
            case HealthNormalizerKind.Linear:
                points = Linear(value, plan.A, plan.B);
                break;
            case HealthNormalizerKind.Logistic:
                points = 100 / (1 + Math.Exp(-plan.B * (value - plan.A)));
                break;
            default:
                points = StepPoints(leaf, value);
                break;
        }

        return plan.Offset + (plan.Sign * points);
    }

    /// <summary>(value − min) × 100 / range, clamped to [0, 100].</summary>
    /// <remarks>
    /// Scaling before dividing, and dividing rather than multiplying by a reciprocal, keeps decimal inputs exact (58 on a 0–100
    /// range is 58, not 57.99…; Max is 100), which matters at band boundaries. MinNative/MaxNative compile to single
    /// instructions; the value is never NaN here (raw values are checked finite first).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Linear(double value, double min, double range)
        => double.MinNative(double.MaxNative((value - min) * 100 / range, 0), 100);

    private static double Share(double weight, double total) => total > 0 ? weight / total : 0;

    private double StepPoints(int leaf, double value)
    {
        // Steps adjoin without gap or overlap (validated), so the first step whose upper bound admits the value holds it;
        // a value below the first step takes the first step's points, above the last the last's.
        var start = _stepStart[leaf];
        var end = start + _stepCount[leaf];
        for (var s = start; s < end; s++)
        {
            var to = _stepTo[s];
            if (value < to || (value == to && _stepToInclusive[s]))
            {
                return _stepPoints[s];
            }
        }

        return _stepPoints[end - 1];
    }

    private double SiblingWeight(int group)
    {
        var total = 0.0;
        for (var i = 0; i < LeafCount; i++)
        {
            if (LeafParent[i] == group)
            {
                total += LeafWeight[i];
            }
        }

        for (var g = 1; g < GroupCount; g++)
        {
            if (GroupParent[g] == group)
            {
                total += GroupWeight[g];
            }
        }

        return total;
    }

    private static void Flatten(
        List<HealthFactorOptions> factors,
        List<HealthGroupOptions> groups,
        int parent,
        List<(HealthFactorOptions Factor, int Parent)> leaves,
        List<(string Id, double Weight, int Parent)> groupList)
    {
        foreach (var factor in factors)
        {
            leaves.Add((factor, parent));
        }

        foreach (var group in groups)
        {
            var index = groupList.Count;
            groupList.Add((group.Id, group.Weight, parent));
            Flatten(group.Factors, group.Groups, index, leaves, groupList);
        }
    }
}

/// <summary>One leaf of the compiled tree: normaliser parameters, weight, share and policy, contiguous for the hot loop.</summary>
internal readonly struct LeafPlan
{
    public LeafPlan(double a, double b, double weight, long carryForwardTicks, int parent, HealthNormalizerKind kind, bool mirror, HealthMissingDataPolicy policy, double fullShare)
    {
        A = a;
        B = b;
        Weight = weight;
        CarryForwardTicks = carryForwardTicks;
        Parent = parent;
        Kind = kind;
        Policy = policy;
        FullShare = fullShare;
        Offset = mirror ? 100 : 0;
        Sign = mirror ? -1 : 1;
    }

    /// <summary>Gets the first parameter. Linear: Min (0 for a ratio); logistic: Midpoint.</summary>
    public double A { get; }

    /// <summary>Gets the second parameter. Linear: Max − Min (Target for a ratio); logistic: Steepness.</summary>
    public double B { get; }

    /// <summary>Gets the configured weight within the parent group.</summary>
    public double Weight { get; }

    /// <summary>Gets the leaf's share of the score when every factor has data.</summary>
    public double FullShare { get; }

    /// <summary>Gets 100 when lower is better, else 0: points = Offset + Sign × p mirrors without a branch, exactly (100 − p or p).</summary>
    public double Offset { get; }

    /// <summary>Gets −1 when lower is better, else 1.</summary>
    public double Sign { get; }

    /// <summary>Gets the carry-forward time-to-live in ticks.</summary>
    public long CarryForwardTicks { get; }

    /// <summary>Gets the parent group index (0 = root).</summary>
    public int Parent { get; }

    /// <summary>Gets the normaliser kind.</summary>
    public HealthNormalizerKind Kind { get; }

    /// <summary>Gets the missing-data policy.</summary>
    public HealthMissingDataPolicy Policy { get; }
}
