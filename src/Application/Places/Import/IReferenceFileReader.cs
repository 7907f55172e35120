using Commonweal.Application.Files;

namespace Commonweal.Application.Places.Import;

/// <summary>Reads one kind of official file, in exactly the format its publisher issues, into an <see cref="ImportBatch"/>.</summary>
public interface IReferenceFileReader
{
    /// <summary>The name used on the command line: <c>commonweal import &lt;kind&gt; &lt;file&gt;</c>.</summary>
    string Kind { get; }

    /// <summary>What the file is.</summary>
    string Description { get; }

    /// <summary>Who publishes it and where to download it (for the folder guide and the command line's help).</summary>
    string Source { get; }

    /// <summary>When a folder is imported, lower goes first: areas before what hangs on them.</summary>
    int Order { get; }

    /// <summary>
    /// How well the file's content (its header, sheets or zip members; never its name) matches this kind, from 0 (not
    /// at all) to 1 (exactly). A file most like this kind but with a column missing still scores, so that it is
    /// refused with the column named rather than passed over.
    /// </summary>
    double Recognise(FileSniff sniff);

    /// <summary>Reads and validates the whole file. Throws <see cref="FileProblemException"/> at the first bad value.</summary>
    ImportBatch Read(string path, PlaceLookup lookup);
}
