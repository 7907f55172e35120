using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Indicators;

/// <summary>
/// A place's monthly or quarterly series as a Making Data Count XmR chart: one point per period (a missing or suppressed
/// value is a gap), with the variation icon; the options say which preset and improvement direction were used.
/// </summary>
public sealed record SpcSeries(IndicatorTable Table, AreaCode Area, Breakdown Breakdown, IReadOnlyList<IndicatorPeriod> Periods, IReadOnlyList<double> Values, XmrResult Chart, SpcOptions Options);
