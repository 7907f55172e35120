namespace Commonweal.Persistence.Bulk;

/// <summary>One table's new rows, for <see cref="BulkWriter.InsertTogether"/>.</summary>
public sealed class BulkInsert
{
    private BulkInsert(Type type, IReadOnlyCollection<object> rows, bool generatedKey)
    {
        Type = type;
        Rows = rows;
        GeneratedKey = generatedKey;
    }

    internal Type Type { get; }

    internal IReadOnlyCollection<object> Rows { get; }

    internal bool GeneratedKey { get; }

    /// <summary>Rows whose keys are not stored yet are inserted; stored rows are left exactly as they are.</summary>
    public static BulkInsert Missing<T>(IReadOnlyCollection<T> rows)
        where T : class => new(typeof(T), rows, generatedKey: false);

    /// <summary>New rows whose key the store generates (an identity column): each gets the next one.</summary>
    public static BulkInsert New<T>(IReadOnlyCollection<T> rows)
        where T : class => new(typeof(T), rows, generatedKey: true);
}
