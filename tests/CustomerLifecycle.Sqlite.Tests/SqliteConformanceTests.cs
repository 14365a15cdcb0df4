using CustomerLifecycle.Feedback;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Conformance;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite.Tests;

/// <summary>The SDK's store conformance suite, run against <see cref="SqliteLifecycleStore"/>: each test gets its own file,
/// and a second store over the same file stands in for another process.</summary>
public sealed class SqliteLifecycleStoreConformanceTests : LifecycleStoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-conformance-").FullName;
    private readonly Dictionary<ILifecycleStore, string> _paths = [];

    protected override ILifecycleStore CreateStore()
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.db");
        var store = new SqliteLifecycleStore(path);
        _paths[store] = path;
        return store;
    }

    protected override ILifecycleStore OpenSharedStore(ILifecycleStore store) => new SqliteLifecycleStore(_paths[store]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The SDK's store conformance suite, run against <see cref="SqliteFeedbackStore"/>.</summary>
public sealed class SqliteFeedbackStoreConformanceTests : FeedbackStoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-conformance-").FullName;

    protected override IFeedbackStore CreateStore() => new SqliteFeedbackStore(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The SDK's store conformance suite, run against <see cref="SqliteLoyaltyStore"/>: a second store over the same file stands in for another process.</summary>
public sealed class SqliteLoyaltyStoreConformanceTests : LoyaltyStoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-conformance-").FullName;
    private readonly Dictionary<ILoyaltyStore, string> _paths = [];

    protected override ILoyaltyStore CreateStore()
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.db");
        var store = new SqliteLoyaltyStore(path);
        _paths[store] = path;
        return store;
    }

    protected override ILoyaltyStore OpenSharedStore(ILoyaltyStore store) => new SqliteLoyaltyStore(_paths[store]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The SDK's store conformance suite, run against <see cref="SqliteProfileStore"/>: a second store over the same file stands in for another process.</summary>
public sealed class SqliteProfileStoreConformanceTests : ProfileStoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-conformance-").FullName;
    private readonly Dictionary<IProfileStore, string> _paths = [];

    protected override IProfileStore CreateStore()
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.db");
        var store = new SqliteProfileStore(path);
        _paths[store] = path;
        return store;
    }

    protected override IProfileStore OpenSharedStore(IProfileStore store) => new SqliteProfileStore(_paths[store]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
