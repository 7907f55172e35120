using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The number of each of a file's indicators. A numbered one keeps its number (Fingertips'). One named but not
/// numbered is, in turn: the catalogue's indicator of that name; the Fingertips indicator Commonweal knows by that
/// name (<see cref="KnownIndicators"/>); or a new local number, the next free from <see cref="IndicatorId.FirstLocal"/>
/// up — so importing the same file again finds the same numbers by name.
/// </summary>
public static class IndicatorIds
{
    public static Dictionary<string, IndicatorId> Resolve(IndicatorBatch batch, IReadOnlyCollection<Indicator> catalogue, List<string> said)
    {
        var byName = catalogue.GroupBy(i => IndicatorBatch.Clean(i.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Min(i => i.Id), StringComparer.OrdinalIgnoreCase);
        var next = Math.Max(IndicatorId.FirstLocal, catalogue.Select(i => i.Id.Value + 1).DefaultIfEmpty(0).Max());
        var ids = new Dictionary<string, IndicatorId>(StringComparer.Ordinal);
        foreach (var description in batch.Indicators)
        {
            if (description.Id is { } number)
            {
                ids[description.Key] = new IndicatorId(number);
                continue;
            }

            if (byName.TryGetValue(description.Name, out var stored))
            {
                ids[description.Key] = stored;
                said.Add($"'{description.Name}' has no number in the file: it is the catalogue's indicator {stored} of that name");
            }
            else if (KnownIndicators.ByName(description.Name) is { } known)
            {
                ids[description.Key] = new IndicatorId(known.Id);
                said.Add($"'{description.Name}' has no number in the file: it is Fingertips' indicator {known.Id}");
            }
            else
            {
                var local = new IndicatorId(next++);
                ids[description.Key] = local;
                byName[description.Name] = local;
                said.Add($"'{description.Name}' has no number in the file and none in the catalogue: given the local number {local}");
            }
        }

        return ids;
    }
}
