using System.Text;
using System.Text.Json;
using Parley.Cli.Commands;
using Parley.Scenarios.Yaml;
using Parley.Tests.Testing;
using Spectre.Console.Testing;

namespace Parley.Cli.Tests;

/// <summary>
/// Issue 20 §2: JSON goes to its destination as it is written, in chunks, never built whole in memory first; the
/// transcript a negotiation document lists is the user's choice (<c>--transcript</c>); <c>--out</c> is written through a
/// temporary file moved into place.
/// </summary>
public sealed class StreamedOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bundled(string name) => Path.Combine(CliRunner.RepoRoot, "scenarios", name);

    /// <summary>A standard output that remembers the longest single write it was given.</summary>
    private sealed class ChunkRecorder : TextWriter
    {
        private readonly StringBuilder _text = new();
        public int LongestWrite { get; private set; }
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => Write([value], 0, 1);
        public override void Write(char[] buffer, int index, int count)
        {
            LongestWrite = Math.Max(LongestWrite, count);
            _text.Append(buffer, index, count);
        }
        public override void Write(string? value)
        {
            LongestWrite = Math.Max(LongestWrite, value?.Length ?? 0);
            _text.Append(value);
        }
        public override string ToString() => _text.ToString();
    }

    private static (int Code, ChunkRecorder Out, string Error) Run(params string[] args)
    {
        var output = new ChunkRecorder();
        var error = new StringWriter();
        int code = ParleyApp.Run(args, new CliIo(new TestConsole().Width(200), output, error));
        return (code, output, error.ToString());
    }

    [Fact]
    public void AnalyzeJson_ThousandsOfFrontierPoints_ReachStandardOutputInChunks()
    {
        string file = Path.Combine(_dir, "additive60.yaml");
        YamlScenarioWriter.WriteFile(HugeScenarios.Additive(issues: 60), file);
        var (code, output, error) = Run("analyze", file, "--json", "--max-points", "3000");
        Assert.True(code == 0, error);
        string text = output.ToString();
        Assert.True(text.Length > 1_000_000, $"document of {text.Length} chars");
        Assert.InRange(output.LongestWrite, 1, 128 * 1024);
        using var doc = JsonDocument.Parse(text);
        Assert.True(doc.RootElement.GetProperty("paretoFrontier").GetProperty("points").GetArrayLength() > 1000);
    }

    [Fact]
    public void NegotiateJson_LongTranscript_ReachesStandardOutputInChunks()
    {
        var (code, output, error) = Run("negotiate", Bundled("EnglandZimbabwe"), "--agents", "hardliner,hardliner", "--rounds", "20000", "--json", "--no-quality");
        Assert.True(code == 0, error);
        string text = output.ToString();
        Assert.True(text.Length > 5_000_000, $"document of {text.Length} chars");
        Assert.InRange(output.LongestWrite, 1, 128 * 1024);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(40000, doc.RootElement.GetProperty("offers").GetArrayLength());
        Assert.Equal("all", doc.RootElement.GetProperty("transcript").GetString());
    }

    /// <summary>
    /// Runs the CLI as a process whose managed heap is capped at <paramref name="heapMegabytes"/> MB, with its standard output
    /// counted and dropped; returns the exit code, the bytes written and stderr.
    /// </summary>
    private static (int Code, long Bytes, string Error) RunCapped(int heapMegabytes, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_GCHeapHardLimit"] = $"0x{(long)heapMegabytes << 20:X}";
        psi.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        long bytes = 0;
        var buffer = new byte[1 << 16];
        int n;
        while ((n = process.StandardOutput.BaseStream.Read(buffer)) > 0) bytes += n;
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("parley " + string.Join(' ', args));
        }
        return (process.ExitCode, bytes, stderr.Result);
    }

    [Fact]
    public void Json_DocumentsSeveralTimesTheHeapLimit_AreWrittenWithinIt()
    {
        // A 256 MB heap: the work (a 300-issue frontier, 600,000 rounds of transcript) fits; a document held in memory
        // (bytes, then text) would not. Issue 20 §2.
        string file = Path.Combine(_dir, "additive300.yaml");
        YamlScenarioWriter.WriteFile(HugeScenarios.Additive(), file);
        var analysis = RunCapped(256, "analyze", file, "--json", "--max-points", "40000");
        Assert.True(analysis.Code == 0, analysis.Error);
        Assert.True(analysis.Bytes > 256L << 20, $"{analysis.Bytes:N0} bytes");

        var run = RunCapped(256, "negotiate", Bundled("EnglandZimbabwe"), "--agents", "hardliner,hardliner", "--rounds", "600000", "--json", "--no-quality");
        Assert.True(run.Code == 0, run.Error);
        Assert.True(run.Bytes > 256L << 20, $"{run.Bytes:N0} bytes");
    }

    [Fact]
    public void NegotiateJson_SameBytesOnStandardOutputAndInTheOutFile()
    {
        string file = Path.Combine(_dir, "deep", "run.json");
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "boulware,conceder", "--seed", "5", "--json", "--out", file);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(r.Out, File.ReadAllText(file));
        Assert.False(File.ReadAllBytes(file).AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        Assert.Equal(["run.json"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteFile_WriterFailsHalfWay_KeepsThePreviousFileAndLeavesNoTemporaryFile()
    {
        string file = Path.Combine(_dir, "kept.json");
        File.WriteAllText(file, "previous");
        Assert.Throws<InvalidOperationException>(() => OutputPath.WriteFile(file, writer =>
        {
            writer.Write(new string('x', 100_000));
            throw new InvalidOperationException("half-way");
        }));
        Assert.Equal("previous", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(_dir));
    }

    [Fact]
    public void ReportOut_JsonFile_EqualsTheJsonOnStandardOutput()
    {
        string file = Path.Combine(_dir, "report.json");
        var r = CliRunner.InProcess("report", Bundled("cairo-2024.yaml"), "--no-runs", "--json", "-o", file);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(r.Out, File.ReadAllText(file));
    }

    [Theory]
    [InlineData("all", 40000)]
    [InlineData("offers", 2)]
    [InlineData("none", 0)]
    public void NegotiateTranscript_HardlinersForTwentyThousandRounds_ListsWhatTheUserKeeps(string keep, int listed)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("EnglandZimbabwe"), "--agents", "hardliner,hardliner", "--rounds", "20000", "--json", "--no-quality", "--transcript", keep);
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(keep, root.GetProperty("transcript").GetString());
        Assert.Equal(listed, root.GetProperty("offers").GetArrayLength());
        Assert.Equal(20000, root.GetProperty("rounds").GetInt32());
        Assert.Equal("deadline", root.GetProperty("status").GetString());
    }

    [Fact]
    public void NegotiateTranscriptOffers_Agreement_ListsChangedOffersAndTheAcceptance()
    {
        var all = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "boulware,conceder", "--seed", "2", "--json", "--no-quality");
        var offers = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "boulware,conceder", "--seed", "2", "--json", "--no-quality", "--transcript", "offers");
        using var allDoc = JsonDocument.Parse(all.Out);
        using var offersDoc = JsonDocument.Parse(offers.Out);
        var every = allDoc.RootElement.GetProperty("offers").EnumerateArray().ToList();
        var kept = offersDoc.RootElement.GetProperty("offers").EnumerateArray().ToList();
        Assert.InRange(kept.Count, 2, every.Count - 1);
        Assert.Equal("accept", kept[^1].GetProperty("action").GetString());
        Assert.Equal(every[^1].GetRawText(), kept[^1].GetRawText());
        // No party repeats its previous offer in the kept list.
        foreach (var party in kept.Select(e => e.GetProperty("party").GetString()).Distinct())
        {
            var mine = kept.Where(e => e.GetProperty("party").GetString() == party && e.GetProperty("action").GetString() == "offer")
                .Select(e => e.GetProperty("outcome").GetRawText()).ToList();
            for (int i = 1; i < mine.Count; i++) Assert.NotEqual(mine[i - 1], mine[i]);
        }
        Assert.Equal(allDoc.RootElement.GetProperty("utilities").GetRawText(), offersDoc.RootElement.GetProperty("utilities").GetRawText());
    }

    [Fact]
    public void NegotiateTranscript_UnknownValue_IsRefused()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--transcript", "some");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--transcript", r.Error);
        Assert.Contains("all, offers or none", r.Error);
    }
}
