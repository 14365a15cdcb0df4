using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="CustomerFact"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct CustomerFactSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public CustomerId Customer;
    [Id(2)] public CustomerFactKind Kind;
    [Id(3)] public Instant OccurredAt;
    [Id(4)] public double? Amount;
    [Id(5)] public string? OrderId;
    [Id(6)] public string? Feature;
    [Id(7)] public int? Quantity;
    [Id(8)] public string? Channel;
    [Id(9)] public int? Score;
    [Id(10)] public string? TicketId;
    [Id(11)] public string? InvoiceId;
    [Id(12)] public Instant? DueAt;
    [Id(13)] public CustomerAttributes? Attributes;
}

/// <summary>Converts <see cref="CustomerFact"/> to and from its surrogate.</summary>
/// <remarks>A fact is rebuilt through the factory of its kind, which validates every field: a malformed fact (a blank id,
/// a default customer, a negative amount, a score out of range, a value missing for its kind, an unknown kind) fails to
/// deserialise with the factory's exception and never reaches a grain.</remarks>
[RegisterConverter]
internal sealed class CustomerFactConverter : IConverter<CustomerFact, CustomerFactSurrogate>
{
    public CustomerFact ConvertFromSurrogate(in CustomerFactSurrogate s) => s.Kind switch
    {
        CustomerFactKind.Purchase => CustomerFact.Purchase(s.Id, s.Customer, s.OccurredAt, s.OrderId!, Required(s.Amount, s, nameof(s.Amount))),
        CustomerFactKind.Refund => CustomerFact.Refund(s.Id, s.Customer, s.OccurredAt, s.OrderId!, Required(s.Amount, s, nameof(s.Amount))),
        CustomerFactKind.Login => CustomerFact.Login(s.Id, s.Customer, s.OccurredAt),
        CustomerFactKind.FeatureUsage => CustomerFact.FeatureUsage(s.Id, s.Customer, s.OccurredAt, s.Feature!, Required(s.Quantity, s, nameof(s.Quantity))),
        CustomerFactKind.Contact => CustomerFact.Contact(s.Id, s.Customer, s.OccurredAt, s.Channel!),
        CustomerFactKind.NpsAnswer => CustomerFact.NpsAnswer(s.Id, s.Customer, s.OccurredAt, Required(s.Score, s, nameof(s.Score))),
        CustomerFactKind.CsatAnswer => CustomerFact.CsatAnswer(s.Id, s.Customer, s.OccurredAt, Required(s.Score, s, nameof(s.Score))),
        CustomerFactKind.TicketOpened => CustomerFact.TicketOpened(s.Id, s.Customer, s.OccurredAt, s.TicketId!),
        CustomerFactKind.TicketResolved => CustomerFact.TicketResolved(s.Id, s.Customer, s.OccurredAt, s.TicketId!),
        CustomerFactKind.ComplaintOpened => CustomerFact.ComplaintOpened(s.Id, s.Customer, s.OccurredAt, s.TicketId!),
        CustomerFactKind.ComplaintResolved => CustomerFact.ComplaintResolved(s.Id, s.Customer, s.OccurredAt, s.TicketId!),
        CustomerFactKind.PaymentDue => CustomerFact.PaymentDue(s.Id, s.Customer, s.OccurredAt, s.InvoiceId!, Required(s.DueAt, s, nameof(s.DueAt))),
        CustomerFactKind.PaymentMade => CustomerFact.PaymentMade(s.Id, s.Customer, s.OccurredAt, s.InvoiceId!),
        CustomerFactKind.Referral => CustomerFact.Referral(s.Id, s.Customer, s.OccurredAt),
        CustomerFactKind.Cancellation => CustomerFact.Cancellation(s.Id, s.Customer, s.OccurredAt),
        CustomerFactKind.AttributesSet => CustomerFact.AttributesSet(s.Id, s.Customer, s.OccurredAt, s.Attributes!),
        _ => throw new ArgumentOutOfRangeException(nameof(s), s.Kind, $"Kind: fact '{s.Id}' has an unknown kind {(int)s.Kind}."),
    };

    public CustomerFactSurrogate ConvertToSurrogate(in CustomerFact value) => new()
    {
        Id = value.Id,
        Customer = value.Customer,
        Kind = value.Kind,
        OccurredAt = value.OccurredAt,
        Amount = value.Amount,
        OrderId = value.OrderId,
        Feature = value.Feature,
        Quantity = value.Quantity,
        Channel = value.Channel,
        Score = value.Score,
        TicketId = value.TicketId,
        InvoiceId = value.InvoiceId,
        DueAt = value.DueAt,
        Attributes = value.Attributes,
    };

    private static T Required<T>(T? value, in CustomerFactSurrogate fact, string field)
        where T : struct
        => value ?? throw new ArgumentException($"{field}: the {fact.Kind} fact '{fact.Id}' has none.", nameof(fact));
}
