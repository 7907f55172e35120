namespace Commonweal.Application.Places.Import;

/// <summary>Reads one kind of official file, in exactly the format its publisher issues, into an <see cref="ImportBatch"/>.</summary>
public interface IReferenceFileReader
{
    /// <summary>The name used on the command line: <c>commonweal import &lt;kind&gt; &lt;file&gt;</c>.</summary>
    string Kind { get; }

    /// <summary>What the file is and who publishes it.</summary>
    string Description { get; }

    /// <summary>Where the file sits in a reference-data folder, relative to it (a glob with * allowed in the file name).</summary>
    string FolderPattern { get; }

    /// <summary>Reads and validates the whole file. Throws <see cref="ImportProblemException"/> at the first bad value.</summary>
    ImportBatch Read(string path, PlaceLookup lookup);
}
