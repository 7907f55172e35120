using System.Globalization;

namespace Commonweal.Core.Referrals;

/// <summary>
/// Body mass index from a self-reported weight and height: kg ÷ m², rounded to one decimal place (half away from zero)
/// before it is compared, so the figure a person is shown is the one that decided. Thresholds (NICE): overweight 25,
/// obesity 30; for people of South Asian, Chinese, other Asian, Middle Eastern, Black African or African-Caribbean family
/// background NICE advises lower thresholds, 23 and 27.5, because the same risk of type 2 diabetes and heart disease comes
/// at a lower BMI (NICE PH46, 2013; overweight and obesity management guidance). Underweight is not routed here.
/// </summary>
public readonly record struct BmiReading(decimal WeightKg, decimal HeightCm)
{
    public const decimal Overweight = 25m;
    public const decimal Obesity = 30m;
    public const decimal OverweightLower = 23m;
    public const decimal ObesityLower = 27.5m;

    public decimal Value
    {
        get
        {
            var metres = HeightCm / 100m;
            return Math.Round(WeightKg / (metres * metres), 1, MidpointRounding.AwayFromZero);
        }
    }

    public NeedLevel Level(bool lowerThreshold)
    {
        var (overweight, obesity) = lowerThreshold ? (OverweightLower, ObesityLower) : (Overweight, Obesity);
        return Value >= obesity ? NeedLevel.Specialist : Value >= overweight ? NeedLevel.Light : NeedLevel.None;
    }

    /// <summary>The weight need, quoting the BMI and the answers it came from, or null under the overweight threshold.</summary>
    public NeedFinding? Finding(bool lowerThreshold)
    {
        var (overweight, obesity) = lowerThreshold ? (OverweightLower, ObesityLower) : (Overweight, Obesity);
        var lower = lowerThreshold ? ", the lower threshold NICE advises for this person's family background" : "";
        var reading = $"Weight: BMI {Value.ToString("0.0", CultureInfo.InvariantCulture)} (weight {Plain(WeightKg)} kg, height {Plain(HeightCm)} cm)";
        return Level(lowerThreshold) switch
        {
            NeedLevel.Specialist => new(Need.Weight, NeedLevel.Specialist, $"{reading}: {Plain(obesity)} or more (obesity{lower})."),
            NeedLevel.Light => new(Need.Weight, NeedLevel.Light, $"{reading}: {Plain(overweight)} to under {Plain(obesity)} (overweight{lower})."),
            _ => null,
        };
    }

    private static string Plain(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
