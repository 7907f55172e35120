using System.Globalization;
using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes;

/// <summary>Who is writing: the user name and display name, and whether their role may write on any target.</summary>
public sealed record NoteWriter(string UserName, string? DisplayName, bool Commissioner)
{
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? UserName : DisplayName;
}

/// <summary>What adding a note did: the note's id, or why it was refused.</summary>
public sealed record NoteOutcome(long? Id, IReadOnlyList<Indicators.Import.FieldError> Errors, bool NotFound = false, bool Forbidden = false)
{
    public bool Succeeded => Id is not null;
}

/// <summary>
/// Commentary and agreed actions on targets, each recorded with its author and time and audited. Commissioners and
/// administrators write on any target; a target's lead officer (the user whose name or user name is the target's lead)
/// writes commentary on their own targets.
/// </summary>
public sealed class TargetNotes(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int CommentaryLength = 8000;
    public const int ActionLength = 2000;
    public const int WhoLength = 200;

    public static readonly IReadOnlyList<string> ActionStatuses = ["open", "done", "dropped"];

    /// <summary>Whether this user may add commentary to this target: a commissioner or administrator, or its lead officer.</summary>
    public static bool MayComment(Target target, NoteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(writer);
        return writer.Commissioner || IsLead(target, writer);
    }

    public static bool IsLead(Target target, NoteWriter writer) =>
        target.Lead.Equals(writer.UserName, StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrWhiteSpace(writer.DisplayName) && target.Lead.Equals(writer.DisplayName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the roles may write on any target.</summary>
    public static bool IsCommissioner(Func<string, bool> inRole)
    {
        ArgumentNullException.ThrowIfNull(inRole);
        return inRole(Roles.Commissioner) || inRole(Roles.Administrator);
    }

    public async Task<NoteOutcome> CommentAsync(int targetId, string? text, NoteWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null) return new NoteOutcome(null, [], NotFound: true);
        if (!MayComment(target, writer)) return new NoteOutcome(null, [], Forbidden: true);
        var body = text?.Trim() ?? string.Empty;
        if (body.Length == 0) return Refuse("Text", "Enter the commentary");
        if (body.Length > CommentaryLength) return Refuse("Text", $"The commentary is longer than {CommentaryLength:N0} characters");
        var note = new TargetCommentary(0, targetId, body, clock.GetUtcNow(), writer.Name);
        db.TargetCommentaries.Add(note);
        audit.Record(writer.UserName, "target.comment", "Target", targetId.ToString(CultureInfo.InvariantCulture), body);
        await db.SaveChangesAsync(cancellationToken);
        return new NoteOutcome(note.Id, []);
    }

    /// <summary>Adds an agreed action (commissioners and administrators): what, who, by when; it starts open.</summary>
    public async Task<NoteOutcome> AddActionAsync(int targetId, string? what, string? who, DateOnly? byWhen, NoteWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!await db.Targets.AnyAsync(t => t.Id == targetId, cancellationToken)) return new NoteOutcome(null, [], NotFound: true);
        if (!writer.Commissioner) return new NoteOutcome(null, [], Forbidden: true);
        var errors = new List<Indicators.Import.FieldError>();
        var action = what?.Trim() ?? string.Empty;
        var owner = who?.Trim() ?? string.Empty;
        if (action.Length == 0) errors.Add(new("What", "Enter what is to be done"));
        else if (action.Length > ActionLength) errors.Add(new("What", $"The action is longer than {ActionLength:N0} characters"));
        if (owner.Length == 0) errors.Add(new("Who", "Enter who will do it"));
        else if (owner.Length > WhoLength) errors.Add(new("Who", $"Who is longer than {WhoLength} characters"));
        if (byWhen is null) errors.Add(new("ByWhen", "Enter the date it is due, e.g. 31 3 2027"));
        if (errors.Count > 0) return new NoteOutcome(null, errors);
        var note = new TargetAction(0, targetId, action, owner, byWhen!.Value, "open", clock.GetUtcNow(), writer.Name);
        db.TargetActions.Add(note);
        audit.Record(writer.UserName, "target.action", "Target", targetId.ToString(CultureInfo.InvariantCulture), $"{action} — {owner} by {byWhen:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new NoteOutcome(note.Id, []);
    }

    /// <summary>Sets an action's status (open, done, dropped): commissioners and administrators.</summary>
    public async Task<NoteOutcome> SetActionStatusAsync(int targetId, long actionId, string? status, NoteWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var action = await db.TargetActions.FirstOrDefaultAsync(a => a.Id == actionId && a.Target == targetId, cancellationToken);
        if (action is null) return new NoteOutcome(null, [], NotFound: true);
        if (!writer.Commissioner) return new NoteOutcome(null, [], Forbidden: true);
        var wanted = status?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!ActionStatuses.Contains(wanted)) return Refuse("Status", "Choose open, done or dropped");
        if (wanted == action.Status) return new NoteOutcome(action.Id, []);
        audit.Record(writer.UserName, "target.action.status", "Target", targetId.ToString(CultureInfo.InvariantCulture), $"action {action.Id}: {action.Status} → {wanted}");
        db.Entry(action).CurrentValues.SetValues(action with { Status = wanted });
        await db.SaveChangesAsync(cancellationToken);
        return new NoteOutcome(action.Id, []);
    }

    private static NoteOutcome Refuse(string field, string message) => new(null, [new Indicators.Import.FieldError(field, message)]);

}
