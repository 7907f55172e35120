using BenchmarkDotNet.Attributes;
using Commonweal.Application.Files;
using Commonweal.TestKit;

namespace Commonweal.Benchmarks;

/// <summary>
/// MHCLG's IoD2025 File 1 (33,755 LSOAs) read through the file layer, every row checked as an importer would check
/// it (header, byte-order mark, code text, grouped-free whole numbers), from the CSV export and from the workbook.
/// Needs COMMONWEAL_REFERENCE_DATA. Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*FileReading*'
/// </summary>
[MemoryDiagnoser]
public class FileReadingBenchmarks
{
    private const string File1 = "deprivation/iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation";

    private string folder = string.Empty;

    [GlobalSetup]
    public void FindFolder() =>
        folder = ReferenceData.Folder ?? throw new InvalidOperationException($"set {ReferenceData.Variable} to the folder of official files");

    [Benchmark]
    public long Iod2025Csv()
    {
        using var table = Table.OpenCsv(Path.Combine(folder, File1 + ".csv"));
        table.RequireByteOrderMark(ByteOrderMark.Present);
        return Sum(table);
    }

    [Benchmark]
    public long Iod2025Xlsx()
    {
        using var table = Table.OpenSheet(Path.Combine(folder, File1 + ".xlsx"), "IMD25");
        return Sum(table);
    }

    private static long Sum(Table table)
    {
        var (code, rank, decile) = (table.Column("LSOA code (2021)"), table.Column("Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)"), 5);
        long sum = 0;
        foreach (var row in table.Rows())
        {
            sum += row.Text(code).Length + row.Integer(rank, NumberStyle.Plain, 1, 33_755) + row.Integer(decile, NumberStyle.Plain, 1, 10);
        }

        return sum == 0 ? throw new InvalidOperationException("no rows") : sum;
    }
}
