using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(INotificationHandler<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            // A validator with nothing to inject holds only its rules, built once; the others read the database or the user.
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)).Where(NeedsNothing), publicOnly: false).AsImplementedInterfaces().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)).Where(t => !NeedsNothing(t)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime());

        // Outermost first: who may ask, whether the request is well formed, whether it touches only the
        // sender's own records, what to audit, then the save.
        services.AddPipelineBehaviours();
        services.AddScoped<RequestScope>();
        services.TryAddScoped<Features.Verification.IPublicRecordReader, Features.Verification.CompiledPublicRecordReader>(); // unless the provider has its own
        services.AddScoped<Features.Accounts.StaffInvitations>();
        services.AddScoped<IRegistryCalendar, RegistryCalendar>();
        services.AddSingleton<MessageTemplates>(); // with the MessageLinks the host registers
        services.AddScoped<Features.Workforce.WorkforceReports>();
        services.AddScoped<Features.OpenData.OpenDataReleases>();

        services.AddAutoMapper(config => config.LicenseKey = autoMapperLicenseKey, assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Random.Shared); // the CE audit draw; tests replace it to force the outcome
        return services;
    }

    private static bool NeedsNothing(Type type) => type.GetConstructors().All(constructor => constructor.GetParameters().Length == 0);
}
