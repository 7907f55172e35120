using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Commonweal.Application.Backups;

/// <summary>
/// Runs PostgreSQL's own client programs (pg_dump, pg_restore) against the store. The connection details come from
/// the store's connection string; the password goes to the child process in PGPASSWORD, never on its command line
/// (where any user of the machine could read it).
/// </summary>
public static class PostgresClient
{
    public const string DebianPackage = "postgresql-client";

    public sealed record Run(int ExitCode, string Output, string Error)
    {
        /// <summary>The first thing the program said on standard error (pg_dump and pg_restore start with the cause).</summary>
        public string FirstError => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? $"exit code {ExitCode}";
    }

    /// <summary>The program on the PATH, else in the newest /usr/lib/postgresql/VERSION/bin (Debian installs it there); null when neither has it.</summary>
    public static string? Find(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var number) ? number : -1)
                .Select(version => Path.Combine(version, "bin"))
            : [];
        return path.Concat(debian).Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Why a program could not be found, naming the package that has it.</summary>
    public static string Missing(string program) =>
        $"{program} was not found on the PATH or under /usr/lib/postgresql/*/bin: install it (Debian: apt-get install {DebianPackage}) and try again";

    /// <param name="connectionString">The store to connect to, or null for a program that only reads a file.</param>
    public static async Task<Run> RunAsync(string executable, IEnumerable<string> arguments, string? connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (connectionString is not null) Connect(start, new NpgsqlConnectionStringBuilder(connectionString));

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Run(process.ExitCode, await output, await error);
        }
        catch (Win32Exception e)
        {
            return new Run(-1, string.Empty, $"{executable} could not be started: {e.Message}");
        }
    }

    private static void Connect(ProcessStartInfo start, NpgsqlConnectionStringBuilder connection)
    {
        if (!string.IsNullOrEmpty(connection.Host)) start.ArgumentList.Add("--host=" + connection.Host);
        start.ArgumentList.Add("--port=" + connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(connection.Username)) start.ArgumentList.Add("--username=" + connection.Username);
        if (!string.IsNullOrEmpty(connection.Database)) start.ArgumentList.Add("--dbname=" + connection.Database);
        start.ArgumentList.Add("--no-password");
        if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGAPPNAME"] = "commonweal";
    }
}
