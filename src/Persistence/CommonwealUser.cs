using Microsoft.AspNetCore.Identity;

namespace Commonweal.Persistence;

/// <summary>A person who signs in to Commonweal (ASP.NET Core Identity: hashed password, lockout, roles).</summary>
public sealed class CommonwealUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in (an administrator's decision; unlike a lockout it does not end by itself).</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// The partner organisation the user works for. A provider's staff see and submit returns only for their
    /// organisation's contracts; null for users who work across partners.
    /// </summary>
    public int? PartnerId { get; set; }
}
