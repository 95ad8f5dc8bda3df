using System.Reflection;
using System.Xml.Linq;

namespace Memento.Tests.Architecture;

/// <summary>
/// The four layers and their arrows (README of each project): the engine and imaging know nothing of ours, the
/// domain knows neither the engine nor HTTP, the API knows the domain and the engine, the host knows all. Checked
/// twice: the project files (what may be referenced) and the compiled assemblies (what is actually used).
/// </summary>
public class LayerArrowsTests
{
    public static TheoryData<string, string[], string[]> Layers => new()
    {
        // project, our projects it may reference, assembly-name prefixes it must never load
        { "Memento.GraphQL", [], [] },
        { "Memento.Imaging", [], ["Microsoft.AspNetCore"] },
        { "Memento.Domain", [], ["Microsoft.AspNetCore", "Memento.GraphQL"] },
        { "Memento.Schema", ["Memento.Domain", "Memento.GraphQL"], ["Memento.Imaging"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_project_references_only_the_layers_below_it(string project, string[] allowed, string[] forbidden)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryRoot(), project, project + ".csproj"));
        var referenced = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
        Assert.Empty(referenced.Except(allowed));
        Assert.DoesNotContain(csproj.Descendants("FrameworkReference"),
            f => forbidden.Contains("Microsoft.AspNetCore") && f.Attribute("Include")?.Value == "Microsoft.AspNetCore.App");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void An_assembly_uses_only_the_layers_below_it(string project, string[] allowed, string[] forbidden)
    {
        var assembly = Assembly.Load(project);
        var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var ours = used.Where(n => n.StartsWith("Memento.", StringComparison.Ordinal)).ToArray();
        Assert.Empty(ours.Except(allowed));
        Assert.DoesNotContain(used, n => forbidden.Any(prefix => n.StartsWith(prefix, StringComparison.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Memento.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Memento.sln not found above the test binaries.");
    }
}
