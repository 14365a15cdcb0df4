using Npgsql;
using NpgsqlTypes;

namespace CustomerLifecycle.Orleans.Tests.Postgres;

/// <summary>One silo's row in the membership table, as Orleans' clustering provider writes and reads it.</summary>
public sealed record SiloRow(
    string Address, int Port, int Generation, int Status, int? ProxyPort, string? SuspectTimes, DateTime StartTime, DateTime IAmAliveTime)
{
    public string SiloName => $"silo-{Port}";

    public string HostName => "host-1";
}

/// <summary>Runs the membership queries as Orleans' ADO.NET clustering provider does: the text stored in OrleansQuery under
/// the key, parameters bound by name, columns read by name; each instance works on a cluster of its own.</summary>
public sealed class MembershipQueries
{
    public string DeploymentId { get; } = $"membership-{Guid.NewGuid():N}";

    public async Task<int> RowCountAsync(string key, params NpgsqlParameter[] parameters)
        => (int)(await RunAsync(key, parameters, command => command.ExecuteScalarAsync()))!;

    public Task<int> ExecuteAsync(string key, params NpgsqlParameter[] parameters)
        => RunAsync(key, parameters, command => command.ExecuteNonQueryAsync());

    public Task<List<Dictionary<string, object?>>> ReadAsync(string key, params NpgsqlParameter[] parameters)
        => RunAsync(key, parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        });

    /// <summary>The cluster's version, read as the provider reads it (the version row, joined to any silo's).</summary>
    public async Task<int> VersionAsync() => (int)(await ReadAsync("MembershipReadAllKey", Cluster()))[0]["Version"]!;

    /// <summary>The silos' rows, by port.</summary>
    public async Task<List<SiloRow>> SilosAsync()
        => [.. (await ReadAsync("MembershipReadAllKey", Cluster())).Where(row => row["Address"] is not null).Select(ToSilo).OrderBy(silo => silo.Port)];

    /// <summary>Inserts the silo at the cluster's version and, when it has suspicions, writes them (inserts carry none).</summary>
    public async Task AddAsync(SiloRow silo)
    {
        Assert.Equal(1, await RowCountAsync("InsertMembershipKey", Write(silo, await VersionAsync())));
        if (silo.SuspectTimes is not null)
        {
            Assert.Equal(1, await RowCountAsync("UpdateMembershipKey", Write(silo, await VersionAsync())));
        }
    }

    public NpgsqlParameter[] Cluster() => [Text("DeploymentId", DeploymentId)];

    /// <summary>Every parameter the provider binds for an insert or update of the silo's row at the version given.</summary>
    public NpgsqlParameter[] Write(SiloRow silo, int version) =>
    [
        .. Key(silo),
        Text("SiloName", silo.SiloName), Text("HostName", silo.HostName), Integer("Status", silo.Status), Integer("ProxyPort", silo.ProxyPort),
        Text("SuspectTimes", silo.SuspectTimes), Time("StartTime", silo.StartTime), Time("IAmAliveTime", silo.IAmAliveTime), Integer("Version", version),
    ];

    /// <summary>The cluster and the silo's address, port and generation, with the time given as IAmAliveTime.</summary>
    public NpgsqlParameter[] Heartbeat(SiloRow silo, DateTime iAmAliveTime) => [.. Key(silo), Time("IAmAliveTime", iAmAliveTime)];

    /// <summary>The values of a dead silo's row the cleanup of that one row captured.</summary>
    public NpgsqlParameter[] Captured(SiloRow silo)
        => [.. Key(silo), Time("StartTime", silo.StartTime), Time("IAmAliveTime", silo.IAmAliveTime), Text("SuspectTimes", silo.SuspectTimes)];

    public static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Integer(string name, int? value) => new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Time(string name, DateTime value) => new(name, NpgsqlDbType.TimestampTz) { Value = value };

    private NpgsqlParameter[] Key(SiloRow silo)
        => [.. Cluster(), Text("Address", silo.Address), Integer("Port", silo.Port), Integer("Generation", silo.Generation)];

    private static SiloRow ToSilo(Dictionary<string, object?> row) => new(
        (string)row["Address"]!, (int)row["Port"]!, (int)row["Generation"]!, (int)row["Status"]!, (int?)row["ProxyPort"],
        (string?)row["SuspectTimes"], (DateTime)row["StartTime"]!, (DateTime)row["IAmAliveTime"]!);

    private static async Task<T> RunAsync<T>(string key, NpgsqlParameter[] parameters, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(await QueryTextAsync(connection, key), connection);
        command.Parameters.AddRange(parameters);
        return await run(command);
    }

    /// <summary>The text stored under the key, as the provider loads it at start.</summary>
    public static async Task<string> QueryTextAsync(NpgsqlConnection connection, string key)
    {
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No query is stored under {key}.");
    }
}
