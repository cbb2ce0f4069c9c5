using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Cli.Output;

/// <summary>Writes one JSON document to a text writer (indented, UTF-8, non-ASCII kept readable).</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(json);
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Flush();
    }
}
