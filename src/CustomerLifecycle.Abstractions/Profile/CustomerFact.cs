using System.Globalization;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>One thing a host recorded about a customer: the single input the profile folds.</summary>
/// <remarks>
/// <para>The id makes a fact idempotent: a fact whose id the profile has already seen is reported as
/// <see cref="ProfileOutcomeStatus.Duplicate"/> and changes nothing. Create facts with the static factories, one per kind,
/// which validate every field and name the field and value in the error.</para>
/// <para>Only the properties of the fact's kind are set; the others are <see langword="null"/>.</para>
/// </remarks>
public sealed record CustomerFact
{
    private CustomerFact(string id, CustomerId customer, CustomerFactKind kind, Instant occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        CustomerId.ThrowIfDefault(customer, nameof(customer));
        if (occurredAt < LifecycleLimits.MinInstant || occurredAt > LifecycleLimits.MaxInstant)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt, $"OccurredAt: must be in [{LifecycleLimits.MinInstant}, {LifecycleLimits.MaxInstant}] but was {occurredAt}.");
        }

        Id = id;
        Customer = customer;
        Kind = kind;
        OccurredAt = occurredAt;
    }

    /// <summary>Gets the host's unique id of the fact.</summary>
    public string Id { get; }

    /// <summary>Gets the customer the fact is about.</summary>
    public CustomerId Customer { get; }

    /// <summary>Gets what the fact records.</summary>
    public CustomerFactKind Kind { get; }

    /// <summary>Gets when it happened (not when it was reported).</summary>
    public Instant OccurredAt { get; }

    /// <summary>Gets the amount of a purchase (≥ 0) or refund (&gt; 0); otherwise null.</summary>
    public double? Amount { get; private init; }

    /// <summary>Gets the order id of a purchase or refund; otherwise null.</summary>
    public string? OrderId { get; private init; }

    /// <summary>Gets the feature of a feature usage; otherwise null.</summary>
    public string? Feature { get; private init; }

    /// <summary>Gets the quantity of a feature usage (≥ 1); otherwise null.</summary>
    public int? Quantity { get; private init; }

    /// <summary>Gets the channel of a contact (e.g. <c>"email"</c>, <c>"call"</c>); otherwise null.</summary>
    public string? Channel { get; private init; }

    /// <summary>Gets the answer of an NPS (0–10) or CSAT (1–5) survey; otherwise null.</summary>
    public int? Score { get; private init; }

    /// <summary>Gets the ticket id of a ticket or complaint fact; otherwise null.</summary>
    public string? TicketId { get; private init; }

    /// <summary>Gets the invoice id of a payment fact; otherwise null.</summary>
    public string? InvoiceId { get; private init; }

    /// <summary>Gets when the invoice of a <see cref="CustomerFactKind.PaymentDue"/> fact is due; otherwise null.</summary>
    public Instant? DueAt { get; private init; }

    /// <summary>Gets the attributes of an <see cref="CustomerFactKind.AttributesSet"/> fact; otherwise null.</summary>
    public CustomerAttributes? Attributes { get; private init; }

    /// <summary>Creates a purchase.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer bought.</param>
    /// <param name="orderId">The order's id (refunds refer to it).</param>
    /// <param name="amount">The amount, a finite number ≥ 0 (0 is a free order).</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="orderId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, NaN or infinite, or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Purchase(string id, CustomerId customer, Instant occurredAt, string orderId, double amount)
    {
        if (!(amount >= 0) || double.IsPositiveInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Amount: a purchase amount must be a finite number >= 0 but was {Format(amount)}.");
        }

        return new(id, customer, CustomerFactKind.Purchase, occurredAt) { OrderId = Text(orderId), Amount = amount };
    }

    /// <summary>Creates a refund of part or all of an earlier order.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the refund was made.</param>
    /// <param name="orderId">The refunded order's id.</param>
    /// <param name="amount">The amount refunded, a finite number &gt; 0.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="orderId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not a finite number &gt; 0, or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Refund(string id, CustomerId customer, Instant occurredAt, string orderId, double amount)
    {
        if (!(amount > 0) || double.IsPositiveInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Amount: a refund amount must be a finite number > 0 but was {Format(amount)}.");
        }

        return new(id, customer, CustomerFactKind.Refund, occurredAt) { OrderId = Text(orderId), Amount = amount };
    }

    /// <summary>Creates a login.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer logged in.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Login(string id, CustomerId customer, Instant occurredAt) => new(id, customer, CustomerFactKind.Login, occurredAt);

    /// <summary>Creates a feature usage.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the feature was used.</param>
    /// <param name="feature">The feature's name (adoption counts the policy's features only).</param>
    /// <param name="quantity">How many uses, at least 1.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="feature"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="feature"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is less than 1, or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact FeatureUsage(string id, CustomerId customer, Instant occurredAt, string feature, int quantity = 1)
    {
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Quantity: a feature usage must be at least 1 but was {quantity}.");
        }

        return new(id, customer, CustomerFactKind.FeatureUsage, occurredAt) { Feature = Text(feature), Quantity = quantity };
    }

    /// <summary>Creates a contact or interaction.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the contact happened.</param>
    /// <param name="channel">The channel, e.g. <c>"email"</c>.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="channel"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="channel"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Contact(string id, CustomerId customer, Instant occurredAt, string channel)
        => new(id, customer, CustomerFactKind.Contact, occurredAt) { Channel = Text(channel) };

    /// <summary>Creates an NPS answer.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer answered.</param>
    /// <param name="score">The answer, 0 to 10.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10], or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact NpsAnswer(string id, CustomerId customer, Instant occurredAt, int score)
    {
        if (score is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"Score: an NPS answer must be in [0, 10] but was {score}.");
        }

        return new(id, customer, CustomerFactKind.NpsAnswer, occurredAt) { Score = score };
    }

    /// <summary>Creates a CSAT answer.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer answered.</param>
    /// <param name="score">The answer, 1 to 5.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [1, 5], or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact CsatAnswer(string id, CustomerId customer, Instant occurredAt, int score)
    {
        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"Score: a CSAT answer must be in [1, 5] but was {score}.");
        }

        return new(id, customer, CustomerFactKind.CsatAnswer, occurredAt) { Score = score };
    }

    /// <summary>Creates the opening of a support ticket.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the ticket was opened.</param>
    /// <param name="ticketId">The ticket's id.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="ticketId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="ticketId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact TicketOpened(string id, CustomerId customer, Instant occurredAt, string ticketId)
        => new(id, customer, CustomerFactKind.TicketOpened, occurredAt) { TicketId = Text(ticketId) };

    /// <summary>Creates the resolution of a support ticket.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the ticket was resolved.</param>
    /// <param name="ticketId">The ticket's id.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="ticketId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="ticketId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact TicketResolved(string id, CustomerId customer, Instant occurredAt, string ticketId)
        => new(id, customer, CustomerFactKind.TicketResolved, occurredAt) { TicketId = Text(ticketId) };

    /// <summary>Creates the opening of a complaint.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the complaint was opened.</param>
    /// <param name="ticketId">The ticket's id.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="ticketId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="ticketId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact ComplaintOpened(string id, CustomerId customer, Instant occurredAt, string ticketId)
        => new(id, customer, CustomerFactKind.ComplaintOpened, occurredAt) { TicketId = Text(ticketId) };

    /// <summary>Creates the resolution of a complaint.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the complaint was resolved.</param>
    /// <param name="ticketId">The ticket's id.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="ticketId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="ticketId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact ComplaintResolved(string id, CustomerId customer, Instant occurredAt, string ticketId)
        => new(id, customer, CustomerFactKind.ComplaintResolved, occurredAt) { TicketId = Text(ticketId) };

    /// <summary>Creates an invoice issued to the customer.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the invoice was issued.</param>
    /// <param name="invoiceId">The invoice's id (the payment refers to it).</param>
    /// <param name="dueAt">When it is due; not before <paramref name="occurredAt"/>.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="invoiceId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="invoiceId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueAt"/> is before <paramref name="occurredAt"/>, or <paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact PaymentDue(string id, CustomerId customer, Instant occurredAt, string invoiceId, Instant dueAt)
    {
        if (dueAt < occurredAt)
        {
            throw new ArgumentOutOfRangeException(nameof(dueAt), dueAt, $"DueAt: an invoice must not be due before it is issued ({occurredAt}) but was {dueAt}.");
        }

        return new(id, customer, CustomerFactKind.PaymentDue, occurredAt) { InvoiceId = Text(invoiceId), DueAt = dueAt };
    }

    /// <summary>Creates the payment of an invoice.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the invoice was paid.</param>
    /// <param name="invoiceId">The invoice's id.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="invoiceId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="invoiceId"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact PaymentMade(string id, CustomerId customer, Instant occurredAt, string invoiceId)
        => new(id, customer, CustomerFactKind.PaymentMade, occurredAt) { InvoiceId = Text(invoiceId) };

    /// <summary>Creates a referral the customer made.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer referred someone.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Referral(string id, CustomerId customer, Instant occurredAt) => new(id, customer, CustomerFactKind.Referral, occurredAt);

    /// <summary>Creates the customer's cancellation.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the customer cancelled.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact Cancellation(string id, CustomerId customer, Instant occurredAt) => new(id, customer, CustomerFactKind.Cancellation, occurredAt);

    /// <summary>Creates the setting of the customer's attributes; they replace the ones set before.</summary>
    /// <param name="id">The fact's unique id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When the host set them.</param>
    /// <param name="attributes">The attributes.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="attributes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public static CustomerFact AttributesSet(string id, CustomerId customer, Instant occurredAt, CustomerAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new(id, customer, CustomerFactKind.AttributesSet, occurredAt) { Attributes = attributes };
    }

    /// <summary>Returns <c>"Kind id at instant"</c>, e.g. <c>"Purchase f-1 at 2026-01-01T00:00:00Z"</c>.</summary>
    /// <returns>A short description of the fact.</returns>
    public override string ToString() => $"{Kind} {Id} at {OccurredAt}";

    private static string Text(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
