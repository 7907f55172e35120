namespace Commonweal.Application.Backups;

/// <summary>What a backup or a restore did, or why it was refused (then neither the store nor any existing file was changed).</summary>
public sealed record BackupOutcome(bool Succeeded, string Message)
{
    public static BackupOutcome Refused(string message) => new(false, message);
}
