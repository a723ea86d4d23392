using System.Reflection;
using System.Text.RegularExpressions;
using MediatR;

namespace Registry.Architecture.Tests;

/// <summary>
/// Each file under Features holds one use case, or one helper that use cases share, named as the file: a reader
/// opens <c>Features/Area/VerbNoun.cs</c> and sees the whole of VerbNoun, and nothing else.
/// </summary>
public sealed partial class FeatureFileTests
{
    private static readonly Assembly Application = typeof(Registry.Application.DependencyInjection).Assembly;

    private static readonly string Features = Path.Combine(SolutionFiles.Root, "src", "Registry.Application", "Features");

    /// <summary>Every .cs file under Features, relative to it, with '/' between folders.</summary>
    private static readonly string[] Files =
        Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Features, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Split('/').Intersect(["bin", "obj"]).Any())
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static TheoryData<string> FeatureFiles() => new(Files);

    [Fact]
    public void Feature_files_are_found() => Assert.Contains("Review/DenyApplication.cs", Files);

    [Theory]
    [MemberData(nameof(FeatureFiles))]
    public void Every_feature_file_declares_one_top_level_type_named_as_the_file_in_the_folder_s_namespace(string file)
    {
        var text = File.ReadAllText(Path.Combine(Features, file));
        var expectedNamespace = NamespaceOf(file);

        Assert.True(FileScopedNamespace().Match(text) is { Success: true } declared && declared.Groups["name"].Value == expectedNamespace,
            $"{file} should open with 'namespace {expectedNamespace};'.");
        var types = TopLevelType().Matches(text).Select(m => m.Groups["name"].Value).ToList();
        Assert.True(types.SequenceEqual([Path.GetFileNameWithoutExtension(file)]),
            $"{file} should declare exactly one top-level type, {Path.GetFileNameWithoutExtension(file)}; it declares {string.Join(", ", types)}.");
    }

    [Theory]
    [MemberData(nameof(FeatureFiles))]
    public void A_feature_file_holds_at_most_one_request(string file)
    {
        var name = $"{NamespaceOf(file)}.{Path.GetFileNameWithoutExtension(file)}";
        var type = Application.GetType(name);
        Assert.True(type is not null, $"{file} should declare {name}.");

        var requests = WithNestedTypes(type).Where(IsRequest).Select(t => t.FullName).ToList();

        Assert.True(requests.Count <= 1, $"{file} holds {requests.Count} requests ({string.Join(", ", requests)}); give each use case its own file.");
    }

    [Fact]
    public void Every_request_lives_in_the_file_named_after_its_use_case()
    {
        var misplaced = Application.GetTypes().Where(IsRequest)
            .Select(request => OutermostType(request))
            .Where(useCase => !File.Exists(Path.Combine(Features, FolderOf(useCase.Namespace!), useCase.Name + ".cs")))
            .Select(useCase => useCase.FullName)
            .ToList();

        Assert.Empty(misplaced);
    }

    private static bool IsRequest(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i => i == typeof(IRequest) || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    private static IEnumerable<Type> WithNestedTypes(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNestedTypes).Prepend(type);

    private static Type OutermostType(Type type) => type.DeclaringType is { } outer ? OutermostType(outer) : type;

    private static string NamespaceOf(string file) =>
        string.Join('.', ["Registry.Application.Features", .. Path.GetDirectoryName(file)!.Split('/', StringSplitOptions.RemoveEmptyEntries)]);

    private static string FolderOf(string @namespace) =>
        Path.Combine(@namespace.Replace("Registry.Application.Features", "").Split('.', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>With file-scoped namespaces, a top-level type is the one declaration that starts a line.</summary>
    [GeneratedRegex(@"^(?:[a-z]+\s+)*?(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
