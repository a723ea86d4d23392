using System.Reflection;
using MediatR;
using Registry.Application.Common.Security;

namespace Registry.Architecture.Tests;

/// <summary>Every MediatR request says who may send it and has one handler; requests follow the feature layout.</summary>
public class RequestConventionTests
{
    private static readonly Assembly Application = typeof(Registry.Application.DependencyInjection).Assembly;

    private static Type? ResponseOf(Type type) =>
        type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            ?.GetGenericArguments()[0];

    /// <summary>Every concrete class (records included) in Registry.Application that implements IRequest&lt;T&gt;.</summary>
    private static readonly Type[] Requests =
        Application.GetTypes().Where(t => t.IsClass && !t.IsAbstract && ResponseOf(t) is not null).OrderBy(t => t.FullName).ToArray();

    public static TheoryData<Type> RequestTypes() => new(Requests);

    [Fact]
    public void Commands_and_queries_are_found()
    {
        Assert.Contains(typeof(Registry.Application.Features.Applications.SubmitApplication.Command), Requests);
        Assert.Contains(typeof(Registry.Application.Features.Jurisdictions.ListJurisdictions.Query), Requests);
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Every_request_declares_either_allowed_roles_or_that_it_is_public(Type request)
    {
        var declarations = request.GetCustomAttributes(inherit: false)
            .Where(a => a is AllowedRolesAttribute or PublicRequestAttribute)
            .ToList();

        Assert.True(declarations.Count == 1,
            $"{request.FullName} must carry exactly one of [AllowedRoles] or [PublicRequest]; it has {declarations.Count}.");
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Allowed_roles_name_at_least_one_known_role(Type request)
    {
        if (request.GetCustomAttribute<AllowedRolesAttribute>() is not { } allowed)
            return; // public requests name no roles

        Assert.NotEmpty(allowed.Roles);
        Assert.All(allowed.Roles, role => Assert.Contains(role, Roles.All));
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Every_request_has_exactly_one_handler(Type request)
    {
        var handlerInterface = typeof(IRequestHandler<,>).MakeGenericType(request, ResponseOf(request)!);

        var handlers = Application.GetTypes().Where(t => t.IsClass && !t.IsAbstract && handlerInterface.IsAssignableFrom(t)).ToList();

        Assert.True(handlers.Count == 1,
            $"{request.FullName} needs exactly one IRequestHandler<,> in Registry.Application; found {handlers.Count}.");
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Every_request_is_a_Command_or_Query_record_nested_in_a_static_feature_class(Type request)
    {
        var feature = request.DeclaringType;

        Assert.True(request.Name is "Command" or "Query", $"{request.FullName} should be named Command or Query.");
        Assert.True(feature is { IsAbstract: true, IsSealed: true }, $"{request.FullName} should be nested in a static class.");
        Assert.StartsWith("Registry.Application.Features.", request.Namespace);
        Assert.True(request.GetMethod("<Clone>$") is not null, $"{request.FullName} should be a record.");
    }
}
