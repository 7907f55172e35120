using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>What a reader may need to know of the store already, e.g. district codes by name to place 2021 LSOAs.</summary>
public sealed class PlaceLookup(IReadOnlyDictionary<string, AreaCode> districtsByName)
{
    public static readonly PlaceLookup Empty = new(new Dictionary<string, AreaCode>());

    public AreaCode? DistrictNamed(string name) => districtsByName.TryGetValue(name, out var code) ? code : null;
}
