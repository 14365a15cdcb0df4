using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>Which <see cref="LoyaltyCommand"/> a <see cref="LoyaltyCommandSurrogate"/> carries.</summary>
internal enum LoyaltyCommandKind
{
    Purchase,
    Refund,
    Activity,
    Redemption,
    RedemptionReversal,
    Adjustment,
    StatusMatch,
    TransferOut,
    TransferIn,
    Login,
}

/// <summary>Any <see cref="LoyaltyCommand"/> on the wire: the common fields, the kind, and the fields of every kind.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyCommandSurrogate
{
    [Id(0)] public LoyaltyCommandKind Kind;
    [Id(1)] public string Key;
    [Id(2)] public CustomerId Member;
    [Id(3)] public Instant At;
    [Id(4)] public string? OrderId;
    [Id(5)] public decimal Amount;
    [Id(6)] public string? Category;
    [Id(7)] public LoyaltyActivityKind Activity;
    [Id(8)] public string? RewardId;
    [Id(9)] public int? RemainingStock;
    [Id(10)] public string? RedemptionKey;
    [Id(11)] public long Points;
    [Id(12)] public string? Reason;
    [Id(13)] public string? Tier;
    [Id(14)] public Instant ExpiresAt;
    [Id(15)] public string? TransferId;
    [Id(16)] public CustomerId Counterpart;
}

/// <summary>Converts each kind of <see cref="LoyaltyCommand"/> to and from the one surrogate (Orleans finds a converter by
/// the command's own type, so each kind registers one).</summary>
/// <remarks>A command read back with a blank key, a default member or a blank text its kind requires fails to deserialise
/// naming the field, and never reaches a grain; the engine judges the rest (amounts, points, rewards).</remarks>
/// <typeparam name="T">The kind of command.</typeparam>
internal abstract class LoyaltyCommandConverter<T> : IConverter<T, LoyaltyCommandSurrogate>
    where T : LoyaltyCommand
{
    public T ConvertFromSurrogate(in LoyaltyCommandSurrogate surrogate) => (T)FromSurrogate(surrogate);

    public LoyaltyCommandSurrogate ConvertToSurrogate(in T value) => ToSurrogate(value);

    private static LoyaltyCommand FromSurrogate(in LoyaltyCommandSurrogate s)
    {
        var key = Text(s.Key, s, nameof(s.Key));
        CustomerId.ThrowIfDefault(s.Member, nameof(s.Member));
        return s.Kind switch
        {
            LoyaltyCommandKind.Purchase => new LoyaltyPurchase { Key = key, Member = s.Member, At = s.At, OrderId = Text(s.OrderId, s, nameof(s.OrderId)), Amount = s.Amount, Category = s.Category },
            LoyaltyCommandKind.Refund => new LoyaltyRefund { Key = key, Member = s.Member, At = s.At, OrderId = Text(s.OrderId, s, nameof(s.OrderId)), Amount = s.Amount },
            LoyaltyCommandKind.Activity => new LoyaltyActivity { Key = key, Member = s.Member, At = s.At, Kind = s.Activity },
            LoyaltyCommandKind.Redemption => new LoyaltyRedemption { Key = key, Member = s.Member, At = s.At, RewardId = Text(s.RewardId, s, nameof(s.RewardId)), RemainingStock = s.RemainingStock },
            LoyaltyCommandKind.RedemptionReversal => new LoyaltyRedemptionReversal { Key = key, Member = s.Member, At = s.At, RedemptionKey = Text(s.RedemptionKey, s, nameof(s.RedemptionKey)) },
            LoyaltyCommandKind.Adjustment => new LoyaltyAdjustment { Key = key, Member = s.Member, At = s.At, Points = s.Points, Reason = Text(s.Reason, s, nameof(s.Reason)) },
            LoyaltyCommandKind.StatusMatch => new LoyaltyStatusMatch { Key = key, Member = s.Member, At = s.At, Tier = Text(s.Tier, s, nameof(s.Tier)), ExpiresAt = s.ExpiresAt, Reason = Text(s.Reason, s, nameof(s.Reason)) },
            LoyaltyCommandKind.TransferOut => new LoyaltyTransferOut { Key = key, Member = s.Member, At = s.At, TransferId = Text(s.TransferId, s, nameof(s.TransferId)), To = s.Counterpart, Points = s.Points },
            LoyaltyCommandKind.TransferIn => new LoyaltyTransferIn { Key = key, Member = s.Member, At = s.At, TransferId = Text(s.TransferId, s, nameof(s.TransferId)), From = s.Counterpart, Points = s.Points },
            LoyaltyCommandKind.Login => new LoyaltyLogin { Key = key, Member = s.Member, At = s.At },
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Kind, $"Kind: loyalty command '{s.Key}' has an unknown kind {(int)s.Kind}."),
        };
    }

    private static LoyaltyCommandSurrogate ToSurrogate(LoyaltyCommand command)
    {
        var s = new LoyaltyCommandSurrogate { Key = command.Key, Member = command.Member, At = command.At };
        switch (command)
        {
            case LoyaltyPurchase c: (s.Kind, s.OrderId, s.Amount, s.Category) = (LoyaltyCommandKind.Purchase, c.OrderId, c.Amount, c.Category); break;
            case LoyaltyRefund c: (s.Kind, s.OrderId, s.Amount) = (LoyaltyCommandKind.Refund, c.OrderId, c.Amount); break;
            case LoyaltyActivity c: (s.Kind, s.Activity) = (LoyaltyCommandKind.Activity, c.Kind); break;
            case LoyaltyRedemption c: (s.Kind, s.RewardId, s.RemainingStock) = (LoyaltyCommandKind.Redemption, c.RewardId, c.RemainingStock); break;
            case LoyaltyRedemptionReversal c: (s.Kind, s.RedemptionKey) = (LoyaltyCommandKind.RedemptionReversal, c.RedemptionKey); break;
            case LoyaltyAdjustment c: (s.Kind, s.Points, s.Reason) = (LoyaltyCommandKind.Adjustment, c.Points, c.Reason); break;
            case LoyaltyStatusMatch c: (s.Kind, s.Tier, s.ExpiresAt, s.Reason) = (LoyaltyCommandKind.StatusMatch, c.Tier, c.ExpiresAt, c.Reason); break;
            case LoyaltyTransferOut c: (s.Kind, s.TransferId, s.Counterpart, s.Points) = (LoyaltyCommandKind.TransferOut, c.TransferId, c.To, c.Points); break;
            case LoyaltyTransferIn c: (s.Kind, s.TransferId, s.Counterpart, s.Points) = (LoyaltyCommandKind.TransferIn, c.TransferId, c.From, c.Points); break;
            case LoyaltyLogin: s.Kind = LoyaltyCommandKind.Login; break;
            default: throw new ArgumentException($"The loyalty command {command.GetType().Name} has no wire form.", nameof(command));
        }

        return s;
    }

    private static string Text(string? value, in LoyaltyCommandSurrogate command, string field)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{field}: the {command.Kind} loyalty command '{command.Key}' has none.", field) : value;
}

/// <summary>Converts a <see cref="LoyaltyPurchase"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyPurchaseConverter : LoyaltyCommandConverter<LoyaltyPurchase>;

/// <summary>Converts a <see cref="LoyaltyRefund"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyRefundConverter : LoyaltyCommandConverter<LoyaltyRefund>;

/// <summary>Converts a <see cref="LoyaltyActivity"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyActivityConverter : LoyaltyCommandConverter<LoyaltyActivity>;

/// <summary>Converts a <see cref="LoyaltyRedemption"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyRedemptionConverter : LoyaltyCommandConverter<LoyaltyRedemption>;

/// <summary>Converts a <see cref="LoyaltyRedemptionReversal"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyRedemptionReversalConverter : LoyaltyCommandConverter<LoyaltyRedemptionReversal>;

/// <summary>Converts a <see cref="LoyaltyAdjustment"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyAdjustmentConverter : LoyaltyCommandConverter<LoyaltyAdjustment>;

/// <summary>Converts a <see cref="LoyaltyStatusMatch"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyStatusMatchConverter : LoyaltyCommandConverter<LoyaltyStatusMatch>;

/// <summary>Converts a <see cref="LoyaltyTransferOut"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyTransferOutConverter : LoyaltyCommandConverter<LoyaltyTransferOut>;

/// <summary>Converts a <see cref="LoyaltyTransferIn"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyTransferInConverter : LoyaltyCommandConverter<LoyaltyTransferIn>;

/// <summary>Converts a <see cref="LoyaltyLogin"/>.</summary>
[RegisterConverter]
internal sealed class LoyaltyLoginConverter : LoyaltyCommandConverter<LoyaltyLogin>;
