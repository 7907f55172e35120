using System.Diagnostics;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.Data.Sqlite;

namespace Commonweal.Cli.Tests;

/// <summary>
/// The real CLI, as a child process, killed with SIGKILL while it is inside the transaction of a big import into an
/// SQLite store: the store must be as it was (never half an import) and still usable.
/// </summary>
public sealed class ImportFaultTests
{
    /// <summary>The ONS LSOA–ward–LAD lookup: 34,753 rows, about 150,000 rows written, the longest single-file import (seconds).</summary>
    private const string Kind = "ons-lsoa-ward-lad";
    private const string BigFile = "geography/LSOA11_WD19_LAD19_EW_LU.csv";

    /// <summary>The import and audit records carry the time they were made, which differs between runs.</summary>
    private static readonly Type[] Timestamped = [typeof(AuditEntry), typeof(ImportRecord)];

    [Fact]
    public async Task A_SIGKILL_inside_the_import_transaction_leaves_the_store_as_it_was_and_a_further_import_succeeds()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("the test sees SQLite's write lock in /proc/locks, which only Linux has");
        var file = ReferenceData.File(BigFile);

        await using var reference = await StoreBeforeAsync();
        Assert.Equal(0, (await ImportAsync(reference, file, killAfter: null)).ExitCode);
        var afterImport = await StoreContents.TakeAsync(reference.Settings, Timestamped);

        // Each attempt kills the import a little later into its transaction; the first attempt nearly always suffices.
        var attempts = new List<string>();
        foreach (var delay in new[] { 250, 50, 1000 })
        {
            var store = await StoreBeforeAsync();
            try
            {
                var before = await StoreContents.TakeAsync(store);
                var killed = await ImportAsync(store, file, TimeSpan.FromMilliseconds(delay));

                Assert.Equal(128 + 9, killed.ExitCode); // killed by signal 9, not ended by itself
                Assert.Equal("ok", IntegrityCheck(store));
                var state = await StoreContents.TakeAsync(store);
                var unchanged = state.SequenceEqual(before);
                // Never half an import: the store is as it was, or (had the commit been reached) as a whole import leaves it.
                if (!unchanged) Assert.Equal(afterImport, await StoreContents.TakeAsync(store.Settings, Timestamped));
                attempts.Add($"killed {delay} ms into the transaction (write lock held at the kill: {killed.InsideTransaction}): store {(unchanged ? "unchanged" : "fully imported")}");
                if (!(unchanged && killed.InsideTransaction)) continue;

                // Usable: the same import, run again, succeeds and gives exactly what an uninterrupted import gives.
                Assert.Equal(0, (await ImportAsync(store, file, killAfter: null)).ExitCode);
                Assert.Equal("ok", IntegrityCheck(store));
                Assert.Equal(afterImport, await StoreContents.TakeAsync(store.Settings, Timestamped));
                return;
            }
            finally
            {
                await store.DisposeAsync();
            }
        }

        Assert.Fail("the import was never killed inside its transaction:\n" + string.Join('\n', attempts));
    }

    /// <summary>A migrated SQLite store holding one small import already, so "as it was" is not empty.</summary>
    private static async Task<TestDatabase> StoreBeforeAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var small = Importing.TempFile("LSOA11_CCG20_LAD20_EN_LU.csv",
            "FID,LSOA11CD,LSOA11NM,CCG20CD,CCG20CDH,CCG20NM,LAD20CD,LAD20NM\n1,E01021988,Tendring 018A,E38000117,06T,NHS North East Essex CCG,E07000076,Tendring\n");
        Assert.Equal(0, await CliApp.RunAsync(["import", "ons-lsoa-ccg-lad", small, "--database", database.Setting], TextWriter.Null, TextWriter.Null, TextReader.Null));
        SqliteConnection.ClearAllPools();
        return database;
    }

    /// <summary>
    /// Runs <c>commonweal import</c> as a child process. With <paramref name="killAfter"/>, waits until it has said it is
    /// writing and holds SQLite's write lock (so it is inside its import transaction), waits that long, and sends SIGKILL.
    /// </summary>
    private static async Task<(int ExitCode, bool InsideTransaction)> ImportAsync(TestDatabase store, string file, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "commonweal.dll"), "import", Kind, file, "--database", store.Setting })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = false;
        process.ErrorDataReceived += (_, line) =>
        {
            // ReferenceImport's progress: "…: N rows read; writing" just before its transaction, "…: N rows changed" after the commit.
            if (line.Data?.EndsWith("rows read; writing", StringComparison.Ordinal) == true) writing.TrySetResult();
            if (line.Data?.EndsWith("rows changed", StringComparison.Ordinal) == true) Volatile.Write(ref committed, true);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (killAfter is null)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            return (process.ExitCode, false);
        }

        await Task.WhenAny(writing.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(5));
        while (!HoldsSqliteWriteLock(process.Id))
        {
            Assert.False(process.HasExited, "the import ended before it was seen inside its transaction");
            await Task.Delay(5);
        }

        await Task.Delay(killAfter.Value);
        var inside = !Volatile.Read(ref committed) && HoldsSqliteWriteLock(process.Id);
        process.Kill(); // SIGKILL: no chance to roll back or clean up
        await process.WaitForExitAsync();
        return (process.ExitCode, inside);
    }

    /// <summary>
    /// Whether the process holds SQLite's write-ahead-log writer lock: a POSIX write lock on byte 120 of the -shm file
    /// (SQLite's unix VFS, WAL_WRITE_LOCK), held from the import's BEGIN IMMEDIATE to its commit.
    /// </summary>
    private static bool HoldsSqliteWriteLock(int pid) =>
        File.ReadLines("/proc/locks").Any(line =>
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var posix = Array.IndexOf(fields, "POSIX");
            return posix > 0 && fields.Length >= posix + 7 && fields[1] != "->"
                && fields[posix + 2] == "WRITE" && fields[posix + 3] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && fields[posix + 5] == "120" && fields[posix + 6] == "120";
        });

    private static string? IntegrityCheck(TestDatabase store)
    {
        using var connection = new SqliteConnection($"Data Source={store.Settings.SqliteFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return command.ExecuteScalar() as string;
    }
}
