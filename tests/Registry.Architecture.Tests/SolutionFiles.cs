using System.Xml.Linq;

namespace Registry.Architecture.Tests;

/// <summary>The solution's project files, found by walking up from the test's output folder to Registry.sln.</summary>
internal static class SolutionFiles
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Registry.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Registry.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The Include of every item of <paramref name="kind"/> (PackageReference, ProjectReference, ...) in src/NAME/NAME.csproj.</summary>
    public static IReadOnlyList<string> Items(string project, string kind)
    {
        var path = Path.Combine(Root, "src", project, project + ".csproj");
        return XDocument.Load(path).Descendants()
            .Where(e => e.Name.LocalName == kind)
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "")
            .ToList();
    }

    /// <summary>Names of the projects and assemblies a project refers to, by ProjectReference or a direct Reference.</summary>
    public static IReadOnlyList<string> ReferencedProjects(string project) =>
        Items(project, "ProjectReference").Concat(Items(project, "Reference"))
            .Select(include => include.Split(',')[0].Replace('\\', '/'))
            .Select(include => include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || include.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFileNameWithoutExtension(include)
                : Path.GetFileName(include))
            .ToList();
}
