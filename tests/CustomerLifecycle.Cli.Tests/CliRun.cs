using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Cli.Tests;

/// <summary>Runs the tool in process inside a fresh temporary directory (never the working directory).</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun() => Directory = System.IO.Directory.CreateTempSubdirectory("cl-cli-").FullName;

    public static string Sample => Path.Combine(AppContext.BaseDirectory, "Data", "CDNOW_sample.txt");

    public string Directory { get; }

    public string Database => PathOf("test.db");

    public string PathOf(string name) => Path.Combine(Directory, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
