using Commonweal.Core.Access;
using Commonweal.Core.Commissioning;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// Who is asking about contracts: commissioners, analysts and administrators see the whole register; a provider's staff see
/// only their own organisation's contracts (and nothing, until an administrator links them to it).
/// </summary>
/// <param name="Name">The user name, as the audit trail records it.</param>
/// <param name="Partner">The partner organisation the user works for, if linked.</param>
public sealed record CommissioningViewer(string Name, bool SeesAll, int? Partner)
{
    /// <summary>The roles that see every contract.</summary>
    public static readonly IReadOnlyList<string> WholeRegister = [Roles.Commissioner, Roles.Analyst, Roles.Administrator];

    /// <summary>The command line: whoever holds the database sees everything.</summary>
    public static CommissioningViewer Console(string name) => new(name, true, null);

    public static CommissioningViewer Of(string name, IEnumerable<string> roles, int? partner) =>
        new(name, roles.Any(r => WholeRegister.Contains(r, StringComparer.OrdinalIgnoreCase)), partner);

    public bool MaySee(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return SeesAll || (Partner is { } p && contract.Provider == p);
    }
}
