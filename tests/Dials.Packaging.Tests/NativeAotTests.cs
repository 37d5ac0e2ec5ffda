using System.Diagnostics;

namespace Dials.Packaging.Tests;

/// <summary>
/// Generated code needs no reflection: the Quickstart, published with NativeAOT, prints exactly what it prints under the
/// JIT (search space, seeded samples, validation messages).
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class NativeAotTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("dials-aot-").FullName;

    [Fact]
    public void Quickstart_published_with_NativeAOT_behaves_as_under_the_JIT()
    {
        var root = Dials.Testing.RepositoryRoot.Path;
        var (jitExit, jitOutput) = DotnetCli.Run(root, "run", "--project", "samples/Quickstart");
        Assert.True(jitExit == 0, jitOutput);

        var (publishExit, publishOutput) = DotnetCli.Run(root,
            "publish", "samples/Quickstart", "-c", "Release", "-r", "linux-x64", "-p:DialsPublishAot=true", "-o", output);
        Assert.True(publishExit == 0, publishOutput);
        Assert.DoesNotContain("warning IL", publishOutput);

        var native = Path.Combine(output, "Quickstart");
        Assert.False(File.Exists(Path.Combine(output, "Quickstart.dll")), "expected a native executable, not IL");
        using var process = Process.Start(new ProcessStartInfo(native) { RedirectStandardOutput = true })!;
        var nativeOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(jitOutput.ReplaceLineEndings(), nativeOutput.ReplaceLineEndings());
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
