using System.Globalization;
using System.Text;
using System.Text.Json;
using Commonweal.Core.Allocation;
using Commonweal.Core.Places;

namespace Commonweal.Application.Allocation;

/// <summary>
/// An allocation model as a JSON file (docs/methods/allocation.md, "The model"): read with every problem named by its
/// field (an unknown field too, so a misspelt one is not silently ignored), and written back in the same shape.
/// </summary>
public static class ModelFile
{
    /// <summary>The need sources a component can name.</summary>
    public const string Sources = "imd_score, core20_share, indicator:<id> or cohort:<name>";

    public static (AllocationModel? Model, IReadOnlyList<string> Problems) Parse(string json, int version = 0)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "", new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [$"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: not JSON ({FirstSentence(e.Message)})"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, ["the file must hold one JSON object"]);
            Known(root, "", problems, "name", "description", "level", "population", "need", "uplift", "unit_costs", "limits", "pace");
            var name = Text(root, "name", "", problems, required: true) ?? "";
            if (name.Length > 0 && !IsName(name)) problems.Add($"name: '{name}' is not a model name: use 1 to 64 lower-case letters, digits and hyphens, starting with a letter");
            var description = Text(root, "description", "", problems) ?? "";
            if (description.TrimStart() is [('=' or '+' or '-' or '@'), ..]) problems.Add("description: cannot start with = + - or @ (a spreadsheet would read it as a formula)");
            var levelText = Text(root, "level", "", problems) ?? "District";
            if (!AreaTypeNames.TryParse(levelText, out var level))
                problems.Add($"level: '{levelText}' is not a type of place (District, Alliance, Ward, Msoa, Lsoa, Pcn, Practice, Neighbourhood)");

            var populationBase = PopulationBase.Resident;
            var ages = new List<AgeCost>();
            if (Object(root, "population", "", problems) is { } population)
            {
                Known(population, "population.", problems, "base", "age_costs");
                var baseText = Text(population, "base", "population.", problems) ?? "resident";
                if (baseText == "registered") populationBase = PopulationBase.Registered;
                else if (baseText != "resident") problems.Add($"population.base: '{baseText}' is not resident or registered");
                if (Array(population, "age_costs", "population.", problems) is { } steps)
                    for (var i = 0; i < steps.Count; i++)
                    {
                        var at = $"population.age_costs[{i}].";
                        Known(steps[i], at, problems, "from", "weight");
                        var from = Number(steps[i], "from", at, problems, required: true);
                        var weight = Number(steps[i], "weight", at, problems, required: true);
                        if (from is { } f && (f < 0 || f > 120 || f != Math.Floor(f))) problems.Add($"{at}from: {f} is not a whole age from 0 to 120");
                        ages.Add(new AgeCost((int)(from ?? 0), weight ?? 1));
                    }
            }

            var combination = NeedCombination.Product;
            double? total = null;
            var components = new List<NeedComponent>();
            if (Object(root, "need", "", problems) is { } need)
            {
                Known(need, "need.", problems, "combine", "weights_total", "components");
                var combine = Text(need, "combine", "need.", problems) ?? "product";
                if (combine == "weighted_sum") combination = NeedCombination.WeightedSum;
                else if (combine != "product") problems.Add($"need.combine: '{combine}' is not product or weighted_sum");
                total = Number(need, "weights_total", "need.", problems);
                if (Array(need, "components", "need.", problems) is { } list)
                    for (var i = 0; i < list.Count; i++)
                    {
                        var at = $"need.components[{i}].";
                        Known(list[i], at, problems, "source", "weight", "direction", "standard");
                        var source = Text(list[i], "source", at, problems, required: true) ?? "";
                        if (source.Length > 0 && !IsSource(source)) problems.Add($"{at}source: '{source}' is not a need source ({Sources})");
                        var weight = Number(list[i], "weight", at, problems, required: true) ?? 1;
                        var direction = Text(list[i], "direction", at, problems) ?? "higher";
                        if (direction is not ("higher" or "lower")) problems.Add($"{at}direction: '{direction}' is not higher or lower (which values mean more need)");
                        var standard = Text(list[i], "standard", at, problems) ?? "ics";
                        if (standard is not ("ics" or "england")) problems.Add($"{at}standard: '{standard}' is not ics or england");
                        if (standard == "england" && !source.StartsWith("indicator:", StringComparison.Ordinal))
                            problems.Add($"{at}standard: only an indicator has an England value to be standardised against");
                        components.Add(new NeedComponent(source, weight, direction == "lower", standard == "england" ? NeedStandard.England : NeedStandard.IcsMean));
                    }
            }

            DeprivationUplift? uplift = null;
            if (Object(root, "uplift", "", problems) is { } u)
            {
                Known(u, "uplift.", problems, "most_deprived", "least_deprived");
                uplift = new DeprivationUplift(Number(u, "most_deprived", "uplift.", problems, required: true) ?? 1, Number(u, "least_deprived", "uplift.", problems, required: true) ?? 1);
            }

            var unitCosts = new Dictionary<string, double>(StringComparer.Ordinal);
            if (Object(root, "unit_costs", "", problems) is { } costs)
                foreach (var property in costs.EnumerateObject())
                {
                    if (!AreaCode.TryParse(property.Name, out _)) problems.Add($"unit_costs.{property.Name}: not a place code");
                    if (property.Value.ValueKind != JsonValueKind.Number) problems.Add($"unit_costs.{property.Name}: must be a number");
                    else unitCosts[property.Name] = property.Value.GetDouble();
                }

            double? floor = null, cap = null;
            if (Object(root, "limits", "", problems) is { } limits)
            {
                Known(limits, "limits.", problems, "per_head_floor", "per_head_cap");
                floor = Number(limits, "per_head_floor", "limits.", problems);
                cap = Number(limits, "per_head_cap", "limits.", problems);
            }

            PaceOfChange? pace = null;
            if (Object(root, "pace", "", problems) is { } p)
            {
                Known(p, "pace.", problems, "minimum_growth", "maximum_growth", "over_target_margin");
                pace = new PaceOfChange(Number(p, "minimum_growth", "pace.", problems) ?? 0, Number(p, "maximum_growth", "pace.", problems, required: true) ?? 0,
                    Number(p, "over_target_margin", "pace.", problems));
            }

            var model = new AllocationModel(name, version, description.Trim(), level, populationBase, ages, combination, total, components, uplift, unitCosts, floor, cap, pace);
            problems.AddRange(model.Problems().Where(p => !problems.Contains(p)));
            return problems.Count > 0 ? (null, problems) : (model, []);
        }
    }

    /// <summary>The model as its JSON file (indented; the version is not part of the file).</summary>
    public static string Write(AllocationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", model.Name);
            w.WriteString("description", model.Description);
            w.WriteString("level", model.Level.ToString());
            w.WriteStartObject("population");
            w.WriteString("base", model.Population == PopulationBase.Registered ? "registered" : "resident");
            w.WriteStartArray("age_costs");
            foreach (var step in model.AgeCosts)
            {
                w.WriteStartObject();
                w.WriteNumber("from", step.FromAge);
                w.WriteNumber("weight", step.Weight);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("need");
            w.WriteString("combine", model.Combination == NeedCombination.WeightedSum ? "weighted_sum" : "product");
            if (model.WeightsTotal is { } total) w.WriteNumber("weights_total", total);
            w.WriteStartArray("components");
            foreach (var c in model.Need)
            {
                w.WriteStartObject();
                w.WriteString("source", c.Source);
                w.WriteNumber("weight", c.Weight);
                w.WriteString("direction", c.LowerMeansMoreNeed ? "lower" : "higher");
                w.WriteString("standard", c.Standard == NeedStandard.England ? "england" : "ics");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            if (model.Uplift is { } u)
            {
                w.WriteStartObject("uplift");
                w.WriteNumber("most_deprived", u.MostDeprived);
                w.WriteNumber("least_deprived", u.LeastDeprived);
                w.WriteEndObject();
            }

            w.WriteStartObject("unit_costs");
            foreach (var (code, factor) in model.UnitCosts.OrderBy(c => c.Key, StringComparer.Ordinal)) w.WriteNumber(code, factor);
            w.WriteEndObject();
            w.WriteStartObject("limits");
            if (model.PerHeadFloor is { } floor) w.WriteNumber("per_head_floor", floor);
            if (model.PerHeadCap is { } cap) w.WriteNumber("per_head_cap", cap);
            w.WriteEndObject();
            if (model.Pace is { } pace)
            {
                w.WriteStartObject("pace");
                w.WriteNumber("minimum_growth", pace.MinimumGrowth);
                w.WriteNumber("maximum_growth", pace.MaximumGrowth);
                if (pace.OverTargetMargin is { } m) w.WriteNumber("over_target_margin", m);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static bool IsName(string name) => name.Length is > 0 and <= 64 && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsSource(string source) =>
        source is "imd_score" or "core20_share"
        || (source.StartsWith("indicator:", StringComparison.Ordinal) && int.TryParse(source.AsSpan(10), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        || (source.StartsWith("cohort:", StringComparison.Ordinal) && source.Length > 7 && source.Length <= 80);

    private static void Known(JsonElement element, string at, List<string> problems, params string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
            if (!fields.Contains(property.Name)) problems.Add($"{at}{property.Name}: not a field of the model here (the fields are {string.Join(", ", fields)})");
    }

    private static string? Text(JsonElement element, string field, string at, List<string> problems, bool required = false)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"{at}{field}: missing");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add($"{at}{field}: must be text");
        return null;
    }

    private static double? Number(JsonElement element, string field, string at, List<string> problems, bool required = false)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"{at}{field}: missing");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        problems.Add($"{at}{field}: must be a number");
        return null;
    }

    private static JsonElement? Object(JsonElement element, string field, string at, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        problems.Add($"{at}{field}: must be an object {{ … }}");
        return null;
    }

    private static List<JsonElement>? Array(JsonElement element, string field, string at, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Array) return [.. value.EnumerateArray()];
        problems.Add($"{at}{field}: must be a list [ … ]");
        return null;
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
