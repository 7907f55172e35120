namespace Commonweal.Core.Places;

/// <summary>What the store's place data came from: nothing yet, the generated demo, or real official files.</summary>
public enum DatasetKind
{
    Empty,
    Demo,
    Reference,
}
