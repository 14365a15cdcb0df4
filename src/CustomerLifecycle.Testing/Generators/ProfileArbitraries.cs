using CustomerLifecycle.Profile;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck arbitraries for profile types, to register with <c>[Property(Arbitrary = new[] { typeof(ProfileArbitraries) })]</c>.</summary>
public static class ProfileArbitraries
{
    /// <summary>Facts of <see cref="ProfileGenerators.Customer"/>, of every kind.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CustomerFact> Facts() => ProfileGenerators.Fact(ProfileGenerators.Customer, "f-1").ToArbitrary();

    /// <summary>Histories of up to 40 facts with unique ids, in arrival order.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IReadOnlyList<CustomerFact>> Histories() => ProfileGenerators.History.ToArbitrary();

    /// <summary>Valid policies: the defaults with the profile's windows and caps varied.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ProfileOptions> Policies() => ProfileGenerators.Policy.ToArbitrary();

    /// <summary>Profiles the default policy (with <see cref="ProfileGenerators.Features"/>) builds from generated histories.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ProfileRecord> Profiles() => ProfileGenerators.Profile(new ProfileOptions { Features = [.. ProfileGenerators.Features] }, ProfileGenerators.Customer).ToArbitrary();
}
