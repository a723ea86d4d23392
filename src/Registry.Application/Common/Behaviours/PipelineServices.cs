using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Common.Behaviours;

/// <summary>
/// MediatR's way into the container (its <see cref="ServiceFactory"/>). A plain public read, a
/// <see cref="PublicRequestAttribute"/> request that is no command, no audited read and about no one's records, gets
/// its validation alone as its pipeline: every other behaviour passes such a request straight through, so resolving
/// them (the signed-in user, the access log, a database context for a unit of work that saves nothing) would be work
/// for nothing on the busiest anonymous path there is, verification.
/// </summary>
public static class PipelineServices
{
    /// <summary>Every behaviour, outermost first; a plain public read skips all but <see cref="ValidationBehaviour{TRequest,TResponse}"/>.</summary>
    public static readonly IReadOnlyList<Type> Behaviours =
    [
        typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(RecordAccessBehaviour<,>), typeof(AuditBehaviour<,>), typeof(UnitOfWorkBehaviour<,>),
    ];

    private static readonly Type[] RecordScopes =
        [typeof(IAuditedRead), typeof(IStateScoped), typeof(IProgramScoped), typeof(IApplicationScoped), typeof(ICredentialScoped), typeof(IFeeScoped)];

    /// <summary>For each service MediatR asks for: how to make the validation behaviour's array alone, or null to ask the container.</summary>
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object>?> ValidationOnly = new();

    public static IServiceCollection AddPipelineBehaviours(this IServiceCollection services)
    {
        foreach (var behaviour in Behaviours) services.AddScoped(typeof(IPipelineBehavior<,>), behaviour);
        services.AddScoped(typeof(ValidationBehaviour<,>));
        services.AddScoped<ServiceFactory>(provider => serviceType =>
            ValidationOnly.GetOrAdd(serviceType, ValidationAloneOf) is { } validationAlone ? validationAlone(provider) : provider.GetService(serviceType)!);
        return services;
    }

    /// <summary>Whether <paramref name="requestType"/> is a plain public read.</summary>
    public static bool IsPlainPublicRead(Type requestType) =>
        requestType.GetCustomAttribute<PublicRequestAttribute>() is not null
        && !requestType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        && !RecordScopes.Any(scope => scope.IsAssignableFrom(requestType));

    /// <summary>When MediatR asks for the behaviours of a plain public read: the maker of its validation behaviour's array alone.</summary>
    private static Func<IServiceProvider, object>? ValidationAloneOf(Type serviceType) =>
        serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
        && serviceType.GetGenericArguments()[0] is { IsGenericType: true } behaviour && behaviour.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>)
        && IsPlainPublicRead(behaviour.GetGenericArguments()[0])
            ? typeof(PipelineServices).GetMethod(nameof(ValidationAlone), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(behaviour.GetGenericArguments()).CreateDelegate<Func<IServiceProvider, object>>()
            : null;

    private static object ValidationAlone<TRequest, TResponse>(IServiceProvider provider) where TRequest : notnull =>
        new IPipelineBehavior<TRequest, TResponse>[] { provider.GetRequiredService<ValidationBehaviour<TRequest, TResponse>>() };
}
