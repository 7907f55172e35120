using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commonweal.Persistence;

public sealed class AreaCodeConverter() : ValueConverter<AreaCode, string>(c => c.Value, s => AreaCode.Parse(s));

public sealed class IndicatorIdConverter() : ValueConverter<IndicatorId, int>(i => i.Value, v => new IndicatorId(v));

public sealed class AgeBandConverter() : ValueConverter<AgeBand, string>(b => b.Code, s => AgeBand.Parse(s));

/// <summary>Timestamps are stored as UTC ticks so that both providers sort and compare them the same way.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    d => d.UtcTicks,
    t => new DateTimeOffset(t, TimeSpan.Zero));
