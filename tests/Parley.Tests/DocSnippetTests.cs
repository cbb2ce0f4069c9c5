using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Parley.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the README, the docs and the package READMEs compiles against the Parley assemblies,
/// as a reader would paste it: a block that shows its <c>using</c> directives is compiled with only those and the SDK's
/// implicit usings (a new console app or library); a fragment without any is compiled with every Parley namespace
/// imported. Statements make it a program (top-level statements), declarations alone a library.
/// </summary>
public sealed partial class DocSnippetTests
{
    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, index, _) in AllSnippets()) data.Add(file, index);
        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string file, int index)
    {
        var (_, _, code) = AllSnippets().Single(s => s.File == file && s.Index == index);
        var errors = Compile(code);
        Assert.True(errors.Count == 0, $"{file}, C# block {index + 1}:\n{string.Join("\n", errors)}\n---\n{code}");
    }

    [Fact]
    public void Snippets_AreFoundInTheReadmeDocsAndPackages()
    {
        var files = AllSnippets().Select(s => s.File).Distinct().ToList();
        Assert.Contains("docs/negotiators.md", files);
        Assert.Contains("docs/protocols.md", files);
        Assert.Contains("src/Parley/PACKAGE.md", files);
        Assert.Contains("src/Parley.Storage/PACKAGE.md", files);
    }

    [Fact]
    public void Compile_RefusesASnippetThatUsesAnUndefinedName()
    {
        var errors = Compile("""
            using Parley.Analysis;
            QualityMeasures? quality = null;
            Console.WriteLine(report.Frontier);
            """);
        Assert.Contains(errors, e => e.Contains("CS0103", StringComparison.Ordinal) && e.Contains("report", StringComparison.Ordinal));
    }

    private static IEnumerable<(string File, int Index, string Code)> AllSnippets()
    {
        string root = TestPaths.RepoRoot;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        foreach (string path in files)
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            int index = 0;
            foreach (Match m in CSharpBlock().Matches(File.ReadAllText(path)))
                yield return (relative, index++, m.Groups["code"].Value);
        }
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(p) != Path.GetFileName(typeof(DocSnippetTests).Assembly.Location))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    private static readonly Lazy<string[]> ParleyNamespaces = new(() =>
        new[] { typeof(Parley.Scenarios.Scenario).Assembly, typeof(Parley.Tournaments.Storage.TournamentStore).Assembly }
            .SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray());

    /// <summary>The compiler errors of <paramref name="code"/>, one line each.</summary>
    private static List<string> Compile(string code)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var tree = CSharpSyntaxTree.ParseText(code, options);
        bool fragment = !tree.GetCompilationUnitRoot().Usings.Any();
        string globals = string.Join("\n", ImplicitUsings.Concat(fragment ? ParleyNamespaces.Value : []).Select(n => $"global using {n};"));
        bool program = tree.GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
        var compilation = CSharpCompilation.Create("Snippet", [tree, CSharpSyntaxTree.ParseText(globals, options)], References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }
}
