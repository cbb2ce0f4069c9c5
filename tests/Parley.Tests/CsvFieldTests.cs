namespace Parley.Tests;

/// <summary>Issue 20 §6: every CSV cell the project writes is safe to open in a spreadsheet.</summary>
public class CsvFieldTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Format_DangerousOrSpecialText_NeutralisedAndQuoted(string text, string cell) => Assert.Equal(cell, CsvField.Format(text));
}
