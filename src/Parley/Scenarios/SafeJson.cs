using System.Text.Json;

namespace Parley.Scenarios;

/// <summary>Loads JSON with a bounded nesting depth, turning every failure into a <see cref="ScenarioFormatException"/>.</summary>
internal static class SafeJson
{
    /// <summary>Deepest nesting a scenario JSON file may have; GeniusWeb profiles need 6.</summary>
    public const int MaxDepth = 64;

    public static JsonDocument Load(string file)
    {
        ScenarioLoader.CheckSize(file);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
        return Parse(file, bytes);
    }

    public static JsonDocument Parse(string file, ReadOnlyMemory<byte> utf8)
    {
        var options = new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            return JsonDocument.Parse(utf8, options);
        }
        catch (JsonException e) when (e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScenarioFormatException(file, $"line {e.LineNumber + 1}", $"JSON nested more than {MaxDepth} levels deep; expected a scenario file (a few levels)", e);
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException(file, $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", $"malformed JSON: {FirstSentence(e.Message)}", e);
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
