using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Health;

/// <content>Account roll-up: a parent's health from its children's.</content>
public sealed partial class HealthEngine
{
    /// <summary>Derives a parent account's health from its children's scores, explained child by child.</summary>
    /// <param name="children">The children's scores and weights.</param>
    /// <param name="method">Mean, weighted mean or worst child.</param>
    /// <returns>The parent's score and band with each child's share and points, which sum to the score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="children"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no children, a child's id is empty, or a weighted roll-up's weights sum to 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined, or a weight is negative, NaN or infinite.</exception>
    public HealthRollUpResult RollUp(IReadOnlyList<HealthRollUpChild> children, HealthRollUpMethod method)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "The roll-up method should be Mean, Weighted or Worst.");
        }

        if (children.Count == 0)
        {
            throw new ArgumentException("A roll-up needs at least one child.", nameof(children));
        }

        var totalWeight = 0.0;
        var worst = 0;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (string.IsNullOrWhiteSpace(child.Id))
            {
                throw new ArgumentException($"children[{i}].Id must not be empty.", nameof(children));
            }

            if (!(child.Weight >= 0) || double.IsInfinity(child.Weight))
            {
                throw new ArgumentOutOfRangeException(nameof(children), child.Weight, $"children[{i}].Weight should be a finite number >= 0 but was {Guard.Format(child.Weight)}.");
            }

            totalWeight += child.Weight;
            if (child.Score.Value < children[worst].Score.Value)
            {
                worst = i;
            }
        }

        if (method == HealthRollUpMethod.Weighted && !(totalWeight > 0))
        {
            throw new ArgumentException("The children's weights sum to 0; a weighted roll-up needs at least one weight > 0.", nameof(children));
        }

        var contributions = new HealthRollUpContribution[children.Count];
        var score = 0.0;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var share = method switch
            {
                HealthRollUpMethod.Mean => 1.0 / children.Count,
                HealthRollUpMethod.Weighted => child.Weight / totalWeight,
                _ => i == worst ? 1 : 0,
            };
            var points = share * child.Score.Value;
            score += points;
            contributions[i] = new HealthRollUpContribution(child.Id, child.Score, share, points);
        }

        var parent = HealthScore.From(Math.Clamp(score, HealthScore.MinValue, HealthScore.MaxValue));
        var band = BandOf(parent);
        var message = method switch
        {
            HealthRollUpMethod.Mean => $"Mean of {children.Count} children: {parent} ({band}).",
            HealthRollUpMethod.Weighted => $"Weighted mean of {children.Count} children: {parent} ({band}).",
            _ => $"Worst of {children.Count} children: {children[worst].Id} at {parent} ({band}).",
        };
        var reason = new Reason(
            "health.roll-up",
            message,
            new Dictionary<string, object?> { ["method"] = method.ToString(), ["children"] = children.Count, ["score"] = parent.Value, ["band"] = band });
        return new HealthRollUpResult(method, parent, band, Array.AsReadOnly(contributions), reason);
    }
}
