using System.Collections.Immutable;

namespace CustomerLifecycle.Profile;

/// <summary>What the host knows about a customer beyond its behaviour: firmographics and its judgement of fit.</summary>
/// <param name="Industry">The industry, or <see langword="null"/> when unknown.</param>
/// <param name="Size">The company size band (e.g. <c>"50-200"</c>), or <see langword="null"/> when unknown.</param>
/// <param name="Region">The region, or <see langword="null"/> when unknown.</param>
/// <param name="MatchesIdealProfile">Whether the customer matches the host's ideal customer profile (a tier rule input).</param>
/// <param name="HasGrowthPotential">Whether the host sees growth potential (a tier rule input).</param>
/// <param name="IsBenchmarkCustomer">Whether the customer is a reference or benchmark customer (a tier rule input).</param>
public sealed record CustomerAttributes(
    string? Industry = null,
    string? Size = null,
    string? Region = null,
    bool MatchesIdealProfile = false,
    bool HasGrowthPotential = false,
    bool IsBenchmarkCustomer = false)
{
    /// <summary>Gets the attributes of a customer the host has said nothing about.</summary>
    public static CustomerAttributes None { get; } = new();

    /// <summary>Gets the host's free-form tags for the customer (e.g. <c>"uses-erp"</c>, <c>"competitor"</c>, <c>"outside-icp"</c>):
    /// the lead score's flag rules and disqualifying flags read them.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Flags { get => field.IsDefault ? [] : field; init; }

    /// <summary>Compares the attributes and the flags, in order.</summary>
    /// <param name="other">The attributes to compare with.</param>
    /// <returns>Whether both hold the same values.</returns>
    public bool Equals(CustomerAttributes? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Industry == other.Industry
                && Size == other.Size
                && Region == other.Region
                && MatchesIdealProfile == other.MatchesIdealProfile
                && HasGrowthPotential == other.HasGrowthPotential
                && IsBenchmarkCustomer == other.IsBenchmarkCustomer
                && Flags.AsSpan().SequenceEqual(other.Flags.AsSpan())));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Industry, Size, Region, MatchesIdealProfile, HasGrowthPotential, IsBenchmarkCustomer, Flags.Length);
}
