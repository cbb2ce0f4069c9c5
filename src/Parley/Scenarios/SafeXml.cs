using System.Xml;
using System.Xml.Linq;

namespace Parley.Scenarios;

/// <summary>Loads XML with DTD processing prohibited and no external resolution, turning every failure into a <see cref="ScenarioFormatException"/>.</summary>
internal static class SafeXml
{
    public static XDocument Load(string file)
    {
        ScenarioLoader.CheckSize(file);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ScenarioLoader.MaxFileBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
        };
        try
        {
            InputGuard.CheckXml(file, settings);
            using var stream = File.OpenRead(file);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScenarioFormatException(file, $"line {e.LineNumber}", "a DTD (<!DOCTYPE>) is not allowed in scenario files; expected plain XML", e);
        }
        catch (XmlException e)
        {
            throw new ScenarioFormatException(file, $"line {e.LineNumber}, column {e.LinePosition}", $"malformed XML: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>"&lt;issue name="x"&gt; at line 12" — how an error names an element.</summary>
    public static string Describe(XElement e)
    {
        string name = e.Attribute("name")?.Value is { } n ? $" name=\"{n}\"" : e.Attribute("index")?.Value is { } i ? $" index=\"{i}\"" : "";
        var info = (IXmlLineInfo)e;
        return info.HasLineInfo() ? $"<{e.Name.LocalName}{name}> at line {info.LineNumber}" : $"<{e.Name.LocalName}{name}>";
    }
}
