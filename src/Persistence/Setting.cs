namespace Commonweal.Persistence;

/// <summary>A named value the store keeps about itself, such as which dataset it holds.</summary>
public sealed class Setting
{
    public const string Dataset = "dataset";

    public required string Key { get; init; }

    public required string Value { get; set; }
}
