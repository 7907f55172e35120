namespace Commonweal.Application.Reporting;

/// <summary>
/// The exception pack as last built, with its page, printable page and Word document made once from it, kept until the
/// store changes. Every change that can alter a pack — an import, a target set or edited, a commentary, an action or its
/// status, a framework version, a catalogue edit — writes an audit entry or an import record, so the newest of each (and
/// the day, which the pack is dated) is the key. Shared by all requests; a pack built twice at once is harmless.
/// </summary>
public sealed class ExceptionPackCache
{
    private volatile Entry? current;

    /// <summary>The pack of this key, if it is the one held.</summary>
    public Entry? Get(PackKey key) => current is { } entry && entry.Key == key ? entry : null;

    public Entry Put(PackKey key, ExceptionPack pack, TimeProvider clock)
    {
        var entry = new Entry(key, pack, clock);
        current = entry;
        return entry;
    }

    /// <summary>What a pack was built from: the newest audit entry and import record, and the day.</summary>
    public readonly record struct PackKey(long Audit, long Import, DateOnly Day);

    /// <summary>A pack and what is made from it, each made the first time it is asked for.</summary>
    public sealed class Entry
    {
        private readonly Lazy<BoardPaper> paper;
        private readonly Lazy<string> body;
        private readonly Lazy<string> printable;
        private readonly Lazy<byte[]> word;

        public Entry(PackKey key, ExceptionPack pack, TimeProvider clock)
        {
            Key = key;
            Pack = pack;
            paper = new(() => ExceptionPacks.Paper(pack));
            body = new(() => HtmlDocumentWriter.Body(paper.Value, headingLevel: 1));
            printable = new(() => HtmlDocumentWriter.Write(paper.Value));
            word = new(() => WordDocumentWriter.Write(paper.Value, clock));
        }

        public PackKey Key { get; }

        public ExceptionPack Pack { get; }

        public BoardPaper Paper => paper.Value;

        /// <summary>The paper's content for the web page.</summary>
        public string Body => body.Value;

        /// <summary>The printable page.</summary>
        public string Printable => printable.Value;

        /// <summary>The Word document.</summary>
        public byte[] Word => word.Value;
    }
}
