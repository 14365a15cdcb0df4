namespace CustomerLifecycle.Orleans.Tests.Postgres;

/// <summary>The PostgreSQL database .ci/run starts (the Orleans tables created), named by the environment variable
/// <see cref="Variable"/>; the tests that need it skip, saying why, when it is not set.</summary>
public static class PostgresDatabase
{
    public const string Variable = "CUSTOMERLIFECYCLE_POSTGRES";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string SkipReason { get; } =
        $"PostgreSQL is not available: {Variable} is not set (.ci/run sets it after starting a local server; see docs/orleans.md).";
}

/// <summary>A fact that needs the PostgreSQL database: reported as skipped, with the reason, when there is none.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ConnectionString is null)
        {
            Skip = PostgresDatabase.SkipReason;
        }
    }
}
