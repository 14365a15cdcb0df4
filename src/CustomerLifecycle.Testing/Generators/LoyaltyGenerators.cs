using System.Globalization;
using CustomerLifecycle.Loyalty;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the loyalty engine: command scripts of one member, earnings alone, policies and ledgers.</summary>
/// <remarks>
/// Scripts mix every command kind, hours to months apart from <see cref="Start"/> (so holding periods end and lots expire),
/// with refunds and reversals naming earlier orders and redemptions, transfers to and from <see cref="Counterpart"/>, and runs
/// of logins on consecutive days; about a fifth of their commands are refused by an engine of a generated
/// <see cref="Policy"/> (too few points, an order refunded in full, a reward out of stock). They name the categories
/// <see cref="MultipliedCategory"/> and <see cref="ExcludedCategory"/> and the rewards <see cref="MugRewardId"/>,
/// <see cref="PosterRewardId"/> and <see cref="LoyaltyDefaults.GiftCardRewardId"/>, all of which the generated policies know,
/// and some grant the tier <see cref="GoldTier"/> by a status match (refused by a policy without tiers).
/// </remarks>
public static class LoyaltyGenerators
{
    /// <summary>The category generated policies multiply by 2.</summary>
    public const string MultipliedCategory = "books";

    /// <summary>The category generated policies exclude from earning.</summary>
    public const string ExcludedCategory = "excluded";

    /// <summary>The highest tier of tiered generated policies, which scripts' status matches grant.</summary>
    public const string GoldTier = "gold";

    /// <summary>The reward, priced at 300 points, that generated policies add to the default catalogue.</summary>
    public const string MugRewardId = "mug";

    /// <summary>The stock-limited reward, priced at 200 points, that generated policies add to the default catalogue; scripts'
    /// redemptions of it carry a remaining stock of 0 (refused: out of stock), 1 or 2.</summary>
    public const string PosterRewardId = "poster";

    /// <summary>The days of consecutive logins that earn generated policies' login streak points (50).</summary>
    public const int LoginStreakDays = 3;

    private const int MaxScript = 50;
    private const int MaxEarnings = 40;

    // Declared before the generators that use it: static initialisers run in text order.
    private static Gen<(int Kind, int Hours, int Amount, int Pick, int Points)> Step { get; } =
        from kind in Gen.Choose(0, 10)
        from hours in Gen.Frequency((4, Gen.Choose(0, 48)), (3, Gen.Choose(48, 24 * 40)), (1, Gen.Choose(24 * 100, 24 * 300)), (1, Gen.Constant(0)))
        from amount in Gen.Choose(1, 8000)
        from pick in Gen.Choose(0, 1000)
        from points in Gen.Choose(-700, 700)
        select (kind, hours, amount, pick, points);

    /// <summary>Gets the instant scripts start at: 2026-01-01T09:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 1, 9, 0);

    /// <summary>Gets the member of every generated command and ledger: <c>m-1</c>.</summary>
    public static CustomerId Member { get; } = CustomerId.From("m-1");

    /// <summary>Gets the other member of scripts' transfers: <c>m-2</c>.</summary>
    public static CustomerId Counterpart { get; } = CustomerId.From("m-2");

    /// <summary>Gets a generator of valid policies: the defaults with <see cref="MultipliedCategory"/> × 2, <see cref="ExcludedCategory"/>
    /// excluded, two campaign windows, a login streak, a monthly cap of 4,000 points, <see cref="MugRewardId"/> and
    /// <see cref="PosterRewardId"/> in the catalogue, a negative balance allowed or not,
    /// member tiers or none, and each expiry mode (see <see cref="PolicyOf"/>).</summary>
    public static Gen<LoyaltyOptions> Policy { get; } =
        from debt in Gen.Elements(false, true)
        from tiers in Gen.Elements(false, true)
        from expiry in Gen.Elements(LoyaltyExpiryMode.FixedLifetime, LoyaltyExpiryMode.Rolling, LoyaltyExpiryMode.EndOfPeriod)
        select PolicyOf(debt, tiers, expiry);

    /// <summary>Gets a generator of scripts: up to 50 commands of every kind (status matches, transfers and logins included) for
    /// <see cref="Member"/>, in delivery order, with unique keys <c>k00</c>, <c>k01</c>… (a run of logins on the days after
    /// <c>k07</c>: <c>k07-1</c>, <c>k07-2</c>…), 0 hours to 300 days apart (a tenth of them at the same instant as the one before).</summary>
    public static Gen<IReadOnlyList<LoyaltyCommand>> Script { get; } = Gen.ListOf(Step).Select(steps => (IReadOnlyList<LoyaltyCommand>)Materialize(steps.Take(MaxScript).ToList()));

    /// <summary>Gets a generator of up to 40 purchases and activities of <see cref="Member"/> within 60 days of <see cref="Start"/>,
    /// with unique keys <c>e00</c>, <c>e01</c>… and in no particular time order: under a policy without caps that accepts commands
    /// up to a year old, what each earns does not depend on the others.</summary>
    public static Gen<IReadOnlyList<LoyaltyCommand>> Earnings { get; } =
        Gen.ListOf(Step).Select(steps => (IReadOnlyList<LoyaltyCommand>)steps.Take(MaxEarnings).Select(EarnOnly).ToList());

    /// <summary>A policy of <see cref="Policy"/>: besides the parameters, purchases of <see cref="MultipliedCategory"/> earn × 3
    /// more from 10 to 40 days after <see cref="Start"/> (campaign <c>books-month</c>) and surveys × 2 from 20 to 120 days after it
    /// (<c>survey-spring</c>); <see cref="LoginStreakDays"/> consecutive days of logins earn 50 points.</summary>
    /// <param name="allowNegativeBalance">Whether a refund may leave a debt.</param>
    /// <param name="withTiers">Whether members are tiered: <c>member</c>, <c>silver</c> (1,000 points, × 1.25) and <see cref="GoldTier"/>
    /// (5,000 points or 4,000 spend, × 1.5, needed for <see cref="MugRewardId"/>), over rolling 12 months in Europe/Berlin with a
    /// 10-day grace period.</param>
    /// <param name="expiry">How lots expire: the default 12-month lifetime, rolling over 3 months without activity (so that scripts'
    /// gaps let points lapse), or at the end of the calendar quarter after the one they were earned in.</param>
    /// <returns>A new, valid policy.</returns>
    public static LoyaltyOptions PolicyOf(bool allowNegativeBalance, bool withTiers, LoyaltyExpiryMode expiry = LoyaltyExpiryMode.FixedLifetime)
    {
        var options = new LoyaltyOptions
        {
            ExcludedCategories = [ExcludedCategory],
            CategoryMultipliers = new() { [MultipliedCategory] = 2m },
            MonthlyCap = 4000,
            AllowNegativeBalance = allowNegativeBalance,
            ExpiryMode = expiry,
            LifetimeMonths = expiry == LoyaltyExpiryMode.Rolling ? 3 : 12,
            ExpiryPeriod = LoyaltyExpiryPeriod.CalendarQuarter,
            LoginStreakDays = LoginStreakDays,
            LoginStreakPoints = 50,
            Campaigns =
            [
                new() { Id = "books-month", Start = Offset(10), End = Offset(40), Multiplier = 3m, Categories = [MultipliedCategory] },
                new() { Id = "survey-spring", Start = Offset(20), End = Offset(120), Multiplier = 2m, ActivityKinds = [LoyaltyActivityKind.SurveyAnswered] },
            ],
        };
        options.Rewards.Add(new LoyaltyRewardOptions { Id = MugRewardId, Name = "Mug", Points = 300, RequiredTier = withTiers ? GoldTier : null });
        options.Rewards.Add(new LoyaltyRewardOptions { Id = PosterRewardId, Name = "Poster", Points = 200, StockLimited = true });
        if (withTiers)
        {
            options.TimeZoneId = "Europe/Berlin";
            options.TierWindow = LoyaltyTierWindow.Rolling12Months;
            options.TierGraceDays = 10;
            options.Tiers =
            [
                new() { Id = "member", Name = "Member" },
                new() { Id = "silver", Name = "Silver", QualifyingPoints = 1000, EarnMultiplier = 1.25m, Benefits = ["free-shipping"] },
                new() { Id = GoldTier, Name = "Gold", QualifyingPoints = 5000, QualifyingSpend = 4000m, EarnMultiplier = 1.5m, Benefits = ["free-shipping", "priority-support"] },
            ];
        }

        return options;
    }

    /// <summary>A generator of ledgers <paramref name="engine"/> writes from a generated <see cref="Script"/>; commands it refuses leave no entry.</summary>
    /// <param name="engine">The engine that applies the commands.</param>
    /// <returns>The generator; a script the engine refuses whole gives a record of <see cref="Member"/> with no entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static Gen<LoyaltyRecord> Record(LoyaltyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Script.Select(commands => Apply(engine, commands));
    }

    /// <summary>Applies every command in order, keeping the ledger of those applied.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="commands">The commands, all of <see cref="Member"/>.</param>
    /// <returns>The ledger; a record of <see cref="Member"/> with no entries when none was applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="commands"/> is null.</exception>
    public static LoyaltyRecord Apply(LoyaltyEngine engine, IEnumerable<LoyaltyCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(commands);
        LoyaltyRecord? record = null;
        foreach (var command in commands)
        {
            record = engine.TryApply(record, command).Record;
        }

        return record ?? new LoyaltyRecord { Member = Member };
    }

    private static List<LoyaltyCommand> Materialize(List<(int Kind, int Hours, int Amount, int Pick, int Points)> steps)
    {
        var commands = new List<LoyaltyCommand>();
        var orders = new List<(string Order, decimal Amount)>();
        var redemptions = new List<string>();
        var at = Start;
        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, hours, amount, pick, points) = steps[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"k{i:D2}");
            at += Duration.FromHours(hours);
            LoyaltyCommand command = kind switch
            {
                0 or 1 => Purchase(key, at, amount / 4m, (pick % 4) switch { 0 => MultipliedCategory, 1 => ExcludedCategory, _ => null }),
                2 => new LoyaltyActivity { Key = key, Member = Member, At = at, Kind = (LoyaltyActivityKind)(pick % 3) },
                3 when orders.Count > 0 => new LoyaltyRefund
                {
                    Key = key, Member = Member, At = at, OrderId = orders[pick % orders.Count].Order, Amount = orders[pick % orders.Count].Amount * ((pick % 4) + 1) / 4,
                },
                4 or 5 => (pick % 5) switch
                {
                    0 or 1 => new LoyaltyRedemption { Key = key, Member = Member, At = at, RewardId = MugRewardId },
                    2 => new LoyaltyRedemption { Key = key, Member = Member, At = at, RewardId = PosterRewardId, RemainingStock = pick % 3 },
                    _ => new LoyaltyRedemption { Key = key, Member = Member, At = at, RewardId = LoyaltyDefaults.GiftCardRewardId },
                },
                6 when redemptions.Count > 0 => new LoyaltyRedemptionReversal { Key = key, Member = Member, At = at, RedemptionKey = redemptions[pick % redemptions.Count] },
                7 when pick % 4 == 0 => new LoyaltyStatusMatch { Key = key, Member = Member, At = at, Tier = GoldTier, ExpiresAt = at + Duration.FromDays(1 + pick), Reason = "generated" },
                8 => new LoyaltyTransferOut { Key = key, Member = Member, At = at, TransferId = $"t-{key}", To = Counterpart, Points = Math.Abs(points) + 1 },
                9 => new LoyaltyTransferIn { Key = key, Member = Member, At = at, TransferId = $"t-{key}", From = Counterpart, Points = Math.Abs(points) + 1 },
                10 => new LoyaltyLogin { Key = key, Member = Member, At = at },
                _ => new LoyaltyAdjustment { Key = key, Member = Member, At = at, Points = points == 0 ? 1 : points, Reason = "generated" },
            };
            if (command is LoyaltyPurchase purchase)
            {
                orders.Add((purchase.OrderId, purchase.Amount));
            }
            else if (command is LoyaltyRedemption)
            {
                redemptions.Add(key);
            }

            commands.Add(command);
            if (command is LoyaltyLogin)
            {
                // A run of logins on the following days (a second the same day is refused), so that streaks complete and break.
                for (var day = 1; day < pick % (2 * LoginStreakDays); day++)
                {
                    at += Duration.FromHours(24 + (pick % 3));
                    commands.Add(new LoyaltyLogin { Key = string.Create(CultureInfo.InvariantCulture, $"{key}-{day}"), Member = Member, At = at });
                }
            }
        }

        return commands.Count > MaxScript ? commands[..MaxScript] : commands;
    }

    private static LoyaltyCommand EarnOnly((int Kind, int Hours, int Amount, int Pick, int Points) step, int i)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"e{i:D2}");
        var at = Start + Duration.FromMinutes(step.Hours * 60 % (60 * 24 * 60));
        return step.Kind % 2 == 0
            ? Purchase(key, at, step.Amount / 4m, step.Pick % 3 == 0 ? MultipliedCategory : null)
            : new LoyaltyActivity { Key = key, Member = Member, At = at, Kind = (LoyaltyActivityKind)(step.Pick % 3) };
    }

    private static DateTimeOffset Offset(int days) => (Start + Duration.FromDays(days)).ToDateTimeOffset();

    private static LoyaltyPurchase Purchase(string key, Instant at, decimal amount, string? category)
        => new() { Key = key, Member = Member, At = at, OrderId = $"o-{key}", Amount = amount, Category = category };
}
