using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Persistence.Bulk;

/// <summary>
/// Writes many rows at once with multi-row <c>INSERT … ON CONFLICT … DO UPDATE</c> statements, which SQLite and
/// PostgreSQL both understand, instead of tracking each row in EF. Table, column names and value conversions come
/// from the EF model, so a bulk write stores exactly what EF would. A row whose values are already stored is not
/// rewritten, so the count returned is the number of rows inserted or actually changed.
/// </summary>
public static class BulkWriter
{
    // SQLite binds each named parameter by a linear search of the statement's names, so a statement's cost grows
    // with the square of its parameters: keep SQLite statements small (measured on the reference folder: 100
    // parameters 14.0 s, 500 17.3 s, 999 21.5 s). PostgreSQL (Npgsql) gains from fewer round trips.
    private const int SqliteMaxParameters = 100;
    private const int PostgresMaxParameters = 30_000;
    private const int MaxRowsPerStatement = 1_000;

    /// <param name="columns">Properties to write besides the key; null for all. Others keep their stored values (on insert: null, or the row's value where the column cannot be null).</param>
    public static Task<int> UpsertAsync<T>(
        CommonwealDbContext db,
        IReadOnlyCollection<T> rows,
        IReadOnlyList<string>? columns = null,
        CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(db, typeof(T), rows, columns, updateExisting: true, cancellationToken);

    /// <summary>Inserts the rows whose keys are not stored yet; stored rows are left exactly as they are.</summary>
    public static Task<int> InsertMissingAsync<T>(CommonwealDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(db, typeof(T), rows, null, updateExisting: false, cancellationToken);

    /// <summary>Inserts new rows whose key the store generates (an identity column): the key is left out, so each row gets the next one.</summary>
    public static Task<int> InsertNewAsync<T>(CommonwealDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(db, typeof(T), rows, null, updateExisting: false, cancellationToken, generatedKey: true);

    /// <summary>
    /// Inserts every table's rows in one transaction, all or none, waiting on the store synchronously (for a writer with a
    /// thread of its own: the referral intake). On PostgreSQL the statements go as one batch, in one round trip, run in
    /// the batch's own implicit transaction (no BEGIN or COMMIT of their own), or in the transaction begun already. On
    /// SQLite, in the process, each statement in turn in a transaction.
    /// </summary>
    public static void InsertTogether(CommonwealDbContext db, IReadOnlyList<BulkInsert> inserts)
    {
        if (inserts.All(i => i.Rows.Count == 0)) return;
        if (db.Database.IsSqlite())
        {
            // Microsoft.Data.Sqlite does its asynchronous work synchronously, on the calling thread: waiting on it blocks
            // nothing more than the call itself would.
            using var transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
            foreach (var insert in inserts)
                WriteAsync(db, insert.Type, insert.Rows, null, updateExisting: false, CancellationToken.None, insert.GeneratedKey).GetAwaiter().GetResult();
            transaction?.Commit();
            return;
        }

        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        using var batch = connection.CreateBatch();
        using var maker = connection.CreateCommand();
        foreach (var insert in inserts.Where(i => i.Rows.Count > 0))
        {
            var plan = PlanOf(db, insert.Type, null, updateExisting: false, insert.GeneratedKey);
            foreach (var chunk in insert.Rows.Chunk(plan.RowsPerStatement))
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = plan.Statement(chunk.Length, positional: true);
                foreach (var row in chunk)
                {
                    foreach (var column in plan.Columns) command.Parameters.Add(column.Parameter(maker, "", row));
                }

                batch.BatchCommands.Add(command);
            }
        }

        batch.ExecuteNonQuery();
    }

    private static async Task<int> WriteAsync(
        CommonwealDbContext db,
        Type type,
        IReadOnlyCollection<object> rows,
        IReadOnlyList<string>? columns,
        bool updateExisting,
        CancellationToken cancellationToken,
        bool generatedKey = false)
    {
        if (rows.Count == 0) return 0;

        var plan = PlanOf(db, type, columns, updateExisting, generatedKey);
        var properties = plan.Columns;
        var rowsPerStatement = plan.RowsPerStatement;
        // Preparing costs PostgreSQL a round trip and a plan kept on the connection: worth it only for a statement run again
        // (the full chunks of a big write), not for one run once.
        var fullChunks = rows.Count / rowsPerStatement;
        var sqlite = db.Database.IsSqlite();
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // One prepared statement for all full chunks (only the values change), and one for the remainder.
        var changed = 0;
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * properties.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = plan.Statement(chunk.Length, positional: false);
                    var n = 0;
                    foreach (var row in chunk)
                    {
                        foreach (var column in properties)
                            command.Parameters.Add(column.Parameter(command, "@p" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture), row));
                    }

                    if (sqlite || (chunk.Length == rowsPerStatement && fullChunks > 1)) await command.PrepareAsync(cancellationToken);
                }
                else
                {
                    var n = 0;
                    foreach (var row in chunk)
                    {
                        foreach (var column in properties)
                            command.Parameters[n++].Value = column.ProviderValue(row);
                    }
                }

                changed += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }

        return changed;
    }

    /// <summary>One table's write: its columns (names and value conversions from the EF model) and the statement's text.</summary>
    private sealed class Plan
    {
        private readonly StoreObjectIdentifier table;
        private readonly string tail;

        public Plan(CommonwealDbContext db, Type type, IReadOnlyList<string>? columns, bool updateExisting, bool generatedKey)
        {
            var entityType = db.Model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not in the model");
            table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var keys = entityType.FindPrimaryKey()!.Properties;
            // A complex property's columns (e.g. a referral's person) are the entity's own columns.
            var others = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).Concat(entityType.GetComplexProperties().SelectMany(ComplexColumns)).ToList();
            var updated = others.Where(p => columns is null || columns.Contains(p.Name)).ToList();
            if (columns is not null && updated.Count != columns.Count)
                throw new ArgumentException($"unknown column in [{string.Join(", ", columns)}] for {type.Name}", nameof(columns));

            // A new row gets the columns written and any that cannot be null; the others stay null until a file fills them.
            var inserted = others.Where(p => updated.Contains(p) || !p.IsNullable).ToList();
            Columns = (generatedKey ? inserted : keys.Concat(inserted)).Select(p => new Column(p, table)).ToArray();
            tail = generatedKey ? "" : Tail(table, keys.Select(k => k.GetColumnName(table)!).ToList(), updateExisting ? updated.Select(o => o.GetColumnName(table)!).ToList() : []);
            RowsPerStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, (db.Database.IsSqlite() ? SqliteMaxParameters : PostgresMaxParameters) / Columns.Length));
        }

        public Column[] Columns { get; }

        public int RowsPerStatement { get; }

        /// <summary>The statement for so many rows: named parameters (@p0, @p1, …), or PostgreSQL's positional ones ($1, $2, …) for a batch.</summary>
        public string Statement(int rowCount, bool positional)
        {
            var sql = new StringBuilder(64 + (rowCount * Columns.Length * 8) + tail.Length);
            sql.Append("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
               .AppendJoin(", ", Columns.Select(c => Quote(c.Name))).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < rowCount; r++)
            {
                if (r > 0) sql.Append(',');
                sql.Append('(');
                for (var c = 0; c < Columns.Length; c++)
                {
                    if (c > 0) sql.Append(',');
                    if (positional) sql.Append('$').Append(++n);
                    else sql.Append("@p").Append(n++);
                }

                sql.Append(')');
            }

            return sql.Append(tail).ToString();
        }
    }

    private static string Tail(StoreObjectIdentifier table, IReadOnlyList<string> keys, IReadOnlyList<string> others)
    {
        var conflict = $" ON CONFLICT ({string.Join(", ", keys.Select(Quote))}) ";
        if (others.Count == 0) return conflict + "DO NOTHING";
        var set = string.Join(", ", others.Select(c => $"{Quote(c)} = excluded.{Quote(c)}"));
        var differs = string.Join(" OR ", others.Select(c => $"{Quote(table.Name)}.{Quote(c)} IS DISTINCT FROM excluded.{Quote(c)}"));
        return conflict + "DO UPDATE SET " + set + " WHERE " + differs;
    }

    private static IEnumerable<IProperty> ComplexColumns(IComplexProperty complex) =>
        complex.ComplexType.GetProperties().Concat(complex.ComplexType.GetComplexProperties().SelectMany(ComplexColumns));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IProperty, Func<object, object?>> Getters = new();

    // Writes of all columns are planned once per model (the provider's: one per process and store): many small writes a
    // second (the referral intake's batches) would otherwise spend more on planning than on their rows.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel Model, Type Type, bool UpdateExisting, bool GeneratedKey), Plan> Plans = new();

    private static Plan PlanOf(CommonwealDbContext db, Type type, IReadOnlyList<string>? columns, bool updateExisting, bool generatedKey) =>
        columns is not null
            ? new Plan(db, type, columns, updateExisting, generatedKey)
            : Plans.GetOrAdd((db.Model, type, updateExisting, generatedKey), key => new Plan(db, key.Type, null, key.UpdateExisting, key.GeneratedKey));

    private sealed class Column(IProperty property, StoreObjectIdentifier table)
    {
        private readonly RelationalTypeMapping mapping = property.GetRelationalTypeMapping();
        // Compiled once per property for the process: a small batch (the referral intake's group commit, many a second)
        // would otherwise spend more on compiling (and later finalising) the reads than on its rows.
        private readonly Func<object, object?> get = Getters.GetOrAdd(property, Getter);

        public string Name { get; } = property.GetColumnName(table)!;

        public DbParameter Parameter(DbCommand command, string name, object row) =>
            mapping.CreateParameter(command, name, get(row), property.IsNullable);

        /// <summary>The value as the provider stores it (after the property's conversion), for reusing a parameter.</summary>
        public object ProviderValue(object row)
        {
            var value = get(row);
            if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }

        /// <summary>
        /// A compiled property read: reflection per value costs more than the database's own work. A complex property's
        /// column is read through the properties that hold it (row.Person.Postcode).
        /// </summary>
        private static Func<object, object?> Getter(IProperty property)
        {
            var path = new List<System.Reflection.PropertyInfo> { property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property") };
            for (var owner = property.DeclaringType; owner is IComplexType complex; owner = complex.ComplexProperty.DeclaringType)
                path.Insert(0, complex.ComplexProperty.PropertyInfo ?? throw new InvalidOperationException($"{complex.ComplexProperty.Name} has no CLR property"));
            var row = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
            System.Linq.Expressions.Expression read = System.Linq.Expressions.Expression.Convert(row, path[0].DeclaringType!);
            foreach (var step in path) read = System.Linq.Expressions.Expression.Property(read, step);
            var boxed = System.Linq.Expressions.Expression.Convert(read, typeof(object));
            return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(boxed, row).Compile();
        }
    }
}
