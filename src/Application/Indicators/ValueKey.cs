using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators;

/// <summary>What identifies one value of an indicator: the area, the period (its published label) and the breakdown.</summary>
public readonly record struct ValueKey(AreaCode Area, string Period, Breakdown Breakdown);
