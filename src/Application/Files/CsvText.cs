using System.Text;

namespace Commonweal.Application.Files;

/// <summary>
/// The characters of a CSV source as Sep reads them. From bytes it decodes strict UTF-8 (a bad byte is a problem
/// naming its offset and line, not a silent replacement character) and takes off a leading byte-order mark; from
/// text already decoded (standard input) it takes off a leading U+FEFF. It remembers whether the text ended with a
/// line break.
/// </summary>
internal sealed class CsvText : TextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream? stream;
    private readonly TextReader? text;
    private readonly Func<int, string, Exception> problem;
    private readonly Decoder decoder = StrictUtf8.GetDecoder();
    private readonly byte[] bytes = [];
    private int start;
    private int end;
    private long bufferOffset;
    private int linesBeforeBuffer;
    private bool streamEnded;
    private bool finished;
    private char last;

    /// <summary>Reads <paramref name="stream"/> (and disposes it when disposed).</summary>
    /// <param name="problem">Makes the exception for a problem at a line (0: the file as a whole).</param>
    public CsvText(Stream stream, Func<int, string, Exception> problem)
    {
        this.stream = stream;
        this.problem = problem;
        bytes = new byte[1 << 16];
        end = Fill(0, 3);
        if (end >= 3 && bytes.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
        {
            HasByteOrderMark = true;
            start = 3;
        }
    }

    /// <summary>Reads text already decoded; <paramref name="reader"/> is left open.</summary>
    public CsvText(TextReader reader, Func<int, string, Exception> problem)
    {
        text = reader;
        this.problem = problem;
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
            HasByteOrderMark = true;
        }
    }

    public bool HasByteOrderMark { get; }

    public bool? EndsWithLineBreak => finished ? last is '\n' or '\r' : null;

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        var read = text is not null ? text.Read(buffer) : Decode(buffer);
        if (read > 0) last = buffer[read - 1];
        else finished = true;
        return read;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) stream?.Dispose();
        base.Dispose(disposing);
    }

    private int Decode(Span<char> buffer)
    {
        while (true)
        {
            if (start == end && !streamEnded) Refill();
            var flush = streamEnded && start == end;
            int used, decoded;
            try
            {
                decoder.Convert(bytes.AsSpan(start, end - start), buffer, flush, out used, out decoded, out _);
            }
            catch (DecoderFallbackException e)
            {
                // e.Index is relative to this call's bytes, negative for bytes held over from the previous call.
                var at = start + e.Index;
                var line = linesBeforeBuffer + 1 + (at > 0 ? bytes.AsSpan(0, at).Count((byte)'\n') : 0);
                throw problem(line, $"the file is not valid UTF-8 text (bad byte at offset {bufferOffset + at})");
            }

            start += used;
            if (decoded > 0 || flush) return decoded;
        }
    }

    private void Refill()
    {
        linesBeforeBuffer += bytes.AsSpan(0, end).Count((byte)'\n');
        bufferOffset += end;
        start = 0;
        end = Fill(0, 1);
        streamEnded = end == 0;
    }

    private int Fill(int offset, int atLeast)
    {
        try
        {
            return stream!.ReadAtLeast(bytes.AsSpan(offset), atLeast, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw problem(0, $"the compressed data cannot be read ({e.Message})");
        }
    }
}
