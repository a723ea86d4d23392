using MediatR;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Api;

/// <summary>/api/v1/jurisdictions: the states and their programs, for anyone.</summary>
public static class JurisdictionsApi
{
    public static void MapJurisdictionsApi(this RouteGroupBuilder api) =>
        api.MapGet("/jurisdictions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListJurisdictions.Query(), ct))
            .WithTags("Jurisdictions")
            .WithName("ListJurisdictions")
            .WithSummary("Public: the states and their credential programs (code and name).")
            .AllowAnonymous();
}
