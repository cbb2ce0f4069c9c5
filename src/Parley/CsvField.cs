namespace Parley;

/// <summary>
/// One text cell of a CSV file as every CSV the project writes encodes it: quoted when it holds a comma, a quote or a line
/// break (quotes doubled), and neutralised for spreadsheet tools when it starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return (a leading <c>'</c> makes the cell text rather than a formula; OWASP's guidance
/// on CSV injection). Numbers are written by their own formatting, never through here.
/// </summary>
internal static class CsvField
{
    /// <summary>The cell for <paramref name="text"/>.</summary>
    public static string Format(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
