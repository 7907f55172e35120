using Commonweal.Application.Access;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Commonweal.Application.Tests.Access;

/// <summary>The audit trail keeps what it is told, cutting only detail longer than its column.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Detail_longer_than_the_column_is_cut_with_an_ellipsis_and_shorter_detail_is_kept_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var audit = new AuditLog(db, new FakeTimeProvider(Importing.Now));

        audit.Record("tester", "target.comment", "Target", "1", new string('x', 5000));
        audit.Record("tester", "target.comment", "Target", "2", "short");
        await db.SaveChangesAsync();

        var details = await db.Audit.OrderBy(a => a.EntityKey).Select(a => a.Detail!).ToListAsync();
        Assert.Equal((AuditLog.DetailLength, '…'), (details[0].Length, details[0][^1]));
        Assert.Equal("short", details[1]);
    }
}
