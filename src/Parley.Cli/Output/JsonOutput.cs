using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Outcomes;

namespace Parley.Cli.Output;

/// <summary>
/// Writes one JSON document (indented, UTF-8, non-ASCII kept readable) straight to its destination: the writer's bytes go
/// out in chunks of <see cref="ChunkBytes"/> as the document is written, so a document of any size costs a constant
/// amount of memory on top of the data it describes. Writers of long arrays call <see cref="Pace"/> once per element.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Bytes the JSON writer buffers before they are passed on to the destination.</summary>
    internal const int ChunkBytes = 1 << 16;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the document <paramref name="body"/> writes, then a line break, to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        if (writer is StreamWriter { BaseStream: { CanWrite: true } stream } file && file.Encoding.Preamble.Length == 0 && file.Encoding.CodePage == Encoding.UTF8.CodePage)
        {
            file.Flush();
            Write(stream, body);
        }
        else
        {
            using var chars = new TextWriterStream(writer);
            Write(chars, body);
        }
        writer.WriteLine();
        writer.Flush();
    }

    private static void Write(Stream stream, Action<Utf8JsonWriter> body)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        body(json);
        json.Flush();
    }

    /// <summary>Passes the bytes written so far on to the destination once they fill a chunk (call once per array element).</summary>
    public static void Pace(Utf8JsonWriter json)
    {
        if (json.BytesPending >= ChunkBytes) json.Flush();
    }

    /// <summary>
    /// For a phased scenario, a property <c>phases</c>: the outcome's values phase by phase, a list of
    /// <c>{phase, values: {issue: value}}</c> (once-issues in every phase); nothing for a flat scenario.
    /// </summary>
    public static void WritePhases(Utf8JsonWriter json, Parley.Scenarios.Phases.PhaseStructure? phases, ReadOnlySpan<int> values)
    {
        if (phases is null) return;
        json.WriteStartArray("phases");
        foreach (var (phase, list) in phases.ByPhase(values))
        {
            json.WriteStartObject();
            json.WriteString("phase", phase);
            json.WriteStartObject("values");
            foreach (var (issue, value) in list) json.WriteString(issue, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>An outcome as one JSON object mapping issue name to value text, in issue order.</summary>
    public static void WriteOutcome(Utf8JsonWriter json, OutcomeSpace space, ReadOnlySpan<int> values)
    {
        json.WriteStartObject();
        for (int i = 0; i < space.IssueCount; i++) json.WriteString(space.Issues[i].Name, space.Issues[i].FormatValue(values[i]));
        json.WriteEndObject();
    }

    /// <summary>A write-only stream that decodes UTF-8 bytes and passes the text on to a <see cref="TextWriter"/> (standard output).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private char[] _chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                var part = buffer[..Math.Min(buffer.Length, ChunkBytes)];
                int n = _decoder.GetChars(part, _chars, flush: false);
                writer.Write(_chars, 0, n);
                buffer = buffer[part.Length..];
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (_chars.Length > 0) ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
            base.Dispose(disposing);
        }
    }
}
