using Commonweal.Core.Places;

namespace Commonweal.Core.Allocation;

/// <summary>A version of a user-defined allocation model as stored: its configuration as the JSON file defines it (docs/methods/allocation.md).</summary>
public sealed record AllocationModelVersion(string Name, int Version, string Definition, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// A saved run: the model it used (name and version), level, budget in pence, the date and edition, a label, and the whole
/// document — the model's configuration, every place's inputs with their sources, and every result — so it can be read
/// back, compared and run again to the same pence.
/// </summary>
public sealed record SavedAllocationRun(long Id, string Model, int ModelVersion, AreaType Level, long Budget, DateOnly AsAt, string Label, string Document, DateTimeOffset CreatedAt, string CreatedBy);
