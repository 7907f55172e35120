using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Application.Targeting;

/// <summary>What <c>population import</c> stored: the population's record and how many people and LSOAs it holds.</summary>
public sealed record ImportedPopulation(StoredPopulation Stored, int People, int Lsoas);

/// <summary>
/// A real, pseudonymised person-level extract in place of the synthetic population (docs/population-extract.md): one row per
/// person — <c>person_id,household_id,lsoa_code,age,sex,practice_code</c>, then any characteristic as a column of its own
/// name (1/0, yes/no, true/false, or empty for no) and <c>efi_deficits</c> (deficit codes separated by ';'). Every row is
/// checked; the first problem refuses the whole file with its line, column and field, and the store keeps what it had.
/// Accepted, the extract replaces the stored population (audited, <c>population.import</c>) and everything reads it as it
/// reads a synthetic one; lists of people show the extract's own identifiers.
/// </summary>
public sealed partial class ExtractImport(PopulationFrames frames, PopulationStore store)
{
    public static readonly string[] Required = ["person_id", "household_id", "lsoa_code", "age", "sex", "practice_code"];

    public async Task<Answer<ImportedPopulation>> ImportAsync(string path, string actor, CancellationToken cancellationToken = default)
    {
        var built = await frames.BuildAsync(null, cancellationToken);
        if (built.Refusal is { } refusal) return refusal;
        var frame = built.Value!.Frame;
        SyntheticPopulation population;
        try
        {
            using var table = Table.OpenCsv(path);
            population = Read(table, frame);
        }
        catch (FileProblemException e)
        {
            return new Refusal("the extract cannot be read", e.Problem.ToString());
        }

        var stored = await store.SaveAsync(population, PopulationSource.Extract, null, 1,
            $"extract {Path.GetFileName(path)}: {population.Count:N0} people in {population.Lsoas.Count} LSOAs (2021) of {built.Value.Ics.Name}", actor, cancellationToken);
        return new ImportedPopulation(stored, population.Count, population.Lsoas.Count);
    }

    /// <summary>The extract's people, LSOA by LSOA in code order; within an LSOA by household id then person id, households numbered in that order.</summary>
    public static SyntheticPopulation Read(Table table, PopulationFrame frame)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(frame);
        int[] columns = [.. Required.Select(name => table.Column(name))];
        var traits = Traits.All.Select(t => (Trait: t, Column: table.OptionalColumn(t.Name()))).Where(x => x.Column >= 0).ToList();
        var deficitsColumn = table.OptionalColumn("efi_deficits");
        var lsoaIndex = frame.Lsoas.Select((l, k) => (l.Code, k)).ToDictionary(x => x.Code, x => x.k);

        var rows = new List<Row>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        var householdLsoa = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var person = Identifier(row, columns[0]);
            if (!people.Add(person)) throw row.Reject(columns[0], $"the person_id '{person}' is on an earlier line: each person is one row");
            var household = Identifier(row, columns[1]);
            var code = row.Text(columns[2]).Trim();
            if (!AreaCode.TryParse(code, out var lsoa, out _) || !lsoaIndex.TryGetValue(lsoa, out var l))
                throw row.Reject(columns[2], $"'{code}' is not a 2021 LSOA of {frame.Lsoas.Count} in the ICS");
            if (householdLsoa.TryGetValue(household, out var where) && where != l)
                throw row.Reject(columns[2], $"household '{household}' is in {frame.Lsoas[where].Code} on an earlier line: a household lives in one LSOA");
            householdLsoa[household] = l;
            var age = row.Integer(columns[3], NumberStyle.Plain, 0, 120);
            var sex = row.Text(columns[4]).Trim().ToLowerInvariant() switch
            {
                "male" or "m" or "1" => Sex.Male,
                "female" or "f" or "2" => Sex.Female,
                var other => throw row.Reject(columns[4], $"'{other}' is not a sex: write male or female (m/f, 1/2)"),
            };
            var practice = row.Text(columns[5], required: false)?.Trim() is { Length: > 0 } p ? p.ToUpperInvariant() : null;
            if (practice is not null && !PracticePattern().IsMatch(practice))
                throw row.Reject(columns[5], $"'{practice}' is not an ODS practice code (a letter and five characters, e.g. F81001); leave it empty when the person is not registered");
            var bits = 0UL;
            foreach (var (trait, column) in traits)
                if (Flag(row, column, trait.Name())) bits |= trait.Bit();
            var deficits = 0UL;
            if (deficitsColumn >= 0 && row.Text(deficitsColumn, required: false) is { Length: > 0 } list)
            {
                foreach (var item in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    deficits |= EfiDeficits.Find(item)?.Bit() ?? throw row.Reject(deficitsColumn, $"'{item}' is not an eFI deficit code (docs/methods/efi.md lists the 36)");
            }

            rows.Add(new Row(person, household, l, (byte)Math.Min(age, SyntheticPopulation.OldestAge), sex, practice, bits, deficits));
        }

        if (rows.Count == 0) throw new FileProblemException(table.Problem(table.HeaderLine, null, "the extract has a header but no people"));
        return Build(rows, frame);
    }

    private static SyntheticPopulation Build(List<Row> rows, PopulationFrame frame)
    {
        var byLsoa = rows.GroupBy(r => r.Lsoa).OrderBy(g => frame.Lsoas[g.Key].Code.Value, StringComparer.Ordinal).ToList();
        var practices = rows.Select(r => r.Practice).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var practiceIndex = practices.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => (short)x.k);
        var lsoas = byLsoa.Select(g => frame.Lsoas[g.Key])
            .Select(f => new PopulationLsoa(f.Code, 0, f.District, f.Pool, f.DomainZ, f.DomainDecile)).ToList();
        var population = new SyntheticPopulation(lsoas, [.. practices.Select(AreaCode.Parse)], frame.Districts, rows.Count)
        {
            PersonIds = new string[rows.Count],
            HouseholdIds = new string[rows.Count],
        };
        var i = 0;
        for (var l = 0; l < byLsoa.Count; l++)
        {
            var households = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in byLsoa[l].OrderBy(r => r.Household, StringComparer.Ordinal).ThenBy(r => r.Person, StringComparer.Ordinal))
            {
                if (!households.TryGetValue(row.Household, out var h)) households[row.Household] = h = households.Count;
                population.Ages[i] = row.Age;
                population.Sexes[i] = (byte)row.Sex;
                population.Households[i] = h;
                population.Practices[i] = row.Practice is { } p ? practiceIndex[p] : (short)-1;
                population.Traits[i] = row.Traits;
                population.Deficits[i] = row.Deficits;
                population.PersonIds[i] = row.Person;
                population.HouseholdIds[i] = row.Household;
                i++;
            }

            population.Offsets[l + 1] = i;
        }

        return population;
    }

    private static string Identifier(TableRow row, int column)
    {
        var text = row.Text(column).Trim();
        if (!IdentifierPattern().IsMatch(text))
            throw row.Reject(column, $"'{text}' is not a pseudonymised identifier: 1 to 64 letters, digits, '-' or '_', starting with a letter or digit (never a name or an NHS number)");
        if (NhsNumber.Contains(text))
            throw row.Reject(column, "the identifier holds ten digits that pass the NHS number check digit: pseudonymise it before import");
        return text;
    }

    private static bool Flag(TableRow row, int column, string name) => row.Text(column, required: false)?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "no" or "false" or "n" => false,
        "1" or "yes" or "true" or "y" => true,
        var other => throw row.Reject(column, $"'{other}' is not yes or no for {name}: write 1 or 0 (yes/no, true/false), or leave it empty for no"),
    };

    private sealed record Row(string Person, string Household, int Lsoa, byte Age, Sex Sex, string? Practice, ulong Traits, ulong Deficits);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]{5}$")]
    private static partial Regex PracticePattern();
}
