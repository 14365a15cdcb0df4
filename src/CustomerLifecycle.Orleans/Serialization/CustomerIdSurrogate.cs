namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="CustomerId"/> on the wire: the host's key, null for <c>default(CustomerId)</c>.</summary>
[GenerateSerializer]
[Immutable]
internal struct CustomerIdSurrogate
{
    [Id(0)]
    public string? Value;
}

/// <summary>Converts <see cref="CustomerId"/> to and from its surrogate; a null key reads back as <c>default(CustomerId)</c>,
/// which every API taking a customer id rejects.</summary>
[RegisterConverter]
internal sealed class CustomerIdConverter : IConverter<CustomerId, CustomerIdSurrogate>
{
    public CustomerId ConvertFromSurrogate(in CustomerIdSurrogate surrogate) => surrogate.Value is null ? default : CustomerId.From(surrogate.Value);

    public CustomerIdSurrogate ConvertToSurrogate(in CustomerId value) => new() { Value = value.Value };
}
