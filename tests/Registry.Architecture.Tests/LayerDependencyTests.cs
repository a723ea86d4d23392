using System.Reflection;

namespace Registry.Architecture.Tests;

/// <summary>Dependencies point inwards: Web → Infrastructure → Application → Domain, and Domain depends on nothing.</summary>
public class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Registry.Domain.Credentials.Credential).Assembly;
    private static readonly Assembly Application = typeof(Registry.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Registry.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Registry.Web.Api.RegistryApi).Assembly;

    private static IReadOnlyList<string> ReferencedAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(name => name.Name ?? "").ToList();

    private static bool IsBaseLibrary(string name) =>
        name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal);

    [Fact]
    public void The_assemblies_checked_are_the_solutions_own()
    {
        Assert.Equal(
            ["Registry.Domain", "Registry.Application", "Registry.Infrastructure", "Registry.Web"],
            new[] { Domain, Application, Infrastructure, Web }.Select(a => a.GetName().Name));
    }

    [Fact]
    public void The_domain_assembly_references_nothing_but_the_base_library()
    {
        Assert.DoesNotContain(ReferencedAssemblies(Domain), name => !IsBaseLibrary(name));
    }

    [Theory]
    [InlineData("PackageReference")]
    [InlineData("ProjectReference")]
    [InlineData("FrameworkReference")]
    [InlineData("Reference")]
    public void The_domain_project_has_no_references_of_its_own(string kind)
    {
        Assert.Empty(SolutionFiles.Items("Registry.Domain", kind));
    }

    [Fact]
    public void The_application_assembly_references_the_domain_but_not_infrastructure_or_web()
    {
        var references = ReferencedAssemblies(Application);

        Assert.Contains("Registry.Domain", references);
        Assert.DoesNotContain("Registry.Infrastructure", references);
        Assert.DoesNotContain("Registry.Web", references);
    }

    [Fact]
    public void The_application_project_references_the_domain_but_not_infrastructure_or_web()
    {
        var references = SolutionFiles.ReferencedProjects("Registry.Application");

        Assert.Contains("Registry.Domain", references);
        Assert.DoesNotContain("Registry.Infrastructure", references);
        Assert.DoesNotContain("Registry.Web", references);
    }

    [Fact]
    public void The_infrastructure_assembly_does_not_reference_web()
    {
        Assert.DoesNotContain("Registry.Web", ReferencedAssemblies(Infrastructure));
    }

    [Fact]
    public void The_infrastructure_project_does_not_reference_web()
    {
        Assert.DoesNotContain("Registry.Web", SolutionFiles.ReferencedProjects("Registry.Infrastructure"));
    }
}
