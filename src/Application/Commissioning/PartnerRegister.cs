using Commonweal.Application.Access;
using Commonweal.Application.Files;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>What an import did: how many records it added and updated, or every problem found (then nothing was saved).</summary>
public sealed record ImportOutcome(int Added, int Updated, IReadOnlyList<FileProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportOutcome Refused(params FileProblem[] problems) => new(0, 0, problems);
}

/// <summary>
/// The partner organisations (<c>partners import</c>, pages, API): a CSV or xlsx with the columns
/// <c>name,type,role,ods_code,gss_code,charity_number,company_number</c> (any order). Type is nhs, council, vcse or
/// other; role commissioner, provider or both. An NHS body carries its ODS code, a council its GSS code, a VCSE
/// organisation a charity or company number (<see cref="PartnerIdentifiers"/>); no two partners share an identifier.
/// A name already known (a target's owner, say) is updated, not duplicated. All or nothing; audited.
/// </summary>
public sealed class PartnerRegister(CommonwealDbContext db, AuditLog audit)
{
    public const int NameLength = 200;

    public static readonly IReadOnlyList<string> Columns = ["name", "type", "role", "ods_code", "gss_code", "charity_number", "company_number"];

    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    /// <summary>A partner by its name or any of its identifiers (ODS, GSS, charity or company number), ignoring case.</summary>
    public static Partner? Find(IEnumerable<Partner> partners, string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return null;
        return partners.FirstOrDefault(p => string.Equals(p.Name, s, StringComparison.OrdinalIgnoreCase))
            ?? partners.FirstOrDefault(p => string.Equals(p.OdsCode, s, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.GssCode?.Value, s, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.CharityNumber, s, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.CompanyNumber, s, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<ImportOutcome> ImportAsync(string path, string actor, CancellationToken cancellationToken = default)
    {
        try
        {
            using var table = TabularFile.Open(path);
            return await ImportAsync(table, actor, cancellationToken);
        }
        catch (FileProblemException e)
        {
            return ImportOutcome.Refused(e.Problem);
        }
    }

    private async Task<ImportOutcome> ImportAsync(Table table, string actor, CancellationToken cancellationToken)
    {
        var col = Columns.ToDictionary(c => c, c => table.Column(c));
        var problems = new FileProblems();
        var existing = await db.Partners.ToListAsync(cancellationToken);
        var read = new List<(int Line, Partner Partner)>();
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var name = Field("name");
            if (name.Length == 0) problems.Add(row, col["name"], "a name is required");
            else if (name.Length > NameLength) problems.Add(row, col["name"], $"the name is longer than {NameLength} characters");
            if (!PartnerCodes.TryParseType(Field("type"), out var type)) problems.Add(row, col["type"], $"'{Field("type")}' is not a type of partner (nhs, council, vcse or other)");
            if (!PartnerCodes.TryParseRole(Field("role"), out var role)) problems.Add(row, col["role"], $"'{Field("role")}' is not a role (commissioner, provider or both)");
            string? ods = null, charity = null, company = null;
            AreaCode? gss = null;
            if (Field("ods_code") is { Length: > 0 } o && !PartnerIdentifiers.TryOds(o, out ods, out var e1)) problems.Add(row, col["ods_code"], e1);
            if (Field("gss_code") is { Length: > 0 } g)
            {
                if (PartnerIdentifiers.TryCouncil(g, out var code, out var e2)) gss = code;
                else problems.Add(row, col["gss_code"], e2);
            }

            if (Field("charity_number") is { Length: > 0 } c && !PartnerIdentifiers.TryCharity(c, out charity, out var e3)) problems.Add(row, col["charity_number"], e3);
            if (Field("company_number") is { Length: > 0 } n && !PartnerIdentifiers.TryCompany(n, out company, out var e4)) problems.Add(row, col["company_number"], e4);
            if (problems.All.Count > before) continue;
            var missing = type switch
            {
                PartnerType.NhsBody when ods is null => ("ods_code", "an NHS body needs its ODS code"),
                PartnerType.Council when gss is null => ("gss_code", "a council needs its GSS code"),
                PartnerType.Vcse when charity is null && company is null => ("charity_number", "a VCSE organisation needs its charity number or its company number"),
                _ => ((string, string)?)null,
            };
            if (missing is { } m)
            {
                problems.Add(row, col[m.Item1], m.Item2);
                continue;
            }

            var partner = new Partner(0, name) { Type = type, Role = role, OdsCode = ods, GssCode = gss, CharityNumber = charity, CompanyNumber = company };
            if (read.FirstOrDefault(r => string.Equals(r.Partner.Name, name, StringComparison.OrdinalIgnoreCase)) is { Line: > 0 } twin)
            {
                problems.Add(row, col["name"], $"'{name}' is on line {twin.Line} too: one row per partner");
                continue;
            }

            foreach (var (field, value) in Identifiers(partner))
            {
                var clash = read.Select(r => r.Partner).Concat(existing.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                    .FirstOrDefault(p => p.Name != name && Identifiers(p).Contains((field, value)));
                if (clash is not null) problems.Add(row, col[field], $"{value} is already {clash.Name}'s {field.Replace('_', ' ')}");
            }

            read.Add((row.Line, partner));
        }

        if (read.Count == 0 && !problems.Any) problems.Add(table.Problem(table.HeaderLine, null, "the file has a header but no partners"));
        if (problems.Any) return new ImportOutcome(0, 0, problems.All);

        int added = 0, updated = 0;
        foreach (var (_, partner) in read)
        {
            var known = existing.FirstOrDefault(p => string.Equals(p.Name, partner.Name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                db.Partners.Add(partner);
                added++;
            }
            else
            {
                db.Entry(known).CurrentValues.SetValues(partner with { Id = known.Id, Name = known.Name });
                updated++;
            }

            audit.Record(actor, known is null ? "partner.add" : "partner.update", "partner", partner.Name,
                $"{partner.Type?.Code()} {partner.Role?.Code()} {partner.Identifiers}".Trim());
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportOutcome(added, updated, []);
    }

    private static IEnumerable<(string Field, string Value)> Identifiers(Partner p)
    {
        if (p.OdsCode is { } ods) yield return ("ods_code", ods);
        if (p.GssCode is { } gss) yield return ("gss_code", gss.Value);
        if (p.CharityNumber is { } charity) yield return ("charity_number", charity);
        if (p.CompanyNumber is { } company) yield return ("company_number", company);
    }
}
