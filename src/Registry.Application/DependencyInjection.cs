using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Time;

namespace Registry.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1 (the release served here) registered by Scrutor's assembly scan; handlers keep current
    /// MediatR's request/handler shapes so a later upgrade is a version bump.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? autoMapperLicenseKey)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(INotificationHandler<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime());

        // Outermost first: who may ask, whether the request is well formed, whether it touches only the
        // sender's own records, what to audit, then the save.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RecordAccessBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        services.AddScoped<RequestScope>();
        services.AddScoped<Features.Accounts.StaffInvitations>();
        services.AddScoped<IRegistryCalendar, RegistryCalendar>();
        services.AddSingleton<MessageTemplates>(); // with the MessageLinks the host registers
        services.AddScoped<Features.Workforce.WorkforceReports>();

        services.AddAutoMapper(config => config.LicenseKey = autoMapperLicenseKey, assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Random.Shared); // the CE audit draw; tests replace it to force the outcome
        return services;
    }
}
