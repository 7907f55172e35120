using System.Security.Cryptography;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// Contract and variation documents: stored after <see cref="DocumentCheck"/> (type by content, size), with a SHA-256
/// digest; read only by those who may see the contract. Every upload and download is audited.
/// </summary>
public sealed class ContractDocuments(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Answer<ContractDocument>> AddAsync(string contractRef, int? variationNumber, string fileName, byte[] content, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesAll) return new Refusal("forbidden", "Only commissioners add contract documents.", RefusalKind.Forbidden);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Ref == contractRef, cancellationToken);
        if (contract is null) return new Refusal("contract not found", $"No contract {contractRef} is in the register.", RefusalKind.NotFound);
        int? variation = null;
        if (variationNumber is { } number)
        {
            variation = await db.ContractVariations.Where(v => v.Contract == contract.Id && v.Number == number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
            if (variation is null) return new Refusal("variation not found", $"{contract.Ref} has no variation {number}.", RefusalKind.NotFound);
        }

        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200 || name.Any(c => char.IsControl(c) || c is '"' or '\\' or '/')) return new Refusal("invalid file name", "Give the document a file name of up to 200 characters, without quotes or slashes.");
        var (type, problem) = DocumentCheck.Check(name, content);
        if (problem is not null) return new Refusal("the document is refused", $"{name}: {problem}.");
        var document = new ContractDocument(0, contract.Id, variation, name, type!, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), content, clock.GetUtcNow(), viewer.Name);
        db.ContractDocuments.Add(document);
        audit.Record(viewer.Name, "contract.document-add", "contract", contract.Ref, $"{name} ({type}, {content.Length:N0} bytes, sha256 {document.Sha256}){(variationNumber is { } n ? $" for variation {n}" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    public async Task<Answer<ContractDocument>> GetAsync(string contractRef, int id, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Ref == contractRef, cancellationToken);
        if (contract is null) return new Refusal("contract not found", $"No contract {contractRef} is in the register.", RefusalKind.NotFound);

        // The contract is checked before the document is looked for, so that another organisation's contract answers the
        // same (403, audited) whatever the id: its documents' ids cannot be probed.
        if (!viewer.MaySee(contract))
        {
            audit.Record(viewer.Name, "contract.refused", "contract", contract.Ref, $"document {id}: not the user's organisation's contract");
            await db.SaveChangesAsync(cancellationToken);
            return new Refusal("forbidden", $"{contract.Ref} is another organisation's contract.", RefusalKind.Forbidden);
        }

        var document = await db.ContractDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Contract == contract.Id, cancellationToken);
        if (document is null) return new Refusal("document not found", $"{contract.Ref} has no document {id}.", RefusalKind.NotFound);
        audit.Record(viewer.Name, "contract.document-read", "contract", contract.Ref, $"{document.FileName} ({document.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }
}
