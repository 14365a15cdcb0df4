namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="Reason"/> on the wire: its data as parallel keys and values, in order.</summary>
[GenerateSerializer]
[Immutable]
internal struct ReasonSurrogate
{
    [Id(0)] public string Code;
    [Id(1)] public string Message;
    [Id(2)] public string[] Keys;
    [Id(3)] public object?[] Values;
}

/// <summary>Converts <see cref="Reason"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ReasonConverter : IConverter<Reason, ReasonSurrogate>
{
    public Reason ConvertFromSurrogate(in ReasonSurrogate surrogate)
    {
        if (surrogate.Keys.Length == 0)
        {
            return new Reason(surrogate.Code, surrogate.Message);
        }

        var data = new Dictionary<string, object?>(surrogate.Keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < surrogate.Keys.Length; i++)
        {
            data.Add(surrogate.Keys[i], surrogate.Values[i]);
        }

        return new Reason(surrogate.Code, surrogate.Message, data);
    }

    public ReasonSurrogate ConvertToSurrogate(in Reason value) => new()
    {
        Code = value.Code,
        Message = value.Message,
        Keys = [.. value.Data.Keys],
        Values = [.. value.Data.Values],
    };
}
