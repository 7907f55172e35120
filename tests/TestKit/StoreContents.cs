using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestKit;

/// <summary>
/// Every table of the store (the model's and the migrations history) with its row count and a digest of its rows in
/// any order, read with plain SQL; to show that a restore gives back exactly what was backed up, or that a refused
/// change left every table as it was. Unlike <see cref="StoreFingerprint"/> it covers users, indicators and targets too.
/// </summary>
public static class StoreContents
{
    /// <param name="leaveOut">Entities whose tables are left out, e.g. the audit trail (which a restore or a backup adds to).</param>
    /// <returns>One line a table, "name: rows digest", in table-name order.</returns>
    public static Task<IReadOnlyList<string>> TakeAsync(TestDatabase database, params Type[] leaveOut) => TakeAsync(database.Settings, leaveOut);

    /// <inheritdoc cref="TakeAsync(TestDatabase, Type[])"/>
    public static async Task<IReadOnlyList<string>> TakeAsync(DatabaseSettings settings, params Type[] leaveOut)
    {
        await using var db = new CommonwealDbContext(PersistenceServices.Options(settings));
        var leftOut = leaveOut.Select(type => db.Model.FindEntityType(type)!.GetTableName()).ToHashSet();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Append("__EFMigrationsHistory").Where(t => !leftOut.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new List<string>();
        foreach (var table in tables)
        {
            var rows = await RowsAsync(connection, $"SELECT * FROM \"{table}\"");
            rows.Sort(StringComparer.Ordinal);
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16];
            result.Add($"{table}: {rows.Count} {digest}");
        }

        return result;
    }

    /// <summary>The audit trail's actions, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AuditActionsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Audit.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var fields = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(fields);
            rows.Add(string.Join('\u001f', fields.Select(f => f switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => f.ToString(),
            })));
        }

        return rows;
    }
}
