using Npgsql;
using static CustomerLifecycle.Orleans.Tests.Postgres.MembershipQueries;

namespace CustomerLifecycle.Orleans.Tests.Postgres;

/// <summary>The membership queries of Sql/orleans-postgresql.sql, run by key as Orleans' clustering provider runs them, each
/// test on a cluster of its own.</summary>
public sealed class MembershipQueriesTests
{
    // Orleans' SiloStatus values as the membership table stores them.
    private const int Joining = 2;
    private const int Active = 3;
    private const int Dead = 6;

    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly MembershipQueries queries = new();

    [PostgresFact]
    public async Task InsertMembershipVersion_MakesTheClustersVersionRowOnce_AtVersionZero()
    {
        Assert.Equal(1, await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster()));
        Assert.Equal(0, await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster()));

        Assert.Equal(0, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task MembershipReads_OfAClusterWithNoSilos_ReturnTheVersionRowAloneWithNullSiloColumns()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());

        var all = await queries.ReadAsync("MembershipReadAllKey", queries.Cluster());
        var one = await queries.ReadAsync("MembershipReadRowKey", queries.Heartbeat(Silo(11111), Start));

        foreach (var rows in new[] { all, one })
        {
            var row = Assert.Single(rows);
            Assert.Equal(queries.DeploymentId, row["DeploymentId"]);
            Assert.Equal(0, row["Version"]);
            foreach (var column in new[] { "Address", "Port", "Generation", "SiloName", "HostName", "Status", "ProxyPort", "SuspectTimes", "StartTime", "IAmAliveTime" })
            {
                Assert.Null(row[column]);
            }
        }
    }

    [PostgresFact]
    public async Task InsertMembership_AtTheVersionRead_AddsTheSiloAndBumpsTheVersion()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111, Joining, proxyPort: 30000);

        Assert.Equal(1, await queries.RowCountAsync("InsertMembershipKey", queries.Write(silo, version: 0)));

        var row = Assert.Single(await queries.ReadAsync("MembershipReadRowKey", queries.Heartbeat(silo, Start)));
        Assert.Equal(
            (queries.DeploymentId, "10.0.0.1", 11111, 7, "silo-11111", "host-1", Joining, 30000, (string?)null, Start, Start.AddSeconds(5), 1),
            ((string)row["DeploymentId"]!, (string)row["Address"]!, (int)row["Port"]!, (int)row["Generation"]!, (string)row["SiloName"]!,
                (string)row["HostName"]!, (int)row["Status"]!, (int)row["ProxyPort"]!, (string?)row["SuspectTimes"], (DateTime)row["StartTime"]!,
                (DateTime)row["IAmAliveTime"]!, (int)row["Version"]!));
    }

    [PostgresFact]
    public async Task InsertMembership_AtAStaleVersion_ReturnsZeroAndChangesNothing()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var first = Silo(11111);
        await queries.AddAsync(first);

        Assert.Equal(0, await queries.RowCountAsync("InsertMembershipKey", queries.Write(Silo(11112), version: 0)));

        Assert.Equal([first], await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task InsertMembership_OfASiloAlreadyThere_ReturnsZeroAndLeavesTheVersion()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111);
        await queries.AddAsync(silo);

        Assert.Equal(0, await queries.RowCountAsync("InsertMembershipKey", queries.Write(silo with { Status = Active }, version: 1)));

        Assert.Equal([silo], await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task UpdateMembership_AtTheVersionRead_WritesStatusAndSuspicions_AndNeverMovesIAmAliveTimeBack()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111);
        await queries.AddAsync(silo);
        var suspected = silo with { Status = Active, SuspectTimes = "10.0.0.2:11112@7, 2026-03-01 09:00:30.000 GMT|", IAmAliveTime = Start.AddSeconds(1) };

        Assert.Equal(1, await queries.RowCountAsync("UpdateMembershipKey", queries.Write(suspected, version: 1)));
        Assert.Equal([suspected with { IAmAliveTime = silo.IAmAliveTime }], await queries.SilosAsync());
        Assert.Equal(2, await queries.VersionAsync());

        var later = suspected with { Status = Dead, SuspectTimes = null, IAmAliveTime = Start.AddSeconds(60) };
        Assert.Equal(1, await queries.RowCountAsync("UpdateMembershipKey", queries.Write(later, version: 2)));
        Assert.Equal([later], await queries.SilosAsync());
        Assert.Equal(3, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task UpdateMembership_AtAStaleVersion_ReturnsZeroAndChangesNothing()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111);
        await queries.AddAsync(silo);

        Assert.Equal(0, await queries.RowCountAsync("UpdateMembershipKey", queries.Write(silo with { Status = Dead, SuspectTimes = "s" }, version: 0)));

        Assert.Equal([silo], await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task UpdateMembership_OfASiloWithNoRow_ReturnsZeroAndLeavesTheVersion()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111);
        await queries.AddAsync(silo);

        Assert.Equal(0, await queries.RowCountAsync("UpdateMembershipKey", queries.Write(Silo(11112, Dead), version: 1)));

        Assert.Equal([silo], await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task UpdateMembership_WhileACleanupDeletesTheSilosRow_ReturnsZeroAndLeavesTheVersion()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var dead = Silo(11111, Dead);
        await queries.AddAsync(dead);
        await using var cleanupConnection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await cleanupConnection.OpenAsync();
        await using var cleanup = await cleanupConnection.BeginTransactionAsync();
        await using var delete = new NpgsqlCommand(await QueryTextAsync(cleanupConnection, "CleanupDefunctSiloEntryKey"), cleanupConnection, cleanup);
        delete.Parameters.AddRange(queries.Captured(dead));
        Assert.Equal(1, await delete.ExecuteNonQueryAsync());

        // The update starts while the delete is not committed, so it still sees the row; it must wait for the delete.
        var update = queries.RowCountAsync("UpdateMembershipKey", queries.Write(dead with { SuspectTimes = "s" }, version: 1));
        await WaitUntilAQueryWaitsForALockAsync(cleanupConnection);
        await cleanup.CommitAsync();

        Assert.Equal(0, await update);
        Assert.Empty(await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task UpdateIAmAliveTime_MovesTheTimeForwardOnly()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var silo = Silo(11111, Active);
        await queries.AddAsync(silo);

        await queries.ExecuteAsync("UpdateIAmAlivetimeKey", queries.Heartbeat(silo, Start.AddSeconds(2)));
        Assert.Equal([silo], await queries.SilosAsync());

        await queries.ExecuteAsync("UpdateIAmAlivetimeKey", queries.Heartbeat(silo, Start.AddSeconds(30)));
        Assert.Equal([silo with { IAmAliveTime = Start.AddSeconds(30) }], await queries.SilosAsync());
        Assert.Equal(1, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task GatewaysQuery_ReturnsTheActiveSilosWithAGatewayPortOnly()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        await queries.AddAsync(Silo(11111, Active, proxyPort: 30001));
        await queries.AddAsync(Silo(11112, Active));
        await queries.AddAsync(Silo(11113, Active, proxyPort: 0));
        await queries.AddAsync(Silo(11114, Joining, proxyPort: 30004));
        await queries.AddAsync(Silo(11115, Dead, proxyPort: 30005));
        await queries.AddAsync(Silo(11116, Active, proxyPort: 30006));

        var gateways = await queries.ReadAsync("GatewaysQueryKey", [.. queries.Cluster(), Integer("Status", Active)]);

        Assert.Equal(
            [("10.0.0.1", 30001, 7), ("10.0.0.1", 30006, 7)],
            gateways.Select(row => ((string)row["Address"]!, (int)row["ProxyPort"]!, (int)row["Generation"]!)).Order());
    }

    [PostgresFact]
    public async Task CleanupDefunctSiloEntries_DeletesOnlyDeadUnsuspectedSilosStartedAndLastHeardFromBeforeTheTimeGiven()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var before = Start.AddHours(1);
        var old = Silo(11111, Dead);
        var oldWithEmptySuspicions = Silo(11112, Dead) with { SuspectTimes = "" };
        var suspected = Silo(11113, Dead) with { SuspectTimes = "10.0.0.1:11111@7, 2026-03-01 09:00:30.000 GMT|" };
        var heardFromAtTheTime = Silo(11114, Dead) with { IAmAliveTime = before };
        var startedAtTheTime = Silo(11115, Dead) with { StartTime = before, IAmAliveTime = before.AddSeconds(-1) };
        var active = Silo(11116, Active);
        foreach (var silo in new[] { old, oldWithEmptySuspicions, suspected, heardFromAtTheTime, startedAtTheTime, active })
        {
            await queries.AddAsync(silo);
        }

        Assert.Equal(2, await queries.ExecuteAsync("CleanupDefunctSiloEntriesKey", [.. queries.Cluster(), Time("IAmAliveTime", before)]));

        Assert.Equal([suspected, heardFromAtTheTime, startedAtTheTime, active], await queries.SilosAsync());
    }

    [PostgresFact]
    public async Task CleanupDefunctSiloEntry_DeletesADeadRowOnlyWhenItIsStillAsCaptured()
    {
        await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster());
        var suspected = Silo(11111, Dead) with { SuspectTimes = "10.0.0.1:11112@7, 2026-03-01 09:00:30.000 GMT|" };
        var unsuspected = Silo(11112, Dead);
        var active = Silo(11113, Active);
        foreach (var silo in new[] { suspected, unsuspected, active })
        {
            await queries.AddAsync(silo);
        }

        Assert.Equal(0, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(suspected with { SuspectTimes = null })));
        Assert.Equal(0, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(suspected with { IAmAliveTime = Start })));
        Assert.Equal(0, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(suspected with { StartTime = Start.AddSeconds(-1) })));
        Assert.Equal(0, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(unsuspected with { SuspectTimes = "s" })));
        Assert.Equal(0, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(active)));
        Assert.Equal([suspected, unsuspected, active], await queries.SilosAsync());

        Assert.Equal(1, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(suspected)));
        Assert.Equal(1, await queries.ExecuteAsync("CleanupDefunctSiloEntryKey", queries.Captured(unsuspected)));

        Assert.Equal([active], await queries.SilosAsync());
        Assert.Equal(4, await queries.VersionAsync());
    }

    [PostgresFact]
    public async Task DeleteMembershipTableEntries_RemovesTheClustersSilosAndVersionRow_AndNoOtherClusters()
    {
        var other = new MembershipQueries();
        foreach (var cluster in new[] { queries, other })
        {
            await cluster.RowCountAsync("InsertMembershipVersionKey", cluster.Cluster());
            await cluster.AddAsync(Silo(11111, Active));
            await cluster.AddAsync(Silo(11112, Dead));
        }

        Assert.Equal(3, await queries.ExecuteAsync("DeleteMembershipTableEntriesKey", queries.Cluster()));

        Assert.Empty(await queries.ReadAsync("MembershipReadAllKey", queries.Cluster()));
        Assert.Equal([Silo(11111, Active), Silo(11112, Dead)], await other.SilosAsync());
        Assert.Equal(2, await other.VersionAsync());
        Assert.Equal(1, await queries.RowCountAsync("InsertMembershipVersionKey", queries.Cluster()));
    }

    // A silo at 10.0.0.1 with generation 7, started at Start and last heard from 5 s later, with no suspicions.
    private static SiloRow Silo(int port, int status = Joining, int? proxyPort = null)
        => new("10.0.0.1", port, 7, status, proxyPort, null, Start, Start.AddSeconds(5));

    // Polls until another session waits for the holder's lock (the query under test blocked by the uncommitted transaction).
    // From a connection of its own: within a transaction pg_stat_activity keeps showing what it showed first.
    private static async Task WaitUntilAQueryWaitsForALockAsync(NpgsqlConnection holder)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND @holder = ANY(pg_blocking_pids(pid))", connection);
        command.Parameters.AddWithValue("holder", holder.ProcessID);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The update never waited for the cleanup's lock.");
            await Task.Delay(10);
        }
    }
}
